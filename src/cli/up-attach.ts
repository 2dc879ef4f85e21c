// PURE: whose lines `up` shows (compose's attach rules): --attach names them outright; otherwise
// the services named on the command line (all when none), with their dependencies under
// --attach-dependencies, less those with `attach: false`; --no-attach takes services out of either.
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { ancestors, graphOf } from '../plan/graph.js';

export interface AttachFlags {
  attach?: string[];
  noAttach?: string[];
  attachDependencies?: boolean;
}

/** undefined: every service's lines (nothing to leave out). */
export function attachedServices(project: Project, targets: string[], f: AttachFlags): string[] | undefined {
  if (f.attach?.length && f.attachDependencies) throw new FoxdevError('usage', 'cannot combine --attach and --attach-dependencies');
  const all = Object.keys(project.services);
  // As compose: --attach must name services this up runs (the named ones and their dependencies);
  // --no-attach names are only taken out.
  const inUp = new Set(targets.length ? ancestors(graphOf(project), targets) : all);
  const unknown = (f.attach ?? []).filter((n) => !inUp.has(n));
  if (unknown.length) throw new FoxdevError('usage', `cannot attach to services not included in up: ${unknown.join(', ')}`);
  let chosen: string[];
  if (f.attach?.length) chosen = f.attach;
  else {
    const base = !targets.length ? all : f.attachDependencies ? ancestors(graphOf(project), targets) : targets;
    chosen = base.filter((n) => project.services[n]?.extra.attach !== false);
  }
  const out = chosen.filter((n) => !(f.noAttach ?? []).includes(n));
  return out.length === all.length ? undefined : out;
}
