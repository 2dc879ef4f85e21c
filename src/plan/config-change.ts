// PURE: what a session does when its config files change while it runs. The new config is
// planned like an `up` against what runs (plan/up.ts: a changed container spec is a recreate with
// the reason); from that, only the difference is applied: changed units are recreated, new ones
// created and started, units whose service left the config stopped and removed. Everything else
// is left running untouched (no restart of dependents: compose's `up` after an edit does the same).
import type { Service } from '../config/project.js';
import type { UpPlan, ServicePlan } from './up.js';

export type ConfigChangeOp =
  | { op: 'recreate'; unit: string; service: string; cause: string; plan: ServicePlan }
  | { op: 'create'; unit: string; service: string; cause: string; plan: ServicePlan }
  | { op: 'remove'; unit: string; service: string; cause: string };

export interface ConfigChangePlan {
  ops: ConfigChangeOp[];
  /** Units left as they are. */
  unchanged: string[];
}

/**
 * @param next the new config planned against what exists (planUp)
 * @param current the session's units now
 * @param changed the service's keys that differ from before (changedKeys), for the reason shown
 */
export function planConfigChange(next: UpPlan, current: Array<{ unit: string; service: string }>, changed?: (service: string) => string[]): ConfigChangePlan {
  const have = new Set(current.map((c) => c.unit));
  const wanted = new Set(next.services.map((s) => s.unit));
  const ops: ConfigChangeOp[] = [];
  const unchanged: string[] = [];
  // Removed first, dependents before what they depend on (current is in start order).
  for (const c of [...current].reverse())
    if (!wanted.has(c.unit)) ops.push({ op: 'remove', unit: c.unit, service: c.service, cause: next.services.some((s) => s.service === c.service) ? 'scaled down' : 'no longer in the config' });
  for (const sp of next.services) {
    if (!have.has(sp.unit)) ops.push({ op: 'create', unit: sp.unit, service: sp.service, cause: 'new in the config', plan: sp });
    else if (sp.step.action === 'recreate') {
      const keys = changed?.(sp.service) ?? [];
      ops.push({ op: 'recreate', unit: sp.unit, service: sp.service, cause: keys.length ? `${keys.join(', ')} changed` : sp.step.because, plan: sp });
    }
    else unchanged.push(sp.unit);
  }
  return { ops, unchanged };
}

/** Stable text, one line per operation, then what stays: "recreate api (environment changed)". */
export function formatConfigChangePlan(plan: ConfigChangePlan): string {
  const lines = plan.ops.map((o) => `${o.op} ${o.unit} (${o.cause})`);
  if (!plan.ops.length) lines.push('nothing to change');
  if (plan.unchanged.length) lines.push(`keep ${plan.unchanged.join(', ')} (unchanged)`);
  return lines.join('\n');
}

/** The top-level keys of a service whose resolved value differs (environment, image, ports…). */
export function changedKeys(before: Service, after: Service): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const flat = (s: Service, k: string) => JSON.stringify((s as unknown as Record<string, unknown>)[k] ?? null);
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'extra') {
      const ex = new Set([...Object.keys(before.extra), ...Object.keys(after.extra)]);
      for (const e of ex) if (JSON.stringify(before.extra[e] ?? null) !== JSON.stringify(after.extra[e] ?? null)) out.push(e);
    } else if (flat(before, k) !== flat(after, k)) out.push(k);
  }
  return out.sort();
}
