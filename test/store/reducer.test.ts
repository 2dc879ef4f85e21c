import { describe, expect, it } from 'vitest';
import { initialState, reducer, type Action, type State } from '../../src/store/index.js';
import { log, project } from './fixtures.js';

const run = (actions: Action[], s: State = initialState()) => actions.reduce(reducer, s);

describe('reducer: project and services', () => {
  it('loads services in the given (dependency) order, all pending', () => {
    const s = run([project(['db', 'api', 'web'])]);
    expect(s.project).toEqual({ name: 'shop' });
    expect(s.order).toEqual(['db', 'api', 'web']);
    expect(s.services.api).toMatchObject({ kind: 'container', phase: 'pending', health: 'none', restarts: 0, hasSync: true });
  });

  it('keeps runtime state of known services on reload and drops removed ones', () => {
    const s = run([project(['db', 'api']), { type: 'service/phase', service: 'db', phase: 'ready', at: 5 }, project(['db', 'cache'])]);
    expect(s.services.db.phase).toBe('ready');
    expect(s.services.cache.phase).toBe('pending');
    expect(s.services.api).toBeUndefined();
  });

  it('records phase, reason, exit code and next retry, clearing stale ones', () => {
    let s = run([
      project(),
      { type: 'service/phase', service: 'api', phase: 'waiting', at: 10, reason: 'waiting for db: healthy — last probe: connection refused' },
    ]);
    expect(s.services.api).toMatchObject({ phase: 'waiting', phaseAt: 10, reason: 'waiting for db: healthy — last probe: connection refused' });
    s = reducer(s, { type: 'service/phase', service: 'api', phase: 'crash-loop', at: 20, exitCode: 1, nextRetryAt: 25 });
    expect(s.services.api).toMatchObject({ phase: 'crash-loop', exitCode: 1, nextRetryAt: 25, reason: undefined });
    s = reducer(s, { type: 'service/phase', service: 'api', phase: 'running', at: 30 });
    expect(s.services.api.nextRetryAt).toBeUndefined();
    expect(s.services.api.exitCode).toBeUndefined();
  });

  it('starts uptime on started, resets on restart, stops it when the service goes down', () => {
    let s = run([project(), { type: 'service/started', service: 'api', at: 100 }, { type: 'service/health', service: 'api', health: 'healthy', at: 101 }]);
    expect(s.services.api.startedAt).toBe(100);
    s = reducer(s, { type: 'service/restarted', service: 'api', restarts: 2, at: 200 });
    expect(s.services.api).toMatchObject({ restarts: 2, startedAt: 200 });
    s = reducer(s, { type: 'service/phase', service: 'api', phase: 'exited', exitCode: 0, at: 300 });
    expect(s.services.api.startedAt).toBeUndefined();
    expect(s.services.api.health).toBe('none');
  });

  it('keeps the last probe when a health event has none', () => {
    const s = run([
      project(),
      { type: 'service/health', service: 'db', health: 'starting', lastProbe: 'connection refused', at: 1 },
      { type: 'service/health', service: 'db', health: 'unhealthy', at: 2 },
    ]);
    expect(s.services.db).toMatchObject({ health: 'unhealthy', lastProbe: 'connection refused', healthAt: 2 });
  });

  it('records sync and seed status', () => {
    const s = run([
      project(),
      { type: 'sync/status', service: 'api', at: 7, files: 3, pending: 0 },
      { type: 'seed/status', service: 'db', at: 8, state: 'seeded', message: '2 files' },
    ]);
    expect(s.services.api.sync).toEqual({ at: 7, files: 3, pending: 0, error: undefined });
    expect(s.services.db.seed).toEqual({ at: 8, state: 'seeded', message: '2 files' });
  });

  it('ignores lifecycle actions for unknown services (same state object)', () => {
    const s = run([project()]);
    expect(reducer(s, { type: 'service/phase', service: 'ghost', phase: 'ready', at: 1 })).toBe(s);
  });

  it('does not mutate the previous state', () => {
    const s = run([project()]);
    const frozen = JSON.stringify(s);
    run([{ type: 'service/phase', service: 'db', phase: 'ready', at: 1 }, log('db', 'x')], s);
    expect(JSON.stringify(s)).toBe(frozen);
  });
});

describe('reducer: logs', () => {
  it('numbers lines with a global increasing seq and buffers them per service', () => {
    const s = run([project(), log('db', 'a'), log('api', 'b'), { type: 'logs', entries: [{ service: 'db', stream: 'stderr', line: 'c', at: 3 }, { service: 'api', stream: 'stdout', line: 'd', at: 4 }] }]);
    expect(s.nextSeq).toBe(5);
    expect(s.logs.db.backing.slice(s.logs.db.start, s.logs.db.end).map((l) => [l.seq, l.line, l.stream])).toEqual([
      [1, 'a', 'stdout'],
      [3, 'c', 'stderr'],
    ]);
  });

  it('bounds each buffer by config.logBufferLines (default 5000)', () => {
    expect(initialState().config.logBufferLines).toBe(5000);
    let s = initialState({ logBufferLines: 10 });
    s = reducer(s, { type: 'logs', entries: Array.from({ length: 25 }, (_, i) => ({ service: 'api', stream: 'stdout' as const, line: `${i}`, at: i })) });
    expect(s.logs.api.end - s.logs.api.start).toBe(10);
    expect(s.logs.api.backing[s.logs.api.start].line).toBe('15');
  });

  it('accepts logs from names outside the project (foxdev system lines)', () => {
    const s = run([project(), log('foxdev', 'hello', 1, 'system')]);
    expect(s.logs.foxdev.end).toBe(1);
  });

  it('an empty batch changes nothing', () => {
    const s = run([project()]);
    expect(reducer(s, { type: 'logs', entries: [] })).toBe(s);
  });
});
