// Every path under the watch roots that some rule wants, found by walking the disk (ignored
// directories are not entered). The pump's settle sweep compares this with what it last sent,
// so a change chokidar never reported still reaches the container.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function walkWanted(roots: string[], wanted: (abs: string) => boolean): Promise<Array<{ path: string; dir: boolean }>> {
  const out: Array<{ path: string; dir: boolean }> = [];
  const seen = new Set<string>();
  const visit = async (abs: string, isRoot: boolean): Promise<void> => {
    if (seen.has(abs) || (!isRoot && !wanted(abs))) return;
    seen.add(abs);
    const st = await lstat(abs).catch(() => undefined);
    if (!st) return;
    out.push({ path: abs, dir: st.isDirectory() });
    if (!st.isDirectory()) return;
    const names = await readdir(abs).catch(() => [] as string[]);
    for (const n of names) await visit(path.join(abs, n), false);
  };
  for (const r of roots) await visit(r, true);
  return out;
}
