// `foxdev start [svc…]`: start existing stopped containers, dependencies first. Like compose it
// creates nothing: a service with no container is an error that points at `up`. Naming a service
// starts its dependency chain too (compose's `start desired` brings up dep_1 and dep_2), never
// its siblings. As compose's, a service starts only once its dependencies meet their depends_on
// conditions (a job has completed, a database is healthy), read from the engine.
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { ancestors, graphOf } from '../../plan/graph.js';
import { replicasOf } from '../../plan/replicas.js';
import type { Runtime } from '../../runtime/runtime.js';
import { awaitDependencies } from './await-deps.js';
import { byStartLevel, checkServices, eachLevel, serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export async function startServices(runtime: Runtime, project: Project, names: string[], onLine: (l: string) => void): Promise<void> {
  checkServices(project, names);
  const selected = names.length ? ancestors(graphOf(project), names) : [];
  const containers = await serviceContainers(runtime, project, selected);
  for (const n of selected) {
    const svc = project.services[n];
    if (svc.kind === 'process' || replicasOf(svc) === 0) continue;
    if (!containers.some((c) => c.service === n)) throw new FoxdevError('not-found', `service ${n} has no container to start`, { hint: `create it with foxdev up -d ${n}` });
  }
  if (!names.length && !containers.length) throw new FoxdevError('usage', `${project.name} has no containers to start`, { hint: 'create them with foxdev up -d' });
  const all = names.length ? await serviceContainers(runtime, project, []) : containers;
  await eachLevel(byStartLevel(project, containers.filter((c) => !c.running)), async (c) => {
    await awaitDependencies((id) => runtime.containerState(id), project, c.service, all, onLine);
    onLine(containerProgress(c.name, 'Starting'));
    await runtime.startContainer(c.id);
    onLine(containerProgress(c.name, 'Started'));
  });
}

