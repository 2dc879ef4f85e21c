// A Deployment for a long-running container service. Services holding a ReadWriteOnce claim are
// replaced (Recreate), never surged: two pods cannot mount the same volume on different nodes.
import { meta, selector, type BuildContext } from './context.js';
import type { ServicePlan } from './plan.js';
import { podTemplate } from './pod.js';
import type { ServiceSlots } from './slots.js';
import type { K8sObject } from './types.js';

export function deployment(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject {
  const m = meta(ctx, plan);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: m,
    spec: {
      replicas: s.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(ctx, plan) },
      strategy: plan.scalable
        ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }
        : { type: 'Recreate' },
      template: podTemplate(plan, s, m.labels!, ctx.options),
    },
  };
}
