// PURE: what `foxdev up` will do for each selected service, given what already exists. The
// executor carries it out without making decisions of its own; the text form lets tests (and
// `foxdev up --dry-run`) compare plans without Docker.
import type { Project, ResolvedDepends } from '../config/project.js';
import { containerSpec } from './container-spec.js';
import { imageName } from '../names/labels.js';
import { FoxdevError } from '../errors.js';
import { pickReplicas, replicaKey, replicasOf, scaleConflict, unitName } from './replicas.js';
import { driftedNetworks, type NetworkRecreate } from './network-drift.js';
import { planNetworks } from './networks.js';

export interface ObservedContainer {
  service: string;
  id: string;
  hash: string;
  running: boolean;
  /** compose's container number (replica), 1 when absent. */
  number?: number;
  name?: string;
  /** Networks it is attached to, by engine name. */
  networks?: string[];
}

export interface Observed {
  /** The service's containers, filed by replicaKey: the service's name for number 1, `svc#n` after. */
  containers: Record<string, ObservedContainer>;
  /** Build hash recorded on each service's existing image, if any. */
  imageBuildHashes: Record<string, string>;
  /** Build hash of each service's context and build config now. */
  desiredBuildHashes: Record<string, string>;
  /** Named volume keys that do not exist yet (a new volume means a fresh database to seed). */
  missingVolumes: string[];
  /** Host processes still running from an earlier `up -d`, by service. */
  processes?: Record<string, number>;
  /** The project's networks that exist, by engine name, with the definition hash recorded on each ('' when none). */
  networks?: Record<string, string>;
}

export type ContainerStep =
  | { action: 'create' }
  | { action: 'recreate'; because: string; id: string }
  | { action: 'reuse'; id: string }
  /** `restart`: it runs, but a `restart: true` dependency is recreated: stopped first, started again after it. */
  | { action: 'start'; id: string; restart?: string }
  | { action: 'spawn' } // host process
  | { action: 'adopt'; pid: number }; // host process left running by an earlier up -d

export interface ServicePlan {
  service: string;
  /** The session's name for this container: the service, or `<service>-<n>` when it runs several. */
  unit: string;
  /** compose's container number, from 1. */
  replica: number;
  kind: 'container' | 'process' | 'job';
  build: 'none' | 'build' | 'cached';
  step: ContainerStep;
  gates: Array<{ service: string } & ResolvedDepends>;
  /** Seed after ready: the service has a seed and its data volume is new. */
  seed: boolean;
  hash?: string;
}

export interface UpPlan {
  project: string;
  volumesToCreate: string[];
  services: ServicePlan[];
  /** Containers beyond a service's replica count (scaled down; stale ones go first): removed, highest number first. */
  scaleDown: Array<{ service: string; id: string; number: number }>;
  /** Networks whose definition changed: recreated, their containers reconnected (plan/network-drift.ts). */
  networksToRecreate: NetworkRecreate[];
}

/** `up` flags that change decisions (compose's --build, --no-build, --force-recreate, --no-recreate, --no-deps). */
export interface UpPlanOptions {
  /** always: rebuild even when cached (--build); never: use the image there is (--no-build). */
  build?: 'auto' | 'always' | 'never';
  /** Recreate containers even when unchanged (--force-recreate). */
  forceRecreate?: boolean;
  /** Keep existing containers even when their config changed (--no-recreate). */
  noRecreate?: boolean;
  /** Only the selected services: no gates on services left out (--no-deps). */
  noDeps?: boolean;
  /** `-V/--renew-anon-volumes`: a recreated container does not keep the old one's anonymous volumes. */
  renewAnonVolumes?: boolean;
  /** Replica counts from `up --scale SERVICE=N`, over the file's scale / deploy.replicas. */
  scale?: Record<string, number>;
}

