// Where host-process state lives on disk, and reading it back. No execa here: `foxdev ps` and
// `foxdev down` read recorded pids without paying for the process spawner.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where foxdev keeps a project's host-process state: per project name, because one directory
 * can hold several projects (`-p shop` and `-p shop-e2e` must not adopt each other's processes).
 */
export function stateDir(project: { dir: string; name: string }): string {
  return join(project.dir, '.foxdev', 'projects', project.name);
}

export function pidDir(state: string): string {
  return join(state, 'pids');
}

export function processLogFile(state: string, service: string): string {
  return join(state, 'logs', `${service}.log`);
}

/** Host processes recorded for this project (left by a detached `up` or a foxdev killed with -9). */
export async function recordedProcesses(state: string): Promise<Array<{ service: string; pid: number; alive: boolean }>> {
  const dir = pidDir(state);
  const files = await readdir(dir).catch(() => [] as string[]);
  const out: Array<{ service: string; pid: number; alive: boolean }> = [];
  for (const f of files.filter((f) => f.endsWith('.pid'))) {
    const pid = Number((await readFile(join(dir, f), 'utf8')).trim());
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      /* gone */
    }
    out.push({ service: f.slice(0, -4), pid, alive });
  }
  return out;
}

/** Drop a process's pid file (it was stopped by `down`). */
export async function forgetProcess(state: string, service: string): Promise<void> {
  await rm(join(pidDir(state), `${service}.pid`), { force: true });
}
