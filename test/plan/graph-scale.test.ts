// Graph walks keep their own stacks: a chain of 10,000 services (deeper than the call stack
// allows for recursion) orders, levels and names its cycle, in linear time.
import { describe, expect, it } from 'vitest';
import { ancestors, buildGraph, dependencyOrder, descendants, findCycles, startLevels } from '../../src/plan/graph.js';

const N = 10_000;
const chain = (closed: boolean) =>
  buildGraph(Object.fromEntries(Array.from({ length: N }, (_, i) => [`s${i}`, i > 0 ? [`s${i - 1}`] : closed ? [`s${N - 1}`] : []])));

describe('graph at scale', () => {
  it('walks a 10,000-service chain without recursion', () => {
    const g = chain(false);
    const levels = startLevels(g);
    expect(levels).toHaveLength(N);
    expect(levels[N - 1]).toEqual([`s${N - 1}`]);
    expect(dependencyOrder(g)[N - 1]).toBe(`s${N - 1}`);
    expect(ancestors(g, [`s${N - 1}`])).toHaveLength(N);
    expect(descendants(g, ['s0'])).toHaveLength(N - 1);
    expect(findCycles(g)).toEqual([]);
  });

  it('names the one cycle of a closed 10,000-service ring', () => {
    const cycles = findCycles(chain(true));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(N + 1);
    expect(cycles[0][0]).toBe('s0');
    expect(() => startLevels(chain(true))).toThrow(/dependency cycle: s0 → s9999 → s9998/);
  });
});