/** `selected` is in dependency order (dependencies first). */
export function planUp(project: Project, observed: Observed, selected: string[], o: UpPlanOptions = {}): UpPlan {
  const counts = Object.fromEntries(selected.map((name) => [name, replicasOf(project.services[name], o.scale)]));
  for (const name of selected) {
    const conflict = scaleConflict(project, project.services[name], counts[name]);
    if (conflict) throw new FoxdevError('config', conflict);
  }
  // Two services that would run under one container_name: compose refuses the project (each alone runs).
  const claimed = new Map<string, string>();
  for (const name of selected) {
    const fixed = project.services[name].extra.container_name;
    if (typeof fixed !== 'string' || counts[name] === 0) continue;
    const other = claimed.get(fixed);
    if (other) throw new FoxdevError('conflict', `services.${name}: container name "${fixed}" is already in use by service ${other}`, { hint: 'give one of them another container_name, or run them one at a time' });
    claimed.set(fixed, name);
  }
  for (const name of selected) if (counts[name] > 0) missingDonor(project, observed, selected, name);
  // A dependency scaled to 0 runs nothing: there is nothing to wait for (compose starts the dependent).
  const running = selected.filter((name) => counts[name] > 0);
  const services: ServicePlan[] = [];
  const scaleDown: UpPlan['scaleDown'] = [];
  for (const name of selected) {
    const existing = Object.values(observed.containers)
      .filter((c) => c.service === name)
      .map((c) => ({ ...c, number: c.number ?? 1 }));
    const wanted = counts[name] > 0 ? desiredHash(project, observed, name, o) : undefined;
    const { numbers, remove } = pickReplicas(existing, counts[name], wanted);
    for (const c of remove) scaleDown.push({ service: name, id: c.id, number: c.number });
    for (const n of numbers) services.push(planUnit(project, observed, running, name, n, counts[name], o));
  }
  const used = new Set(running.flatMap((n) => project.services[n].volumes.filter((m) => m.type === 'volume').map((m) => m.source!)));
  const attached = Object.values(observed.containers).map((c) => ({ id: c.id, service: c.service, number: c.number ?? 1, running: c.running, networks: c.networks ?? [] }));
  const networksToRecreate = observed.networks ? driftedNetworks(project, planNetworks(project, running), observed.networks, attached) : [];
  return {
    project: project.name,
    volumesToCreate: observed.missingVolumes.filter((v) => used.has(v) || project.allResources === true),
    services: withNetworkRestarts(withRestartDependents(project, services), networksToRecreate),
    scaleDown,
    networksToRecreate,
  };
}

/**
 * A service sharing another's volumes or namespace (volumes_from, network_mode/ipc/pid
 * `service:X`) needs X's container; left out of the selection (up --no-deps) and gone, there is
 * nothing to share: compose's error rather than a create the engine refuses.
 */
function missingDonor(project: Project, observed: Observed, selected: string[], name: string): void {
  const svc = project.services[name];
  if (svc.kind === 'process') return;
  const x = svc.extra;
  const mode = (v: unknown) => (typeof v === 'string' && v.startsWith('service:') ? v.slice('service:'.length) : undefined);
  const refs: Array<[string | undefined, string]> = [
    ...(Array.isArray(x.volumes_from) ? x.volumes_from.map(String).filter((v) => !v.startsWith('container:')).map((v) => [v.split(':')[0], 'volume'] as [string, string]) : []),
    [mode(x.network_mode), 'network namespace'],
    [mode(x.ipc), 'IPC namespace'],
    [mode(x.pid), 'PID namespace'],
  ];
  for (const [donor, what] of refs) {
    if (!donor || selected.includes(donor) || !project.services[donor]) continue;
    if (!Object.values(observed.containers).some((c) => c.service === donor)) {
      throw new FoxdevError('dependency', `cannot share ${what} with service ${donor}: container missing`, { hint: `start it with foxdev up ${donor}, or up without --no-deps` });
    }
  }
}

/** A running, unchanged container on a network that is recreated is stopped first and started again after (compose's order). */
function withNetworkRestarts(services: ServicePlan[], nets: NetworkRecreate[]): ServicePlan[] {
  if (!nets.length) return services;
  return services.map((s) => {
    if (s.step.action !== 'reuse') return s;
    const id = s.step.id;
    const net = nets.find((n) => n.attached.some((a) => a.id === id));
    return net ? { ...s, step: { action: 'start', id, restart: `network ${net.key} changed` } } : s;
  });
}

/** The config hash a service's containers should carry now (processes have none). */
function desiredHash(project: Project, observed: Observed, name: string, o: UpPlanOptions): string | undefined {
  const svc = project.services[name];
  if (svc.kind === 'process') return undefined;
  const buildHash = svc.build ? observed.desiredBuildHashes[name] : undefined;
  return containerSpec(project, svc, svc.build ? imageName(project.name, svc) : (svc.image ?? ''), buildHash).hash;
}

