// `foxdev stats [svc…]`: one sample of each of the project's running containers (all with
// --all), sampled side by side; the numbers and cells come from stats-math.ts.
import type { Project } from '../../config/project.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';
import { statsRow, type StatsRow } from './stats-math.js';

export async function projectStats(runtime: Runtime, project: Project, names: string[], all: boolean): Promise<StatsRow[]> {
  const containers = (await serviceContainers(runtime, project, names)).filter((c) => all || c.running).sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    containers.map(async (c) => {
      // A container that stopped between the list and the sample shows zeros, as docker's do.
      const s = c.running ? await runtime.containerStats(c.id).catch(() => undefined) : undefined;
      return statsRow(c.id, c.name, s);
    }),
  );
}
