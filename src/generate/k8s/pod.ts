// The pod template shared by Deployments and Jobs: the service's container with its env sources,
// probes, resources and security settings, plus the init containers that wait for dependencies.
import type { K8sOptions } from './options.js';
import type { ServicePlan } from './plan.js';
import { probesFor } from './probes.js';
import { containerSecurityContext, podSecurityContext } from './security.js';
import type { ServiceSlots } from './slots.js';
import type { Container } from './types.js';
import { podVolumes } from './volumes.js';
import { waitContainers } from './wait.js';

export const configMapName = (plan: ServicePlan): string => `${plan.name}-env`;
export const secretName = (plan: ServicePlan): string => `${plan.name}-env`;

function container(plan: ServicePlan, s: ServiceSlots): Container {
  const svc = plan.service;
  const { mounts } = podVolumes(plan);
  const envFrom: Container['envFrom'] = [];
  if (Object.keys(plan.values.env).length) envFrom.push({ configMapRef: { name: configMapName(plan) } });
  if (Object.keys(plan.values.secretEnv).length) envFrom.push({ secretRef: { name: secretName(plan) } });
  return {
    name: plan.name,
    image: s.image,
    imagePullPolicy: s.pullPolicy,
    // compose entrypoint/command are Kubernetes command/args.
    ...(svc.entrypoint ? { command: svc.entrypoint } : {}),
    ...(svc.command ? { args: svc.command } : {}),
    ...(svc.working_dir ? { workingDir: svc.working_dir } : {}),
    ...(svc.ports.length
      ? { ports: svc.ports.map((p) => ({ name: `${p.protocol}-${p.target}`, containerPort: p.target, protocol: p.protocol === 'udp' ? 'UDP' as const : 'TCP' as const })) }
      : {}),
    ...(envFrom.length ? { envFrom } : {}),
    resources: s.resources,
    securityContext: containerSecurityContext(plan.readOnlyRoot),
    ...(plan.workload === 'Deployment' ? probesFor(svc) : {}),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}

export function podTemplate(plan: ServicePlan, s: ServiceSlots, labels: Record<string, string>, o: K8sOptions): Record<string, unknown> {
  const { volumes } = podVolumes(plan);
  const init = waitContainers(plan.waits, o);
  return {
    metadata: { labels },
    spec: {
      // No Kubernetes API access and no docker-link style env: the app needs neither.
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: podSecurityContext(plan.uid),
      terminationGracePeriodSeconds: Math.max(1, Math.ceil(plan.service.stopGracePeriodMs / 1000)),
      ...(plan.workload === 'Job' ? { restartPolicy: 'Never' } : {}),
      ...(init.length ? { initContainers: init } : {}),
      containers: [container(plan, s)],
      ...(volumes.length ? { volumes } : {}),
    },
  };
}
