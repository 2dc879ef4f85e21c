// `foxdev pause` / `unpause [svc…]`: freeze and thaw running containers (the engine's cgroup
// freezer). Host processes are not paused; compose has none.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export async function pauseServices(docker: Docker, project: Project, names: string[], pause: boolean, onLine: (l: string) => void): Promise<void> {
  const containers = (await serviceContainers(docker, project, names)).filter((c) => (pause ? c.state === 'running' : c.state === 'paused'));
  await Promise.all(
    containers.map(async (c) => {
      const ct = docker.getContainer(c.id);
      await (pause ? ct.pause() : ct.unpause());
      onLine(containerProgress(c.name, pause ? 'Paused' : 'Unpaused'));
    }),
  );
}
