import { describe, expect, it } from 'vitest';
import { createLinePrinter } from '../../src/logfmt/index.js';
import { createStore, initialState, type Scheduler } from '../../src/store/index.js';
import { log, project } from '../store/fixtures.js';

function manual(): { schedule: Scheduler; run: () => void } {
  let fns: Array<() => void> = [];
  return {
    schedule: (fn) => {
      fns.push(fn);
      return () => (fns = fns.filter((f) => f !== fn));
    },
    run: () => {
      const now = fns;
      fns = [];
      now.forEach((f) => f());
    },
  };
}

describe('createLinePrinter', () => {
  it('writes whole lines in one chunk per tick, prefixes padded to the widest service', () => {
    const store = createStore();
    const out: string[] = [];
    const tick = manual();
    createLinePrinter(store, (c) => out.push(c), { schedule: tick.schedule });
    store.dispatch(project(['db', 'api', 'worker']));
    store.dispatch(log('db', 'one'));
    store.dispatch(log('api', 'two'));
    expect(out).toEqual([]);
    tick.run();
    expect(out).toEqual(['db      | one\napi     | two\n']);
  });

  it('loses no line even when a service outruns its buffer between frames', () => {
    const store = createStore(initialState({ logBufferLines: 10 }));
    const out: string[] = [];
    const tick = manual();
    const p = createLinePrinter(store, (c) => out.push(c), { schedule: tick.schedule, highWaterChars: 500 });
    store.dispatch(project(['api']));
    for (let i = 0; i < 300; i++) store.dispatch({ type: 'logs', entries: [{ service: 'api', stream: 'stdout', line: `n${i}`, at: i }] });
    p.close();
    const lines = out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    expect(lines[299]).toBe('api  | n299');
    expect(out.length).toBeGreaterThan(1); // the high-water mark forced early writes
    expect(out.every((c) => c.endsWith('\n'))).toBe(true);
  });

  it('prints state changes once each, and only for the chosen services', () => {
    const store = createStore();
    const out: string[] = [];
    const p = createLinePrinter(store, (c) => out.push(c), { schedule: manual().schedule, services: ['api'] });
    store.dispatch(project(['db', 'api']));
    const waiting = { type: 'service/phase', service: 'api', phase: 'waiting', at: 1, reason: 'waiting for db: healthy — last probe: connection refused' } as const;
    store.dispatch(waiting);
    store.dispatch({ ...waiting, at: 2 }); // same words again: not repeated
    store.dispatch({ type: 'service/phase', service: 'db', phase: 'ready', at: 3 });
    store.dispatch(log('db', 'hidden'));
    store.dispatch({ type: 'service/phase', service: 'api', phase: 'ready', at: 4 });
    store.dispatch({ type: 'service/health', service: 'api', health: 'unhealthy', lastProbe: 'HTTP 500', at: 5 });
    store.dispatch({ type: 'service/restarted', service: 'api', restarts: 1, at: 6 });
    store.dispatch({ type: 'sync/status', service: 'api', at: 7, files: 2, pending: 0 });
    store.dispatch({ type: 'sync/status', service: 'api', at: 8, files: 0, pending: 0, error: 'tar failed' });
    p.close();
    expect(out.join('')).toBe(
      [
        'api  | ◆ waiting for db: healthy — last probe: connection refused',
        'api  | ◆ ready',
        'api  | ◆ unhealthy: HTTP 500',
        'api  | ◆ restarted (1)',
        'api  | ◆ synced 2 files',
        'api  | ◆ sync failed: tar failed',
        '',
      ].join('\n'),
    );
  });

  it('prints seed progress and can leave status out', () => {
    const store = createStore();
    const out: string[] = [];
    const a = createLinePrinter(store, (c) => out.push(c), { schedule: manual().schedule });
    const b: string[] = [];
    const quiet = createLinePrinter(store, (c) => b.push(c), { schedule: manual().schedule, status: false });
    store.dispatch(project(['db']));
    store.dispatch({ type: 'seed/status', service: 'db', at: 1, state: 'failed', message: 'syntax error' });
    store.dispatch(log('db', 'x'));
    a.close();
    quiet.close();
    expect(out.join('')).toBe('db  | ◆ seed failed: syntax error\ndb  | x\n');
    expect(b.join('')).toBe('db  | x\n');
  });

  it('stops listening on close', () => {
    const store = createStore();
    const out: string[] = [];
    const p = createLinePrinter(store, (c) => out.push(c), { schedule: manual().schedule });
    p.close();
    store.dispatch(log('db', 'late'));
    p.flush();
    expect(out).toEqual([]);
  });
});

describe("createLinePrinter with compose's names", () => {
  it('prints a container under compose\'s name (foo-1, a container_name) padded as compose pads: "foo-1  | hello"', () => {
    const store = createStore();
    const out: string[] = [];
    const tick = manual();
    createLinePrinter(store, (c) => out.push(c), { schedule: tick.schedule });
    const p = project(['foo', 'bar', 'host']);
    if (p.type !== 'project/loaded') throw new Error('fixture');
    p.project.services[0].label = 'foo-1';
    p.project.services[1].label = 'custom';
    store.dispatch(p);
    store.dispatch(log('foo', 'hello'));
    store.dispatch(log('bar', 'world'));
    store.dispatch(log('host', 'hi'));
    tick.run();
    expect(out.join('')).toBe('foo-1   | hello\ncustom  | world\nhost    | hi\n');
  });
});
