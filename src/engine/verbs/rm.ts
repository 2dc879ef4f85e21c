// `foxdev rm [svc…]`: remove stopped service containers. Running ones stay (and are named) unless
// `stop` (-s) stops them first; as in compose, `force` (-f) only skips the question. `volumes`
// (-v) also removes their anonymous volumes, never named ones.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { stopContainer, type ProjectContainer } from '../../runtime/docker/containers.js';
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

export async function rmTargets(docker: Docker, project: Project, names: string[], o: RmOptions): Promise<RmTargets> {
  const containers = await serviceContainers(docker, project, names);
  const take = o.stop === true;
  return { remove: containers.filter((c) => take || !c.running), running: take ? [] : containers.filter((c) => c.running) };
}

export async function removeContainers(docker: Docker, project: Project, targets: ProjectContainer[], o: RmOptions, onLine: (l: string) => void): Promise<void> {
  await Promise.all(
    targets.map(async (c) => {
      if (c.running && o.stop) {
        onLine(containerProgress(c.name, 'Stopping'));
        await stopContainer(docker, c.id, o.timeoutMs ?? project.services[c.service]?.stopGracePeriodMs ?? 10_000);
      }
      await docker
        .getContainer(c.id)
        .remove({ force: true, v: o.volumes === true })
        .catch((err: { statusCode?: number }) => {
          if (err.statusCode !== 404) throw err;
        });
      onLine(containerProgress(c.name, 'Removed'));
    }),
  );
}
