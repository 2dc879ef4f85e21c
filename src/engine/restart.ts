// `foxdev restart` outside a session: restart what runs, found by label or pid file.
import type Docker from 'dockerode';
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { listProjectContainers } from '../runtime/docker/containers.js';
import { isOneOff } from '../names/compose-labels.js';
import { recordedProcesses, spawnHostProcess, stateDir, stopGroup } from '../runtime/process.js';
import { withRestartDependents } from '../plan/restart-dependents.js';

export async function restartServices(
  docker: Docker,
  project: Project,
  services: string[],
  o: { timeoutMs?: number; onLine: (l: string) => void },
): Promise<void> {
  const containers = await listProjectContainers(docker, project.name);
  const processes = await recordedProcesses(stateDir(project));
  // No names: every service that has something to restart (compose restarts them all).
  // Named ones bring the services that depend on them with `restart: true` (compose does).
  const { all: named, added } = withRestartDependents(project, services);
  const names = services.length
    ? named
    : Object.keys(project.services).filter((s) => containers.some((c) => c.service === s) || processes.some((p) => p.service === s && p.alive));
  for (const name of names) {
    const svc = project.services[name];
    if (added.has(name) && !containers.some((c) => c.service === name) && !processes.some((p) => p.service === name && p.alive)) continue;
    if (!svc) throw new FoxdevError('usage', `no service named ${name} (have: ${Object.keys(project.services).join(', ')})`);
    const grace = o.timeoutMs ?? svc.stopGracePeriodMs;
    if (svc.kind === 'process') {
      const p = processes.find((x) => x.service === name && x.alive);
      if (!p || !svc.run) throw new FoxdevError('usage', `${name} is not running`, { hint: `start it with foxdev up -d ${name}` });
      await stopGroup(p.pid, grace);
      const started = await spawnHostProcess(stateDir(project), name, svc.run, () => {}, { detached: true });
      o.onLine(`restarted ${name} (pid ${p.pid} → ${started.pid})`);
      continue;
    }
    // Every replica of a scaled service, side by side; `foxdev run` one-offs are not the service's.
    const own = containers.filter((x) => x.service === name && !isOneOff(x.labels));
    if (!own.length) throw new FoxdevError('usage', `${name} has no container`, { hint: `start it with foxdev up -d ${name}` });
    await Promise.all(
      own.map(async (c) => {
        await docker.getContainer(c.id).restart({ t: Math.ceil(grace / 1000) });
        o.onLine(`restarted ${c.name}`);
      }),
    );
  }
}
