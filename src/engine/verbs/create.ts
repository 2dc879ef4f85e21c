// `foxdev create [svc…]` and `up --no-start`: what `up` would make — images, networks, volumes,
// containers — made and left unstarted, as compose's `create` does. It walks up's own plan
// (plan/up.ts against engine/observe.ts) and creates each container with up's creator, so a later
// `start` or `up` finds exactly the containers `up` would have made. Host processes have nothing
// to create.
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { imageName } from '../../names/labels.js';
import { ancestors, dependencyOrder, graphOf } from '../../plan/graph.js';
import { planUp, type UpPlanOptions } from '../../plan/up.js';
import type { Runtime } from '../../runtime/runtime.js';
import { prepareNetworks } from '../networks.js';
import { observe } from '../observe.js';
import { createServiceContainer } from '../service-container.js';
import { containerProgress, progressLine } from '../../logfmt/progress.js';
import { containerNameOf } from '../../plan/spec-runtime.js';
import { checkServices } from './targets.js';

/** The services `up targets` would run: them and (unless noDeps) what they need, dependencies first. */
export function selectForUp(project: Project, targets: string[], noDeps = false): string[] {
  checkServices(project, targets);
  const g = graphOf(project);
  const wanted = new Set(targets.length ? (noDeps ? targets : ancestors(g, targets)) : Object.keys(project.services));
  return dependencyOrder(g).filter((n) => wanted.has(n));
}

/** `say`: foxdev's own lines (stdout); `progress`: compose's progress lines ("Container x Created", stderr). */
export async function createServices(runtime: Runtime, project: Project, targets: string[], o: UpPlanOptions, say: (line: string) => void, progress: (line: string) => void = say): Promise<void> {
  const selected = selectForUp(project, targets, o.noDeps);
  const { observed, builds } = await observe(runtime, project, selected);
  const plan = planUp(project, observed, selected, o);
  await prepareNetworks(runtime, project, selected);
  for (const key of plan.volumesToCreate) {
    progress(progressLine('Volume', project.volumes[key].name, 'Creating'));
    await runtime.createVolume(project.name, project.volumes[key].name, project.volumes[key].labels);
    progress(progressLine('Volume', project.volumes[key].name, 'Created'));
  }
  for (const d of plan.scaleDown) {
    await runtime.stopContainer(d.id, project.services[d.service]?.stopGracePeriodMs ?? 10_000);
    await runtime.removeContainer(d.id);
    say(`removed ${d.service} container ${d.number} (scaled down)`);
  }
  for (const sp of plan.services) {
    const svc = project.services[sp.service];
    if (sp.kind === 'process') {
      say(`${sp.unit}: a host process; nothing to create`);
      continue;
    }
    const prepared = builds.get(sp.service);
    if (sp.build === 'build' && prepared) {
      say(`building image ${prepared.tag} from ${svc.build!.context}`);
      await runtime.buildImage(prepared, (l) => say(`${sp.service}: ${l}`));
    }
    const image = svc.build ? imageName(project.name, svc) : (svc.image ?? '');
    const step = sp.step;
    if (step.action === 'reuse' || step.action === 'start') {
      say(`${sp.unit} is up to date`);
      continue;
    }
    if (step.action !== 'create' && step.action !== 'recreate') throw new FoxdevError('internal', `create: unexpected step ${step.action} for ${sp.unit}`);
    const name = containerNameOf(project, sp.service, sp.replica);
    progress(containerProgress(name, step.action === 'recreate' ? 'Recreate' : 'Creating'));
    if (step.action === 'recreate') {
      await runtime.stopContainer(step.id, svc.stopGracePeriodMs);
    }
    const replaces = step.action === 'recreate' ? step.id : undefined;
    await createServiceContainer(runtime, project, svc, image, { buildHash: prepared?.hash, replica: sp.replica, replaces, renewAnonVolumes: o.renewAnonVolumes, say: (l) => say(`${sp.unit}: ${l}`) });
    progress(containerProgress(name, step.action === 'recreate' ? 'Recreated' : 'Created'));
  }
}
