import { describe, expect, it } from 'vitest';
import { initialState, logsBackward, logsForward, reducer, selectLogSources, selectServiceList, selectSummary, selectSeedable, type Action } from '../../src/store/index.js';
import { log, project } from './fixtures.js';

const run = (actions: Action[]) => actions.reduce(reducer, initialState());

describe('selectors', () => {
  it('lists services in dependency order and returns the same array while unchanged', () => {
    const s = run([project(['db', 'api', 'web'])]);
    const a = selectServiceList(s);
    expect(a.map((x) => x.name)).toEqual(['db', 'api', 'web']);
    const s2 = reducer(s, log('db', 'x'));
    expect(selectServiceList(s2)).toBe(a); // logs do not change the list
    const s3 = reducer(s2, { type: 'service/phase', service: 'db', phase: 'ready', at: 1 });
    expect(selectServiceList(s3)).not.toBe(a);
  });

  it('summarises ready and problem services', () => {
    const s = run([
      project(['db', 'api', 'web', 'migrate']),
      { type: 'service/phase', service: 'db', phase: 'ready', at: 1 },
      { type: 'service/phase', service: 'migrate', phase: 'completed', at: 1 },
      { type: 'service/phase', service: 'api', phase: 'exited', exitCode: 2, at: 1 },
    ]);
    expect(selectSummary(s)).toEqual({ total: 4, ok: 2, bad: 1 });
    expect(selectSeedable(s)).toEqual(['db']);
  });

  it('names log sources: services first, then others sorted', () => {
    const s = run([project(['db', 'api']), log('zeta', 'x'), log('foxdev', 'y')]);
    expect(selectLogSources(s)).toEqual(['db', 'api', 'foxdev', 'zeta']);
  });
});

describe('log queries', () => {
  const s = run([project(['db', 'api']), log('db', 'd1'), log('api', 'a1'), log('db', 'd2'), log('api', 'a2'), log('api', 'a3')]);

  it('merges all buffers newest first, lazily', () => {
    expect([...logsBackward(s)].map((l) => l.line)).toEqual(['a3', 'a2', 'd2', 'a1', 'd1']);
    const it = logsBackward(s);
    expect(it.next().value?.line).toBe('a3');
  });

  it('reads one service, before a seq', () => {
    expect([...logsBackward(s, { services: ['db'] })].map((l) => l.line)).toEqual(['d2', 'd1']);
    expect([...logsBackward(s, {}, 4)].map((l) => l.line)).toEqual(['d2', 'a1', 'd1']);
  });

  it('reads forwards after a seq', () => {
    expect([...logsForward(s, {}, 2)].map((l) => l.line)).toEqual(['d2', 'a2', 'a3']);
    expect([...logsForward(s, { services: ['api', 'nope'] })].map((l) => l.line)).toEqual(['a1', 'a2', 'a3']);
  });
});
