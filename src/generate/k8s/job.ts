// A Job for a one-shot service (kind 'job'): runs to completion, retried per its restart policy.
import { meta, type BuildContext } from './context.js';
import type { ServicePlan } from './plan.js';
import { podTemplate } from './pod.js';
import type { ServiceSlots } from './slots.js';
import type { K8sObject } from './types.js';

export function job(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject {
  const m = meta(ctx, plan);
  const svc = plan.service;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: m,
    spec: {
      backoffLimit: svc.restart === 'no' ? 0 : (svc.restartMaxRetries ?? 3),
      template: podTemplate(plan, s, m.labels!, ctx.options),
    },
  };
}
