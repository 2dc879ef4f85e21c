// HorizontalPodAutoscaler and PodDisruptionBudget, for services that can run several replicas.
// Whether they exist is a value (autoscaling.enabled / podDisruptionBudget.enabled), so the Helm
// chart can switch them per environment; generate k8s writes them when enabled.
import { meta, selector, type BuildContext } from './context.js';
import type { ServicePlan } from './plan.js';
import type { ServiceSlots } from './slots.js';
import type { K8sObject } from './types.js';

export function hpa(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(ctx, plan),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name },
      minReplicas: s.minReplicas,
      maxReplicas: s.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: s.targetCPU } } }],
    },
  };
}

export function pdb(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(ctx, plan),
    spec: { minAvailable: s.minAvailable, selector: { matchLabels: selector(ctx, plan) } },
  };
}
