// `foxdev pause` / `unpause [svc…]`: freeze and thaw running containers (the engine's cgroup
// freezer). Host processes are not paused; compose has none.
import type { Project } from '../../config/project.js';
import { engineMessage, type Runtime } from '../../runtime/runtime.js';
import { FoxdevError } from '../../errors.js';
import { serviceContainers } from './targets.js';
import { containerProgress } from '../../logfmt/progress.js';

/**
 * As compose: every container that is up (running or paused) is asked, so pausing a paused one
 * fails with the engine's "is already paused" (unpausing a running one: "is not paused"), exit 1;
 * a service with no container up is a no-op.
 */
export async function pauseServices(runtime: Runtime, project: Project, names: string[], pause: boolean, onLine: (l: string) => void): Promise<void> {
  const containers = (await serviceContainers(runtime, project, names)).filter((c) => c.state === 'running' || c.state === 'paused');
  const failed: string[] = [];
  await Promise.all(
    containers.map(async (c) => {
      try {
        await (pause ? runtime.pauseContainer(c.id) : runtime.unpauseContainer(c.id));
        onLine(containerProgress(c.name, pause ? 'Paused' : 'Unpaused'));
      } catch (err) {
        failed.push(engineMessage(err));
      }
    }),
  );
  if (failed.length) throw new FoxdevError('engine', failed.sort().join('; '));
}
