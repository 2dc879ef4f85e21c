// `foxdev ls`: the projects on the engine, found by foxdev's project label, with no compose file.
// As compose: without `all` only running containers count, so a stopped project is not listed.
import { FoxdevError } from '../../errors.js';
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

/**
 * compose's `ls --filter name=X` (the one filter it takes): a project matches a name exactly or
 * as a regular expression (unanchored, as Go's regexp.MatchString); a bad pattern matches nothing.
 */
export function filterProjects<T extends { Name: string }>(rows: T[], filters: string[]): T[] {
  const names: string[] = [];
  for (const f of filters) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f : f.slice(0, eq);
    if (key !== 'name' || eq < 0) throw new FoxdevError('usage', `invalid filter '${key}'`);
    names.push(f.slice(eq + 1));
  }
  if (!names.length) return rows;
  const matches = (pattern: string, name: string) => {
    if (pattern === name) return true;
    try {
      return new RegExp(pattern).test(name);
    } catch {
      return false;
    }
  };
  return rows.filter((r) => names.some((n) => matches(n, r.Name)));
}
