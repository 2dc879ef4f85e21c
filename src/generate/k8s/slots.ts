// Where tunable values land in objects. For `generate k8s` a slot holds the value itself; the Helm
// generator fills the same slots with placeholders that become template expressions. Builders
// only place slots into objects, so both outputs have one shape by construction.
import { imageRef } from './image-ref.js';
import type { K8sOptions } from './options.js';
import type { ProjectPlan, ServicePlan } from './plan.js';
import type { Resources } from './types.js';

export interface ServiceSlots {
  image: string;
  pullPolicy: string;
  replicas: number;
  resources: Resources;
  env: Record<string, string>;
  secretEnv: Record<string, string>;
  minReplicas: number;
  maxReplicas: number;
  targetCPU: number;
  minAvailable: number;
}

export interface Slots {
  namespace: string;
  service(plan: ServicePlan): ServiceSlots;
  volumeSize(key: string): string;
}

export function literalSlots(_plan: ProjectPlan, o: K8sOptions): Slots {
  return {
    namespace: o.namespace,
    service: ({ values: v }) => ({
      image: imageRef(v.image),
      pullPolicy: v.image.pullPolicy,
      replicas: v.replicas,
      resources: v.resources,
      env: v.env,
      secretEnv: v.secretEnv,
      minReplicas: v.autoscaling.minReplicas,
      maxReplicas: v.autoscaling.maxReplicas,
      targetCPU: v.autoscaling.targetCPUUtilizationPercentage,
      minAvailable: v.podDisruptionBudget.minAvailable,
    }),
    volumeSize: () => o.volumeSize,
  };
}
