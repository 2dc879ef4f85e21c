import { describe, expect, it } from 'vitest';
import { CycleError, ancestors, buildGraph, dependencyOrder, descendants, findCycles, formatCycle, formatGraph, startLevels, stopLevels } from '../../src/plan/graph.js';

// web → api → (db, cache); worker → db; docs alone.
const shop = buildGraph({ web: ['api'], api: ['db', 'cache'], worker: ['db'], db: [], cache: [], docs: [] });

describe('graph', () => {
  it('starts in levels and stops in reverse', () => {
    expect(startLevels(shop)).toEqual([['db', 'cache', 'docs'], ['api', 'worker'], ['web']]);
    expect(stopLevels(shop)).toEqual([['web'], ['api', 'worker'], ['db', 'cache', 'docs']]);
  });

  it('lists what a service needs (foxdev up api)', () => {
    expect(ancestors(shop, ['api'])).toEqual(['api', 'db', 'cache']);
    expect(ancestors(shop, ['web', 'worker'])).toEqual(['web', 'api', 'worker', 'db', 'cache']);
    expect(startLevels(shop, ancestors(shop, ['api']))).toEqual([['db', 'cache'], ['api']]);
    expect(ancestors(shop, ['nope'])).toEqual([]);
  });

  it('lists what depends on a service', () => {
    expect(descendants(shop, ['db'])).toEqual(['web', 'api', 'worker']);
    expect(descendants(shop, ['docs'])).toEqual([]);
  });

  it('orders dependencies first, otherwise as declared', () => {
    expect(dependencyOrder(shop)).toEqual(['db', 'cache', 'api', 'web', 'worker', 'docs']);
  });

  it('ignores edges to unknown services (validation reports those)', () => {
    expect(startLevels(buildGraph({ a: ['ghost'] }))).toEqual([['a']]);
  });

  it('names cycles from their first-declared service', () => {
    const g = buildGraph({ a: ['b'], b: ['c'], c: ['a'], d: ['d'], e: ['a'] });
    expect(findCycles(g).map(formatCycle)).toEqual(['a → b → c → a', 'd → d']);
    expect(() => startLevels(g)).toThrow(CycleError);
    expect(() => startLevels(g)).toThrow('dependency cycle: a → b → c → a; d → d');
  });

  it('finds each of two cycles through one service once', () => {
    const g = buildGraph({ a: ['b', 'c'], b: ['a'], c: ['a'] });
    expect(findCycles(g).map(formatCycle)).toEqual(['a → b → a', 'a → c → a']);
  });

  it('has a stable text form', () => {
    expect(formatGraph(shop)).toBe(
      ['web → api', 'api → db, cache', 'worker → db', 'db', 'cache', 'docs', 'level 0: db cache docs', 'level 1: api worker', 'level 2: web'].join('\n'),
    );
    expect(formatGraph(buildGraph({ a: ['b'], b: ['a'] }))).toBe('a → b\nb → a\ncycle: a → b → a');
  });
});
