// values.yaml holds exactly the ServiceValues the k8s generator used, so the chart's defaults
// render what `generate k8s` writes for the same --env. values-dev.yaml and values-prod.yaml
// carry what differs between environments (replicas, resources, autoscaling, disruption budget).
import type { K8sOptions } from '../k8s/options.js';
import type { ProjectPlan } from '../k8s/plan.js';

export function valuesDoc(plan: ProjectPlan, o: K8sOptions): Record<string, unknown> {
  return {
    // Empty: objects go to the release's namespace (helm install -n …).
    namespaceOverride: o.namespace === 'default' ? '' : o.namespace,
    services: Object.fromEntries(plan.services.map((s) => [s.service.name, s.values])),
    volumes: Object.fromEntries(plan.volumes.map((k) => [k, { size: o.volumeSize }])),
  };
}

/** The per-environment part of the values, for values-<env>.yaml. */
export function envValuesDoc(plan: ProjectPlan): Record<string, unknown> {
  return {
    services: Object.fromEntries(
      plan.services.map((s) => [
        s.service.name,
        { replicas: s.values.replicas, resources: s.values.resources, autoscaling: s.values.autoscaling, podDisruptionBudget: s.values.podDisruptionBudget },
      ]),
    ),
  };
}
