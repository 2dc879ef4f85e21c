// `foxdev restart` outside a session: restart what runs, found by label or pid file.
import type { Project } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';
import type { Runtime } from '../runtime/runtime.js';
import { isOneOff } from '../names/compose-labels.js';
import { recordedProcesses, stateDir } from '../runtime/process-state.js';
import { withRestartDependents } from '../plan/restart-dependents.js';
import { containerProgress } from '../logfmt/progress.js';
import { awaitDependencies } from './verbs/await-deps.js';

export async function restartServices(
  runtime: Runtime,
  project: Project,
  services: string[],
  o: { timeoutMs?: number; noDeps?: boolean; onLine: (l: string) => void },
): Promise<void> {
  const containers = await runtime.listProjectContainers(project.name);
  const processes = await recordedProcesses(stateDir(project));
  // No names: every service that has something to restart (compose restarts them all).
  // Named ones bring the services that depend on them with `restart: true` (compose does).
  // --no-deps: the named services only, as compose's restart --no-deps.
  const { all: named, added } = o.noDeps ? { all: services, added: new Set<string>() } : withRestartDependents(project, services);
  const names = services.length
    ? named
    : Object.keys(project.services).filter((s) => containers.some((c) => c.service === s) || processes.some((p) => p.service === s && p.alive));
  for (const name of names) {
    const svc = project.services[name];
    if (added.has(name) && !containers.some((c) => c.service === name) && !processes.some((p) => p.service === name && p.alive)) continue;
    if (!svc) throw noSuchService(name, Object.keys(project.services));
    const grace = o.timeoutMs ?? svc.stopGracePeriodMs;
    if (svc.kind === 'process') {
      const p = processes.find((x) => x.service === name && x.alive);
      if (!p || !svc.run) throw new FoxdevError('usage', `${name} is not running`, { hint: `start it with foxdev up -d ${name}` });
      await runtime.stopProcessGroup(p.pid, grace);
      const started = await runtime.spawnProcess(stateDir(project), name, svc.run, () => {}, { detached: true });
      o.onLine(`restarted ${name} (pid ${p.pid} → ${started.pid})`);
      continue;
    }
    // Every replica of a scaled service, side by side; `foxdev run` one-offs are not the service's.
    const own = containers.filter((x) => x.service === name && !isOneOff(x.labels));
    if (!own.length) throw new FoxdevError('usage', `${name} has no container`, { hint: `start it with foxdev up -d ${name}` });
    // As compose's: a `restart: true` dependency restarted just before must meet its condition
    // (healthy, completed) before this one restarts.
    const restarted = new Set(names.slice(0, names.indexOf(name)));
    await awaitDependencies((id) => runtime.containerState(id), project, name, containers, o.onLine, (dep, d) => d.restart && restarted.has(dep));
    await Promise.all(
      own.map(async (c) => {
        o.onLine(containerProgress(c.name, 'Restarting'));
        await runtime.restartContainer(c.id, grace);
        o.onLine(containerProgress(c.name, 'Started'));
      }),
    );
  }
}
