// PURE: what `foxdev restart x` touches. compose also restarts the services that declare
// `depends_on: {x: {restart: true}}` (and theirs, transitively), dependencies first.
import { dependencyOrder, graphOf } from './graph.js';

interface Edges {
  services: Record<string, { depends_on: Record<string, { restart: boolean }> }>;
}

/** `names` plus their restart-dependents, in dependency order; `added` are the ones not named. */
export function withRestartDependents(project: Edges, names: string[]): { all: string[]; added: Set<string> } {
  const chosen = new Set(names);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, s] of Object.entries(project.services)) {
      if (chosen.has(name)) continue;
      if (Object.entries(s.depends_on).some(([dep, d]) => d.restart && chosen.has(dep))) {
        chosen.add(name);
        grew = true;
      }
    }
  }
  const order = dependencyOrder(graphOf(project)).filter((n) => chosen.has(n));
  // Names that are not services stay, in the order given, so the caller can report them.
  const unknown = names.filter((n) => !(n in project.services));
  return { all: [...unknown, ...order], added: new Set(order.filter((n) => !names.includes(n))) };
}
