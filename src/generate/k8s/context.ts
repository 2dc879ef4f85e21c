// What every object builder gets besides its service: the project, options and the namespace slot.
import type { K8sOptions } from './options.js';
import { labels, selectorLabels } from './names.js';
import type { ServicePlan } from './plan.js';
import type { ObjectMeta } from './types.js';

export interface BuildContext {
  project: string;
  namespace: string;
  options: K8sOptions;
}

export function meta(ctx: BuildContext, plan: ServicePlan, name = plan.name): ObjectMeta {
  return { name, namespace: ctx.namespace, labels: labels(ctx.project, plan.service.name) };
}

export function selector(ctx: BuildContext, plan: ServicePlan): Record<string, string> {
  return selectorLabels(ctx.project, plan.service.name);
}
