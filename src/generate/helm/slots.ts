// The Helm chart's slots: every tunable value is a template expression into values.yaml. Each
// service's template file starts with `$svc := index .Values.services "<name>"`, so expressions
// are relative to it; volumes are looked up by key (keys may hold '-' or '_', hence index).
import type { Slots } from '../k8s/slots.js';
import type { Resources } from '../k8s/types.js';
import type { Markers } from './markers.js';

export const SVC = '$svc';

export function helmSlots(m: Markers): Slots {
  return {
    namespace: m.scalar('include "foxdev.namespace" $'),
    service: () => ({
      image: m.scalar(`include "foxdev.image" ${SVC}.image | quote`),
      pullPolicy: m.scalar(`${SVC}.image.pullPolicy | quote`),
      replicas: m.scalar(`${SVC}.replicas`),
      resources: m.block<Resources>(`${SVC}.resources`),
      env: m.block(`${SVC}.env`),
      secretEnv: m.block(`${SVC}.secretEnv`),
      minReplicas: m.scalar(`${SVC}.autoscaling.minReplicas`),
      maxReplicas: m.scalar(`${SVC}.autoscaling.maxReplicas`),
      targetCPU: m.scalar(`${SVC}.autoscaling.targetCPUUtilizationPercentage`),
      minAvailable: m.scalar(`${SVC}.podDisruptionBudget.minAvailable`),
    }),
    volumeSize: (key) => m.scalar(`index .Values.volumes ${JSON.stringify(key)} "size" | quote`),
  };
}
