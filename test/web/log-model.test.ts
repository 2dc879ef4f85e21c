// The log view's lines follow the store incrementally and agree with a full read at every step.
import { describe, expect, it } from 'vitest';
import { initialState, logsForward, reducer, type State } from '../../src/store/index.js';
import { createLogModel } from '../../web/src/log-model.js';
import { compileSearch, matches } from '../../web/src/search.js';

function loaded(cap = 50): State {
  return reducer(initialState({ logBufferLines: cap }), {
    type: 'project/loaded',
    project: { name: 'p', services: ['a', 'b'].map((name) => ({ name, kind: 'container' as const, ports: [], dependsOn: [], hasSync: false, hasSeed: false })) },
  });
}

const full = (s: State, scope: string | null, re?: RegExp) => [...logsForward(s, { services: scope === null ? undefined : [scope] })].filter((l) => !re || matches(re, l.line));

describe('the log view model', () => {
  it('merges all services by seq, or reads one, with or without a search, as a full read would', () => {
    let s = loaded(50);
    const model = createLogModel();
    const re = compileSearch('7')!.re;
    for (let i = 0; i < 400; i++) {
      s = reducer(s, { type: 'logs', entries: [{ service: i % 3 ? 'a' : 'b', stream: 'stdout', line: `line ${i}`, at: i }] });
      for (const scope of [null, 'a', 'b']) {
        for (const r of [undefined, re]) {
          const m = createLogModel()(s, scope, r);
          expect(m.lines.map((l) => l.seq)).toEqual(full(s, scope, r).map((l) => l.seq));
        }
      }
      // The same model, fed step by step (buffers dropping their oldest lines): the same lines.
      expect(model(s, null, re).lines.map((l) => l.seq)).toEqual(full(s, null, re).map((l) => l.seq));
    }
  });

  it('returns the same model for the same state and search, a new one after new lines', () => {
    let s = loaded();
    const model = createLogModel();
    s = reducer(s, { type: 'log', service: 'a', stream: 'stdout', line: 'x', at: 1 });
    const m1 = model(s, null, undefined);
    expect(model(s, null, undefined)).toBe(m1);
    s = reducer(s, { type: 'log', service: 'a', stream: 'stdout', line: 'y', at: 2 });
    const m2 = model(s, null, undefined);
    expect(m2.version).toBeGreaterThan(m1.version);
    expect(m2.lines.map((l) => l.line)).toEqual(['x', 'y']);
  });

  it('starts over on a fresh snapshot (a reconnect) whose seqs restart lower', () => {
    const model = createLogModel();
    let s = loaded();
    for (let i = 0; i < 10; i++) s = reducer(s, { type: 'log', service: 'a', stream: 'stdout', line: `old ${i}`, at: i });
    model(s, 'a', undefined);
    let fresh = loaded();
    fresh = reducer(fresh, { type: 'log', service: 'a', stream: 'stdout', line: 'new', at: 1 });
    expect(model(fresh, 'a', undefined).lines.map((l) => l.line)).toEqual(['new']);
  });

  it('keeps up with 100k lines in scope without rereading them', () => {
    let s = loaded(100_000);
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ service: i % 2 ? 'a' : 'b', stream: 'stdout' as const, line: `GET /api/${i} 200`, at: i }));
    s = reducer(s, { type: 'logs', entries });
    const model = createLogModel();
    const re = compileSearch('/api/\\d*7 ')!.re;
    expect(model(s, null, re).lines.length).toBe(10_000);
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) {
      s = reducer(s, { type: 'logs', entries: [{ service: 'a', stream: 'stdout', line: `GET /api/9${k}7 200`, at: k }] });
      model(s, null, re);
    }
    expect(model(s, null, re).lines.length).toBe(10_100);
    // 100 appends to a 100k-line view: each costs its new line, not the whole list.
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
