// Everything the object builders need, decided once per service. Two parts: `structure` (which
// objects exist, their shape — fixed when the files are generated) and `values` (what a Helm user
// may tune; values.yaml holds exactly these). The k8s builders read values directly; the Helm
// generator hands the same builders placeholders instead (see ../helm/markers.ts), which is why
// builders place values but never compute with them.
import type { Project, Service } from '../../config/project.js';
import { dependentsOf, waitsFor } from './dependencies.js';
import { splitEnv } from './env.js';
import { imageOf } from './image.js';
import { imageFacts } from './known-images.js';
import { k8sName } from './names.js';
import { ENV_DEFAULTS, type K8sOptions } from './options.js';
import { resourcesFor } from './resources.js';
import type { ServiceValues, Wait } from './types.js';

export interface ServicePlan {
  service: Service;
  name: string;
  workload: 'Deployment' | 'Job';
  /** Can run more than one replica: stateless, no ReadWriteOnce claim. HPA/PDB exist only then. */
  scalable: boolean;
  readOnlyRoot: boolean;
  uid?: number;
  waits: Wait[];
  /** Services whose depends_on names this one: the only pods its NetworkPolicy admits. */
  dependents: string[];
  /** Volume keys of project-level named volumes this service mounts. */
  claims: string[];
  values: ServiceValues;
}

export interface ProjectPlan {
  project: Project;
  services: ServicePlan[];
  /** Named volumes that get a PersistentVolumeClaim (mounted by a generated service, not external). */
  volumes: string[];
  notes: string[];
}

function uidOf(service: Service): number | undefined {
  const m = service.user && /^(\d+)(:\d+)?$/.exec(service.user);
  if (m) return Number(m[1]);
  return imageFacts(service.image)?.uid;
}

function planService(project: Project, service: Service, o: K8sOptions, notes: string[]): ServicePlan {
  const facts = imageFacts(service.image);
  const claims = service.volumes.filter((m) => m.type === 'volume' && m.source && project.volumes[m.source]).map((m) => m.source!);
  const workload = service.kind === 'job' ? 'Job' : 'Deployment';
  const stateful = Boolean(facts?.stateful || service.seed || claims.length);
  const scalable = workload === 'Deployment' && !stateful;
  const deploy = (service.extra.deploy ?? {}) as { replicas?: number };
  const defaults = ENV_DEFAULTS[o.env];
  const replicas = scalable ? (o.replicas ?? deploy.replicas ?? defaults.replicas) : 1;
  const readOnlyRoot = !(facts?.writableRoot || service.seed);
  if (service.user && !/^\d+(:\d+)?$/.test(service.user)) {
    notes.push(`${service.name}: user "${service.user}" is a name; runAsNonRoot needs a numeric uid, so give one (user: "1000") or a numeric USER in the image`);
  }
  if (facts?.note && claims.length) notes.push(`${service.name}: ${facts.note}`);
  if (!readOnlyRoot) notes.push(`${service.name}: root filesystem left writable (a database writes outside its volumes)`);
  for (const m of service.volumes) {
    if (m.type === 'bind') notes.push(`${service.name}: bind mount ${m.source} → ${m.target} skipped (host paths do not exist in a cluster)`);
  }
  const waits = waitsFor(project, service, notes);
  const autoscale = scalable && replicas >= 2 && defaults.autoscaling.enabled;
  return {
    service,
    name: k8sName(service.name),
    workload,
    scalable,
    readOnlyRoot,
    uid: uidOf(service),
    waits,
    dependents: dependentsOf(project, service),
    claims,
    values: {
      image: imageOf(project, service, o),
      replicas,
      resources: resourcesFor(service, o),
      ...splitEnv(service.environment),
      autoscaling: {
        enabled: autoscale,
        minReplicas: Math.max(replicas, 2),
        maxReplicas: Math.max(replicas, 2) * defaults.autoscaling.maxFactor,
        targetCPUUtilizationPercentage: defaults.autoscaling.targetCPUUtilizationPercentage,
      },
      podDisruptionBudget: { enabled: scalable && replicas >= 2 && defaults.pdb, minAvailable: Math.max(1, Math.floor(replicas / 2)) },
    },
  };
}

export function planProject(project: Project, o: K8sOptions): ProjectPlan {
  const notes: string[] = [];
  const services: ServicePlan[] = [];
  for (const service of Object.values(project.services).sort((a, b) => a.name.localeCompare(b.name))) {
    if (service.kind === 'process') {
      notes.push(`${service.name}: skipped (a host process, not a container)`);
      continue;
    }
    services.push(planService(project, service, o, notes));
  }
  const volumes = [...new Set(services.flatMap((s) => s.claims))].filter((k) => !project.volumes[k].external).sort();
  for (const k of Object.keys(project.volumes)) {
    if (project.volumes[k].external) notes.push(`volume ${k}: external, so no claim is created; a PersistentVolumeClaim named ${k} must exist`);
  }
  return { project, services, volumes, notes };
}