function planUnit(project: Project, observed: Observed, selected: string[], name: string, replica: number, count: number, o: UpPlanOptions): ServicePlan {
  const unit = unitName(name, replica, count);
  const scaledToZero = (dep: string) => project.services[dep] !== undefined && replicasOf(project.services[dep], o.scale) === 0;
  {
    const svc = project.services[name];
    const gates = Object.entries(svc.depends_on)
      .filter(([dep, d]) => (selected.includes(dep) || (d.required && !o.noDeps)) && !scaledToZero(dep))
      .map(([dep, d]) => ({ service: dep, ...d }));
    const volumeIsNew = svc.volumes.some((m) => m.type === 'volume' && m.source && observed.missingVolumes.includes(m.source));
    // Replicas share the service's volumes: the data is seeded once, by the first.
    const seed = svc.seed !== undefined && volumeIsNew && replica === 1;
    if (svc.kind === 'process') {
      const pid = observed.processes?.[name];
      return { service: name, unit, replica, kind: svc.kind, build: 'none', step: pid ? { action: 'adopt', pid } : { action: 'spawn' }, gates, seed };
    }

    let build: ServicePlan['build'] = 'none';
    let image = svc.image ?? '';
    const buildHash = svc.build ? observed.desiredBuildHashes[name] : undefined;
    if (svc.build) {
      // One image per service: the first replica builds it, the others run what it built.
      build = o.build === 'never' || replica > 1 ? 'cached' : o.build !== 'always' && observed.imageBuildHashes[name] === buildHash ? 'cached' : 'build';
      image = imageName(project.name, svc);
    }
    const { hash } = containerSpec(project, svc, image, buildHash);
    const existing = observed.containers[replicaKey(name, replica)];
    let step: ContainerStep;
    if (!existing) step = { action: 'create' };
    else if (o.forceRecreate) step = { action: 'recreate', because: 'forced', id: existing.id };
    else if (existing.hash !== hash && !o.noRecreate) step = { action: 'recreate', because: 'config changed', id: existing.id };
    else if (existing.running && svc.kind !== 'job') step = { action: 'reuse', id: existing.id };
    else step = { action: 'start', id: existing.id }; // stopped, or a job that runs again on every up
    return { service: name, unit, replica, kind: svc.kind, build, step, gates, seed, hash };
  }
}

const CONDITION_TEXT: Record<string, string> = {
  service_started: 'started',
  service_healthy: 'healthy',
  service_completed_successfully: 'completed',
  service_ready: 'ready',
  service_seeded: 'seeded',
};

export function conditionText(condition: string): string {
  return CONDITION_TEXT[condition] ?? condition;
}

/** Stable text: one line per service, in plan order. */
export function formatPlan(plan: UpPlan): string {
  const width = Math.max(0, ...plan.services.map((s) => s.unit.length));
  const lines = [`project ${plan.project}`];
  if (plan.volumesToCreate.length) lines.push(`volumes create ${plan.volumesToCreate.join(', ')}`);
  for (const n of plan.networksToRecreate) lines.push(`network ${n.name}  recreate (definition changed)${n.attached.length ? `, reconnect ${n.attached.map((a) => a.service).join(', ')}` : ''}`);
  for (const d of plan.scaleDown) lines.push(`${d.service}-${d.number}  remove (scaled down)`);
  for (const s of plan.services) {
    const steps: string[] = [];
    if (s.build === 'build') steps.push('build');
    if (s.build === 'cached') steps.push('build cached');
    steps.push(s.step.action === 'recreate' ? `recreate (${s.step.because})` : s.step.action === 'start' && s.step.restart ? `restart (${s.step.restart})` : s.step.action);
    if (s.seed) steps.push('seed');
    const after = s.gates.length ? `  after ${s.gates.map((g) => `${g.service}:${conditionText(g.condition)}`).join(', ')}` : '';
    lines.push(`${s.unit.padEnd(width)}  ${s.kind.padEnd(9)} ${steps.join(', ')}${after}`);
  }
  return lines.join('\n');
}

/**
 * compose's `depends_on: {x: {restart: true}}` at up: a running, unchanged dependent of a service
 * that is recreated is stopped before it and started again once it meets the condition.
 */
function withRestartDependents(project: Project, services: ServicePlan[]): ServicePlan[] {
  const recreated = new Set(services.filter((s) => s.step.action === 'recreate').map((s) => s.service));
  if (!recreated.size) return services;
  return services.map((s) => {
    if (s.step.action !== 'reuse') return s;
    const dep = Object.entries(project.services[s.service].depends_on).find(([d, e]) => e.restart && recreated.has(d))?.[0];
    return dep ? { ...s, step: { action: 'start', id: s.step.id, restart: `${dep} is recreated, depends_on restart: true` } } : s;
  });
}
