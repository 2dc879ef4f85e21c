// Environment as a ConfigMap (plain values) and a Secret (names or values that look secret, see
// ../secret-names.ts). The pod reads both with envFrom, so keys stay the names the app knows.
import { meta, type BuildContext } from './context.js';
import type { ServicePlan } from './plan.js';
import { configMapName, secretName } from './pod.js';
import type { ServiceSlots } from './slots.js';
import type { K8sObject } from './types.js';

export function configMap(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject | undefined {
  if (!Object.keys(plan.values.env).length) return undefined;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(ctx, plan, configMapName(plan)), data: s.env };
}

export function secret(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): K8sObject | undefined {
  if (!Object.keys(plan.values.secretEnv).length) return undefined;
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(ctx, plan, secretName(plan)), type: 'Opaque', stringData: s.secretEnv };
}
