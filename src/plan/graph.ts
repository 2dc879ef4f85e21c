// The service dependency graph, pure: cycles named the way a person reads them (a → b → c → a),
// the ancestors a service needs, start order in levels (a level's services can start in parallel)
// and the reverse for stopping. Nodes keep the order they were declared in, so every result and
// the text form are stable.

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

/** A Project-like object's graph: edges from each service's depends_on. */
export function graphOf(project: { services: Record<string, { depends_on: Record<string, unknown> }> }): Graph {
  return buildGraph(Object.fromEntries(Object.entries(project.services).map(([name, s]) => [name, Object.keys(s.depends_on)])));
}

/**
 * Every elementary cycle found by a depth-first walk, each once, as a path that returns to its
 * start: ["a", "b", "c", "a"]. Each cycle starts at its earliest-declared node.
 */
export function findCycles(g: Graph): string[][] {
  const index = new Map(g.nodes.map((n, i) => [n, i]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'active');
    stack.push(n);
    for (const d of g.deps.get(n) ?? []) {
      if (state.get(d) === 'active') {
        const loop = stack.slice(stack.indexOf(d));
        const start = loop.reduce((best, x, i) => (index.get(x)! < index.get(loop[best])! ? i : best), 0);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        const key = rotated.join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0]]);
        }
      } else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of g.nodes) if (!state.has(n)) visit(n);
  return cycles;
}

export function formatCycle(cycle: string[]): string {
  return cycle.join(' → ');
}

/** The given services and everything they need, in declaration order. */
export function ancestors(g: Graph, names: Iterable<string>): string[] {
  const wanted = new Set<string>();
  const walk = (n: string) => {
    if (wanted.has(n) || !g.deps.has(n)) return;
    wanted.add(n);
    for (const d of g.deps.get(n)!) walk(d);
  };
  for (const n of names) walk(n);
  return g.nodes.filter((n) => wanted.has(n));
}

/** Services that depend on the given ones, directly or not (what a restart or reset touches). */
export function descendants(g: Graph, names: Iterable<string>): string[] {
  const start = new Set(names);
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of g.nodes) {
      if (found.has(n) || start.has(n)) continue;
      if (g.deps.get(n)!.some((d) => start.has(d) || found.has(d))) {
        found.add(n);
        grew = true;
      }
    }
  }
  return g.nodes.filter((n) => found.has(n));
}

export class CycleError extends Error {
  constructor(readonly cycles: string[][]) {
    super(`dependency cycle: ${cycles.map(formatCycle).join('; ')}`);
    this.name = 'CycleError';
  }
}

/**
 * Start order: level 0 has no dependencies, level k depends only on earlier levels. Restricted to
 * `only` when given (use ancestors() first). Throws CycleError when there is a cycle.
 */
export function startLevels(g: Graph, only?: Iterable<string>): string[][] {
  const include = only ? new Set(only) : new Set(g.nodes);
  const placed = new Map<string, number>();
  const remaining = g.nodes.filter((n) => include.has(n));
  const levels: string[][] = [];
  while (remaining.length > 0) {
    const level = remaining.filter((n) => g.deps.get(n)!.every((d) => !include.has(d) || placed.has(d)));
    if (level.length === 0) throw new CycleError(findCycles({ nodes: remaining, deps: g.deps }));
    for (const n of level) placed.set(n, levels.length);
    levels.push(level);
    for (const n of level) remaining.splice(remaining.indexOf(n), 1);
  }
  return levels;
}

/** Stop order: dependents before what they depend on. */
export function stopLevels(g: Graph, only?: Iterable<string>): string[][] {
  return startLevels(g, only).reverse();
}

/**
 * One flat order with every dependency before its dependents and otherwise declaration order
 * (what `foxdev config --services` prints; docker-compose orders its list the same way).
 */
export function dependencyOrder(g: Graph): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const active = new Set<string>();
  const visit = (n: string) => {
    if (done.has(n) || active.has(n)) return;
    active.add(n);
    for (const d of g.deps.get(n)!) visit(d);
    active.delete(n);
    done.add(n);
    out.push(n);
  };
  for (const n of g.nodes) visit(n);
  return out;
}

/** Stable text for tests and `--dry-run` style output. */
export function formatGraph(g: Graph): string {
  const lines = g.nodes.map((n) => {
    const deps = g.deps.get(n)!;
    return deps.length ? `${n} → ${deps.join(', ')}` : n;
  });
  const cycles = findCycles(g);
  if (cycles.length > 0) lines.push(...cycles.map((c) => `cycle: ${formatCycle(c)}`));
  else startLevels(g).forEach((level, i) => lines.push(`level ${i}: ${level.join(' ')}`));
  return lines.join('\n');
}
