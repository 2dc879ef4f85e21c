// `foxdev top`: the processes of each running service container, from the engine's top API
// (`ps -ef` columns by default), one block per container: its name, then the table.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { serviceContainers } from './targets.js';
import { table } from './table.js';

export interface TopBlock {
  name: string;
  titles: string[];
  processes: string[][];
}

export async function projectTop(docker: Docker, project: Project, names: string[]): Promise<TopBlock[]> {
  const running = (await serviceContainers(docker, project, names)).filter((c) => c.running).sort((a, b) => a.name.localeCompare(b.name));
  const blocks: TopBlock[] = [];
  for (const c of running) {
    const top = (await docker.getContainer(c.id).top()) as { Titles?: string[]; Processes?: string[][] };
    blocks.push({ name: c.name, titles: top.Titles ?? [], processes: top.Processes ?? [] });
  }
  return blocks;
}

export function formatTop(blocks: TopBlock[]): string {
  return blocks.map((b) => `${b.name}\n${table([b.titles, ...b.processes])}\n`).join('\n');
}
