// Which containers a compose verb acts on: the project's service containers (found by label, so
// it works with no session running), for the named services or all of them, one-offs aside.
import type { Project } from '../../config/project.js';
import { noSuchService } from '../../errors.js';
import { graphOf, startLevels } from '../../plan/graph.js';
import { isOneOff } from '../../names/compose-labels.js';
import type { ProjectContainer, Runtime } from '../../runtime/runtime.js';

export function checkServices(project: Project, names: string[]): void {
  for (const n of names) {
    if (!project.services[n]) throw noSuchService(n, Object.keys(project.services));
  }
}

export async function serviceContainers(runtime: Runtime, project: Project, names: string[]): Promise<ProjectContainer[]> {
  checkServices(project, names);
  const all = (await runtime.listProjectContainers(project.name)).filter((c) => !isOneOff(c.labels) && project.services[c.service]);
  return names.length ? all.filter((c) => names.includes(c.service)) : all;
}

/** Containers grouped by start level (dependencies first); reverse it for stopping. */
export function byStartLevel(project: Project, containers: ProjectContainer[]): ProjectContainer[][] {
  // Levels of the whole graph: a service between two selected ones (a completed job) still
  // separates them.
  return startLevels(graphOf(project))
    .map((level) => containers.filter((c) => level.includes(c.service)))
    .filter((l) => l.length);
}

/** Run `fn` on each level in turn, the containers of one level side by side. */
export async function eachLevel(levels: ProjectContainer[][], fn: (c: ProjectContainer) => Promise<void>): Promise<void> {
  for (const level of levels) await Promise.all(level.map(fn));
}
