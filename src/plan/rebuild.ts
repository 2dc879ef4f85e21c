// PURE: what a rebuild (dashboard `b`, a sync `rebuild` rule, the session API) does, as operations
// with causes: build the service's image once, recreate each of its containers on it (the old
// container's supervisor ends quietly), catch live sync up into each new container, and restart
// the services that declared `depends_on: {x: {restart: true}}` once x is ready again.
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { withRestartDependents } from './restart-dependents.js';

export type RebuildOpKind = 'build' | 'recreate' | 'sync-catch-up' | 'restart';

export interface RebuildOp {
  op: RebuildOpKind;
  /** The service (build) or the unit (the others). */
  target: string;
  cause: string;
}

export interface RebuildPlan {
  service: string;
  ops: RebuildOp[];
}

/**
 * @param units the service's units in this session (`web`, or `web-1`, `web-2`…)
 * @param because what asked for it: "rebuild requested", "src/app.ts changed"
 * @param running units of other services that run now (only those are restarted)
 */
export function planRebuild(project: Project, service: string, units: string[], because: string, running: Array<{ unit: string; service: string }> = []): RebuildPlan {
  const svc = project.services[service];
  if (!svc || !units.length) throw new FoxdevError('usage', `${service} is not part of this session`);
  if (!svc.build) throw new FoxdevError('usage', `${service} has no build section; nothing to rebuild`);
  const ops: RebuildOp[] = [{ op: 'build', target: service, cause: because }];
  for (const u of units) {
    ops.push({ op: 'recreate', target: u, cause: 'its image was rebuilt' });
    if (svc.sync.length) ops.push({ op: 'sync-catch-up', target: u, cause: 'a new container starts from the image, not from the host files' });
  }
  const { added } = withRestartDependents(project, [service]);
  for (const r of running) if (added.has(r.service)) ops.push({ op: 'restart', target: r.unit, cause: `depends on ${service} with restart: true; after ${service} is ready` });
  return { service, ops };
}

/** Stable text, one line per operation: "recreate web-2 (its image was rebuilt)". */
export function formatRebuildPlan(plan: RebuildPlan): string {
  return plan.ops.map((o) => `${o.op} ${o.target} (${o.cause})`).join('\n');
}
