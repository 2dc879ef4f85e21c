// `foxdev stop [svc…]`: stop containers (and host processes) without removing them, dependents
// before what they depend on, each with its stop_grace_period unless -t overrides it.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { graphOf, stopLevels } from '../../plan/graph.js';
import { stopContainer } from '../../runtime/docker/containers.js';
import { recordedProcesses, stateDir, stopGroup } from '../../runtime/process.js';
import { byStartLevel, eachLevel, serviceContainers } from './targets.js';

export interface StopOptions {
  timeoutMs?: number;
  onLine: (l: string) => void;
}

export async function stopServices(docker: Docker, project: Project, names: string[], o: StopOptions): Promise<void> {
  const running = (await serviceContainers(docker, project, names)).filter((c) => c.running || c.state === 'paused');
  const grace = (s: string) => o.timeoutMs ?? project.services[s]?.stopGracePeriodMs ?? 10_000;
  const processes = (await recordedProcesses(stateDir(project))).filter((p) => p.alive && (!names.length || names.includes(p.service)));
  // Host processes take their place in the same reverse order as containers.
  const order = stopLevels(graphOf(project)).flat();
  for (const p of processes.sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service))) {
    o.onLine(`stopping host process ${p.service} (pid ${p.pid})`);
    await stopGroup(p.pid, grace(p.service));
  }
  await eachLevel(byStartLevel(project, running).reverse(), async (c) => {
    o.onLine(`stopping ${c.name}`);
    await stopContainer(docker, c.id, grace(c.service));
    o.onLine(`stopped ${c.name}`);
  });
}
