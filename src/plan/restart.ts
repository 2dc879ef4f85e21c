// PURE: what a restart (dashboard `r`, `foxdev restart`, the session API) does, as operations with
// causes. The named units restart at once, side by side; a service that declares
// `depends_on: {x: {restart: true}}` restarts after x is ready again (compose's rule), and so on
// down the chain. Units not running have nothing to restart and are left out with a reason.
import { FoxdevError } from '../errors.js';
import { withRestartDependents } from './restart-dependents.js';

export interface RestartUnit {
  /** The unit (`web-2`, or the service name when it runs once). */
  name: string;
  service: string;
  running: boolean;
}

export interface RestartOp {
  op: 'restart';
  unit: string;
  service: string;
  cause: string;
  /** Units whose restart must be ready again first (empty: at once). */
  after: string[];
}

export interface RestartPlan {
  ops: RestartOp[];
  /** Units named that have nothing to restart, with why. */
  skipped: Array<{ unit: string; reason: string }>;
}

interface Edges {
  services: Record<string, { depends_on: Record<string, { restart: boolean }> }>;
}

/** `names` are units or services (a service stands for all its replicas). */
export function planRestart(project: Edges, names: string[], units: RestartUnit[], cause = 'restart requested'): RestartPlan {
  const unitsOf = (name: string) => {
    const one = units.filter((u) => u.name === name);
    return one.length ? one : units.filter((u) => u.service === name);
  };
  for (const n of names) if (!unitsOf(n).length) throw new FoxdevError('usage', `${n} is not running in this session`);
  const ops: RestartOp[] = [];
  const skipped: RestartPlan['skipped'] = [];
  const named = names.flatMap(unitsOf);
  for (const u of named) {
    if (u.running) ops.push({ op: 'restart', unit: u.name, service: u.service, cause, after: [] });
    else skipped.push({ unit: u.name, reason: 'not running' });
  }
  const services = [...new Set(named.map((u) => u.service))];
  const { all, added } = withRestartDependents(project, services);
  for (const s of all) {
    if (!added.has(s)) continue;
    const deps = Object.entries(project.services[s].depends_on).filter(([d, e]) => e.restart && all.includes(d)).map(([d]) => d);
    const afterUnits = ops.filter((o) => deps.includes(o.service)).map((o) => o.unit);
    for (const u of units.filter((x) => x.service === s && x.running))
      ops.push({ op: 'restart', unit: u.name, service: s, cause: `depends on ${deps.join(', ')} with restart: true`, after: afterUnits });
  }
  return { ops, skipped };
}

/** Stable text, one line per operation: "restart worker (depends on api with restart: true; after api is ready)". */
export function formatRestartPlan(plan: RestartPlan): string {
  const lines = plan.ops.map((o) => `restart ${o.unit} (${o.cause}${o.after.length ? `; after ${o.after.join(', ')} ${o.after.length > 1 ? 'are' : 'is'} ready` : ''})`);
  for (const s of plan.skipped) lines.push(`skip ${s.unit} (${s.reason})`);
  return lines.join('\n');
}
