// A ClusterIP Service named after the compose service, on the container ports: inside the
// cluster, "db:5432" means what it meant on the compose network.
import { meta, selector, type BuildContext } from './context.js';
import type { ServicePlan } from './plan.js';
import type { K8sObject } from './types.js';

export function service(ctx: BuildContext, plan: ServicePlan): K8sObject | undefined {
  const ports = plan.service.ports;
  if (!ports.length) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(ctx, plan),
    spec: {
      type: 'ClusterIP',
      selector: selector(ctx, plan),
      ports: ports.map((p) => ({ name: `${p.protocol}-${p.target}`, port: p.target, targetPort: p.target, protocol: p.protocol === 'udp' ? 'UDP' : 'TCP' })),
    },
  };
}
