// `foxdev start [svc…]`: start existing stopped containers, dependencies first. Like compose it
// creates nothing: a service with no container is an error that points at `up`. Naming a service
// starts its dependency chain too (compose's `start desired` brings up dep_1 and dep_2), never
// its siblings. As compose's, a service starts only once its dependencies meet their depends_on
// conditions (a job has completed, a database is healthy), read from the engine.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { ancestors, graphOf } from '../../plan/graph.js';
import { replicasOf } from '../../plan/replicas.js';
import { startGate } from '../../plan/start-gate.js';
import type { ProjectContainer } from '../../runtime/docker/containers.js';
import { byStartLevel, checkServices, eachLevel, serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export async function startServices(docker: Docker, project: Project, names: string[], onLine: (l: string) => void): Promise<void> {
  checkServices(project, names);
  const selected = names.length ? ancestors(graphOf(project), names) : [];
  const containers = await serviceContainers(docker, project, selected);
  for (const n of selected) {
    const svc = project.services[n];
    if (svc.kind === 'process' || replicasOf(svc) === 0) continue;
    if (!containers.some((c) => c.service === n)) throw new FoxdevError('usage', `service ${n} has no container to start`, { hint: `create it with foxdev up -d ${n}` });
  }
  if (!names.length && !containers.length) throw new FoxdevError('usage', `${project.name} has no containers to start`, { hint: 'create them with foxdev up -d' });
  const all = names.length ? await serviceContainers(docker, project, []) : containers;
  await eachLevel(byStartLevel(project, containers.filter((c) => !c.running)), async (c) => {
    await awaitDependencies(docker, project, c.service, all, onLine);
    onLine(containerProgress(c.name, 'Starting'));
    await docker.getContainer(c.id).start().catch((err: { statusCode?: number }) => {
      if (err.statusCode !== 304) throw err; // 304: already started
    });
    onLine(containerProgress(c.name, 'Started'));
  });
}

const POLL_MS = 100;

/** Wait until each dependency of `service` that has a container meets its condition. */
async function awaitDependencies(docker: Docker, project: Project, service: string, all: ProjectContainer[], onLine: (l: string) => void): Promise<void> {
  for (const [dep, { condition, required }] of Object.entries(project.services[service].depends_on)) {
    for (const c of all.filter((x) => x.service === dep)) {
      for (;;) {
        const s = (await docker.getContainer(c.id).inspect()).State;
        const v = startGate(condition, { name: c.name, status: s.Status, exitCode: s.ExitCode, health: s.Health?.Status ?? '' });
        if (v.kind === 'met') break;
        if (v.kind === 'failed') {
          // compose warns about an optional dependency and starts anyway.
          if (!required) {
            onLine(`optional dependency "${dep}": ${v.message}; starting ${service} without it`);
            break;
          }
          throw new FoxdevError('dependency', v.message);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
  }
}
