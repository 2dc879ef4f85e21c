// The dependency graph's shape and cycle search, pure. Here rather than in plan/graph.ts because
// validation (checks.ts) names every cycle with its key path, and config/ may not import the
// planner; plan/graph.ts builds start/stop levels on top of these. Nodes keep declaration order.

export interface Graph {
  /** Declaration order. */
  nodes: string[];
  /** node → the nodes it depends on (only nodes of the graph). */
  deps: Map<string, string[]>;
}

export function buildGraph(dependsOn: Record<string, Iterable<string>>): Graph {
  const nodes = Object.keys(dependsOn);
  const known = new Set(nodes);
  const deps = new Map<string, string[]>();
  for (const n of nodes) deps.set(n, [...new Set(dependsOn[n])].filter((d) => known.has(d)));
  return { nodes, deps };
}

/**
 * Every elementary cycle found by a depth-first walk, each once, as a path that returns to its
 * start: ["a", "b", "c", "a"]. Each cycle starts at its earliest-declared node. The walk keeps
 * its own stack (no recursion), so a chain of thousands of services cannot overflow the call stack.
 */
export function findCycles(g: Graph): string[][] {
  const index = new Map(g.nodes.map((n, i) => [n, i]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const onPath = new Map<string, number>();
  for (const root of g.nodes) {
    if (state.has(root)) continue;
    const frames: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    state.set(root, 'active');
    onPath.set(root, path.push(root) - 1);
    while (frames.length > 0) {
      const top = frames[frames.length - 1];
      const deps = g.deps.get(top.node) ?? [];
      if (top.next >= deps.length) {
        frames.pop();
        path.pop();
        onPath.delete(top.node);
        state.set(top.node, 'done');
        continue;
      }
      const d = deps[top.next++];
      if (state.get(d) === 'active') {
        const loop = path.slice(onPath.get(d)!);
        const start = loop.reduce((best, x, i) => (index.get(x)! < index.get(loop[best])! ? i : best), 0);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        const key = rotated.join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0]]);
        }
      } else if (!state.has(d)) {
        state.set(d, 'active');
        onPath.set(d, path.push(d) - 1);
        frames.push({ node: d, next: 0 });
      }
    }
  }
  return cycles;
}

export function formatCycle(cycle: string[]): string {
  return cycle.join(' → ');
}
