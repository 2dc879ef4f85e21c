// Every object of a planned project, in apply order per service. Objects that values can switch
// off carry `when`, naming the values key that switches them; the Helm chart wraps them in an `if`.
import { configMap, secret } from './config.js';
import type { BuildContext } from './context.js';
import { deployment } from './deployment.js';
import { job } from './job.js';
import { networkPolicy } from './network-policy.js';
import type { ProjectPlan, ServicePlan } from './plan.js';
import { pvc } from './pvc.js';
import { hpa, pdb } from './scaling.js';
import { service } from './service.js';
import type { ServiceSlots, Slots } from './slots.js';
import type { K8sObject } from './types.js';

export interface PlacedObject {
  /** Output file stem: the service name, or "volumes". */
  file: string;
  object: K8sObject;
  /** Values path (under the service) whose `enabled` decides whether the object exists. */
  when?: 'autoscaling' | 'podDisruptionBudget';
}

function serviceObjects(ctx: BuildContext, plan: ServicePlan, s: ServiceSlots): PlacedObject[] {
  const out: PlacedObject[] = [];
  const add = (object: K8sObject | undefined, when?: PlacedObject['when']) => {
    if (object) out.push({ file: plan.name, object, ...(when ? { when } : {}) });
  };
  add(configMap(ctx, plan, s));
  add(secret(ctx, plan, s));
  add(service(ctx, plan));
  add(plan.workload === 'Job' ? job(ctx, plan, s) : deployment(ctx, plan, s));
  if (plan.scalable) {
    add(hpa(ctx, plan, s), 'autoscaling');
    add(pdb(ctx, plan, s), 'podDisruptionBudget');
  }
  add(networkPolicy(ctx, plan));
  return out;
}

/** All objects, conditional ones included; callers filter (k8s) or wrap (helm) them. */
export function placeObjects(plan: ProjectPlan, slots: Slots, ctx: Omit<BuildContext, 'namespace'>): PlacedObject[] {
  const full: BuildContext = { ...ctx, namespace: slots.namespace };
  const objects = plan.services.flatMap((p) => serviceObjects(full, p, slots.service(p)));
  for (const key of plan.volumes) objects.push({ file: 'volumes', object: pvc(ctx.project, slots.namespace, key, slots.volumeSize(key)) });
  return objects;
}
