// `foxdev pause` / `unpause [svc…]`: freeze and thaw running containers (the engine's cgroup
// freezer). Host processes are not paused; compose has none.
import type { Project } from '../../config/project.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

export async function pauseServices(runtime: Runtime, project: Project, names: string[], pause: boolean, onLine: (l: string) => void): Promise<void> {
  const containers = (await serviceContainers(runtime, project, names)).filter((c) => (pause ? c.state === 'running' : c.state === 'paused'));
  await Promise.all(
    containers.map(async (c) => {
      await (pause ? runtime.pauseContainer(c.id) : runtime.unpauseContainer(c.id));
      onLine(containerProgress(c.name, pause ? 'Paused' : 'Unpaused'));
    }),
  );
}
