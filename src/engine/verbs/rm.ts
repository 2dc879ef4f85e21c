// `foxdev rm [svc…]`: remove stopped service containers. Running ones stay (and are named) unless
// `stop` (-s) stops them first; as in compose, `force` (-f) only skips the question. `volumes`
// (-v) also removes their anonymous volumes, never named ones.
import type { Project } from '../../config/project.js';
import type { ProjectContainer, Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export interface RmOptions {
  stop?: boolean;
  force?: boolean;
  volumes?: boolean;
  timeoutMs?: number;
}

export interface RmTargets {
  remove: ProjectContainer[];
  running: ProjectContainer[];
}

export async function rmTargets(runtime: Runtime, project: Project, names: string[], o: RmOptions): Promise<RmTargets> {
  const containers = await serviceContainers(runtime, project, names);
  const take = o.stop === true;
  return { remove: containers.filter((c) => take || !c.running), running: take ? [] : containers.filter((c) => c.running) };
}

export async function removeContainers(runtime: Runtime, project: Project, targets: ProjectContainer[], o: RmOptions, onLine: (l: string) => void): Promise<void> {
  await Promise.all(
    targets.map(async (c) => {
      if (c.running && o.stop) {
        onLine(containerProgress(c.name, 'Stopping'));
        await runtime.stopContainer(c.id, o.timeoutMs ?? project.services[c.service]?.stopGracePeriodMs ?? 10_000);
      }
      await runtime.removeContainer(c.id, { volumes: o.volumes === true }); // one already gone is fine
      onLine(containerProgress(c.name, 'Removed'));
    }),
  );
}
