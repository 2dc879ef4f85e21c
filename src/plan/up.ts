// PURE: what `foxdev up` will do for each selected service, given what already exists. The
// executor carries it out without making decisions of its own; the text form lets tests (and
// `foxdev up --dry-run`) compare plans without Docker.
import type { Project, ResolvedDepends } from '../config/project.js';
import { containerSpec } from './container-spec.js';
import { imageName } from '../names/labels.js';

export interface ObservedContainer {
  service: string;
  id: string;
  hash: string;
  running: boolean;
}

export interface Observed {
  containers: Record<string, ObservedContainer>;
  /** Build hash recorded on each service's existing image, if any. */
  imageBuildHashes: Record<string, string>;
  /** Build hash of each service's context and build config now. */
  desiredBuildHashes: Record<string, string>;
  /** Named volume keys that do not exist yet (a new volume means a fresh database to seed). */
  missingVolumes: string[];
  /** Host processes still running from an earlier `up -d`, by service. */
  processes?: Record<string, number>;
}

export type ContainerStep =
  | { action: 'create' }
  | { action: 'recreate'; because: string; id: string }
  | { action: 'reuse'; id: string }
  | { action: 'start'; id: string }
  | { action: 'spawn' } // host process
  | { action: 'adopt'; pid: number }; // host process left running by an earlier up -d

export interface ServicePlan {
  service: string;
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
}

/** `selected` is in dependency order (dependencies first). */
export function planUp(project: Project, observed: Observed, selected: string[], o: UpPlanOptions = {}): UpPlan {
  const services = selected.map((name): ServicePlan => {
    const svc = project.services[name];
    const gates = Object.entries(svc.depends_on)
      .filter(([dep, d]) => selected.includes(dep) || (d.required && !o.noDeps))
      .map(([dep, d]) => ({ service: dep, ...d }));
    const volumeIsNew = svc.volumes.some((m) => m.type === 'volume' && m.source && observed.missingVolumes.includes(m.source));
    const seed = svc.seed !== undefined && volumeIsNew;
    if (svc.kind === 'process') {
      const pid = observed.processes?.[name];
      return { service: name, kind: svc.kind, build: 'none', step: pid ? { action: 'adopt', pid } : { action: 'spawn' }, gates, seed };
    }

    let build: ServicePlan['build'] = 'none';
    let image = svc.image ?? '';
    const buildHash = svc.build ? observed.desiredBuildHashes[name] : undefined;
    if (svc.build) {
      build = o.build === 'never' ? 'cached' : o.build !== 'always' && observed.imageBuildHashes[name] === buildHash ? 'cached' : 'build';
      image = imageName(project.name, name);
    }
    const { hash } = containerSpec(project, svc, image, buildHash);
    const existing = observed.containers[name];
    let step: ContainerStep;
    if (!existing) step = { action: 'create' };
    else if (o.forceRecreate) step = { action: 'recreate', because: 'forced', id: existing.id };
    else if (existing.hash !== hash && !o.noRecreate) step = { action: 'recreate', because: 'config changed', id: existing.id };
    else if (existing.running && svc.kind !== 'job') step = { action: 'reuse', id: existing.id };
    else step = { action: 'start', id: existing.id }; // stopped, or a job that runs again on every up
    return { service: name, kind: svc.kind, build, step, gates, seed, hash };
  });
  const used = new Set(selected.flatMap((n) => project.services[n].volumes.filter((m) => m.type === 'volume').map((m) => m.source!)));
  return { project: project.name, volumesToCreate: observed.missingVolumes.filter((v) => used.has(v)), services };
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
  const width = Math.max(0, ...plan.services.map((s) => s.service.length));
  const lines = [`project ${plan.project}`];
  if (plan.volumesToCreate.length) lines.push(`volumes create ${plan.volumesToCreate.join(', ')}`);
  for (const s of plan.services) {
    const steps: string[] = [];
    if (s.build === 'build') steps.push('build');
    if (s.build === 'cached') steps.push('build cached');
    steps.push(s.step.action === 'recreate' ? `recreate (${s.step.because})` : s.step.action);
    if (s.seed) steps.push('seed');
    const after = s.gates.length ? `  after ${s.gates.map((g) => `${g.service}:${conditionText(g.condition)}`).join(', ')}` : '';
    lines.push(`${s.service.padEnd(width)}  ${s.kind.padEnd(9)} ${steps.join(', ')}${after}`);
  }
  return lines.join('\n');
}
