// `foxdev down` removes the project's one-off `run` containers too, as compose's down does. They
// carry no foxdev service label, so the down plan would take them for orphans and keep them; they
// go first (nothing depends on a one-off), so the network is free when down removes it.
import { isOneOff } from '../../names/compose-labels.js';
import type { Runtime } from '../../runtime/runtime.js';
import { containerProgress } from '../../logfmt/progress.js';

export async function removeOneOffs(runtime: Runtime, project: string, graceMs: number, say: (l: string) => void): Promise<string[]> {
  const oneOffs = (await runtime.listProjectContainers(project)).filter((c) => isOneOff(c.labels));
  await Promise.all(
    oneOffs.map(async (c) => {
      if (c.running) {
        say(containerProgress(c.name, 'Stopping'));
        await runtime.stopContainer(c.id, graceMs);
      }
      await runtime.removeContainer(c.id);
      say(containerProgress(c.name, 'Removed'));
    }),
  );
  return oneOffs.map((c) => c.name);
}
