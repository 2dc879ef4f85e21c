// The web page's resource column: one engine stats sample of each running container of the
// project, by the session's unit name (`api`, or `web-2` for a replica), with docker's own
// arithmetic (stats-math.ts). Host processes have no engine stats and are left out.
import type { Project } from '../config/project.js';
import { statsRow } from '../engine/verbs/stats-math.js';
import type { Runtime } from '../runtime/runtime.js';
import type { UnitStats } from '../web/wire.js';

export function containerStats(runtime: Runtime, project: Project, units: () => ReadonlySet<string>): () => Promise<Record<string, UnitStats>> {
  return async () => {
    const known = units();
    const running = (await runtime.listProjectContainers(project.name)).filter((c) => c.running);
    const out: Record<string, UnitStats> = {};
    await Promise.all(
      running.map(async (c) => {
        const unit = known.has(`${c.service}-${c.number}`) ? `${c.service}-${c.number}` : c.service;
        if (!known.has(unit)) return;
        const s = await runtime.containerStats(c.id).catch(() => undefined);
        if (!s) return;
        const row = statsRow(c.id, c.name, s);
        out[unit] = { cpuPercent: row.cpuPercent, memory: row.memory, memoryLimit: row.memoryLimit };
      }),
    );
    return out;
  };
}
