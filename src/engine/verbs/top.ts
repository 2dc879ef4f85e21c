// `foxdev top`: the processes of each running service container, from the engine's top API
// (`ps -ef` columns by default), one block per container: its name, then the table.
import type { Project } from '../../config/project.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';
import { table } from './table.js';

export interface TopBlock {
  name: string;
  titles: string[];
  processes: string[][];
}

export async function projectTop(runtime: Runtime, project: Project, names: string[]): Promise<TopBlock[]> {
  const running = (await serviceContainers(runtime, project, names)).filter((c) => c.running).sort((a, b) => a.name.localeCompare(b.name));
  const blocks: TopBlock[] = [];
  for (const c of running) {
    const top = await runtime.topContainer(c.id);
    blocks.push({ name: c.name, titles: top.titles, processes: top.processes });
  }
  return blocks;
}

export function formatTop(blocks: TopBlock[]): string {
  return blocks.map((b) => `${b.name}\n${table([b.titles, ...b.processes])}\n`).join('\n');
}
