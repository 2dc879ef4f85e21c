// Ingress to a service's pods only from the services that declared depends_on on it. Ports the
// compose file published are reachable from anywhere, as they were on the host; everything else
// is denied (an empty rule list). Egress is left open: dependencies are someone else's ingress.
import { meta, selector, type BuildContext } from './context.js';
import { selectorLabels } from './names.js';
import type { ServicePlan } from './plan.js';
import type { K8sObject } from './types.js';

export function networkPolicy(ctx: BuildContext, plan: ServicePlan): K8sObject {
  const ports = plan.service.ports;
  const portList = (ps: typeof ports) => ps.map((p) => ({ port: p.target, protocol: p.protocol === 'udp' ? 'UDP' : 'TCP' }));
  const ingress: unknown[] = [];
  if (plan.dependents.length && ports.length) {
    ingress.push({ from: plan.dependents.map((d) => ({ podSelector: { matchLabels: selectorLabels(ctx.project, d) } })), ports: portList(ports) });
  }
  const published = ports.filter((p) => p.published !== undefined);
  if (published.length) ingress.push({ ports: portList(published) });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(ctx, plan),
    spec: { podSelector: { matchLabels: selector(ctx, plan) }, policyTypes: ['Ingress'], ingress },
  };
}
