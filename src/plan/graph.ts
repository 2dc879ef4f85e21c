// The service dependency graph, pure: cycles named the way a person reads them (a → b → c → a),
// the ancestors a service needs, start order in levels (a level's services can start in parallel)
// and the reverse for stopping. Nodes keep the order they were declared in, so every result and
// the text form are stable.

// The graph's shape and its cycle search live in config/ (validation names cycles by key path);
// everything here builds on them.
import { buildGraph, findCycles, formatCycle, type Graph } from '../config/dependency-graph.js';

export { buildGraph, findCycles, formatCycle, type Graph };

/** A Project-like object's graph: edges from each service's depends_on. */
export function graphOf(project: { services: Record<string, { depends_on: Record<string, unknown> }> }): Graph {
  return buildGraph(Object.fromEntries(Object.entries(project.services).map(([name, s]) => [name, Object.keys(s.depends_on)])));
}

/** The given services and everything they need, in declaration order. */
export function ancestors(g: Graph, names: Iterable<string>): string[] {
  const wanted = new Set<string>();
  const todo = [...names].filter((n) => g.deps.has(n));
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (wanted.has(n)) continue;
    wanted.add(n);
    for (const d of g.deps.get(n)!) if (!wanted.has(d)) todo.push(d);
  }
  return g.nodes.filter((n) => wanted.has(n));
}

/** Services that depend on the given ones, directly or not (what a restart or reset touches). */
export function descendants(g: Graph, names: Iterable<string>): string[] {
  const start = new Set(names);
  const found = new Set<string>();
  const todo = [...start];
  const users = dependents(g);
  while (todo.length > 0) {
    for (const u of users.get(todo.pop()!) ?? []) {
      if (found.has(u) || start.has(u)) continue;
      found.add(u);
      todo.push(u);
    }
  }
  return g.nodes.filter((n) => found.has(n));
}

/** node → the nodes that depend on it directly. */
function dependents(g: Graph): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const n of g.nodes) for (const d of g.deps.get(n)!) (users.get(d) ?? users.set(d, []).get(d)!).push(n);
  return users;
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
  const members = g.nodes.filter((n) => include.has(n));
  // Kahn's algorithm by levels: linear in nodes + edges (10,000 services plan in milliseconds).
  const waiting = new Map(members.map((n) => [n, g.deps.get(n)!.filter((d) => include.has(d)).length]));
  const users = dependents(g);
  const order = new Map(members.map((n, i) => [n, i]));
  let level = members.filter((n) => waiting.get(n) === 0);
  const levels: string[][] = [];
  let placed = 0;
  while (level.length > 0) {
    levels.push(level);
    placed += level.length;
    const next: string[] = [];
    for (const n of level) {
      for (const u of users.get(n) ?? []) {
        if (!waiting.has(u)) continue;
        const left = waiting.get(u)! - 1;
        waiting.set(u, left);
        if (left === 0) next.push(u);
      }
    }
    level = next.sort((x, y) => order.get(x)! - order.get(y)!);
  }
  if (placed < members.length) {
    const remaining = members.filter((n) => waiting.get(n)! > 0);
    throw new CycleError(findCycles({ nodes: remaining, deps: g.deps }));
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
  for (const root of g.nodes) {
    if (done.has(root)) continue;
    const frames: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    active.add(root);
    while (frames.length > 0) {
      const top = frames[frames.length - 1];
      const deps = g.deps.get(top.node)!;
      if (top.next < deps.length) {
        const d = deps[top.next++];
        if (!done.has(d) && !active.has(d)) {
          active.add(d);
          frames.push({ node: d, next: 0 });
        }
        continue;
      }
      frames.pop();
      active.delete(top.node);
      done.add(top.node);
      out.push(top.node);
    }
  }
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
