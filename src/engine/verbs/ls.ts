// `foxdev ls`: the projects on the engine, found by foxdev's project label, with no compose file.
// As compose: without `all` only running containers count, so a stopped project is not listed.
import { LABEL_PROJECT } from '../../names/labels.js';
import { combinedStatus } from './table.js';
import type { Runtime } from '../../runtime/runtime.js';

export interface ProjectRow {
  Name: string;
  Status: string;
  ConfigFiles: string;
}

const CONFIG_FILES = 'com.docker.compose.project.config_files';

export async function listProjects(runtime: Runtime, o: { all?: boolean } = {}): Promise<ProjectRow[]> {
  const list = await runtime.listContainersByLabel([LABEL_PROJECT], { all: o.all === true });
  return projectRows(list.map((c) => ({ labels: c.labels, state: c.state })));
}

/** Pure: containers (labels + state) → one row per project, sorted by name. */
export function projectRows(containers: Array<{ labels: Record<string, string>; state: string }>): ProjectRow[] {
  const byName = new Map<string, { states: string[]; files: Set<string> }>();
  for (const c of containers) {
    const name = c.labels[LABEL_PROJECT];
    if (!name) continue;
    const p = byName.get(name) ?? { states: [], files: new Set<string>() };
    p.states.push(c.state);
    for (const f of (c.labels[CONFIG_FILES] ?? '').split(',')) if (f) p.files.add(f);
    byName.set(name, p);
  }
  return [...byName.keys()].sort().map((Name) => {
    const p = byName.get(Name)!;
    return { Name, Status: combinedStatus(p.states), ConfigFiles: [...p.files].join(',') };
  });
}
