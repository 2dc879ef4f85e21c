// Reads what a container holds under a path: kind, permission bits, size, md5 of files and link
// targets. One exec running a POSIX sh script that works with both GNU (foxdev/node) and busybox
// (foxdev/busybox) find/stat/md5sum. Directories named in `prune` (node_modules, .git) are not
// descended into — listing and hashing a container's node_modules would dwarf the sync itself.
// File names containing a newline are not supported.
import type { ContainerHandle } from './container-handle.js';
import { execOk } from './sync-exec.js';

/**
 * One path of a listing. The same shape as plan/sync-catchup.ts's TreeEntry, declared here because
 * the runtime may not import the planner; engine/sync hands these to planCatchUp and tsc checks they fit.
 */
export interface TreeEntry {
  /** Relative to the listed target ('' is the target itself), '/'-separated. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number; // permission bits
  size: number;
  /** Hex md5 for files. */
  md5?: string;
  linkTarget?: string;
}

const SCRIPT = `
T="$1"; shift
[ -e "$T" ] || [ -L "$T" ] || exit 0
set -- "$@"
P=""
for n in "$@"; do P="$P -name $n -o"; done
if [ -n "$P" ]; then PR="( ! -path $T ( \${P% -o} ) -prune ) -o"; else PR=""; fi
echo "#stat"
find "$T" $PR -exec stat -c '%f %s %n' {} +
echo "#md5"
find "$T" $PR -type f -exec md5sum {} +
echo "#links"
find "$T" $PR -type l -print | while IFS= read -r l; do printf '%s\\t%s\\n' "$l" "$(readlink "$l")"; done
`;

const S_IFMT = 0o170000;
const KIND: Record<number, TreeEntry['kind']> = { 0o100000: 'file', 0o040000: 'dir', 0o120000: 'symlink' };

export async function readContainerTree(
  container: ContainerHandle,
  target: string,
  opts: { prune?: string[] } = {},
): Promise<TreeEntry[]> {
  const prune = (opts.prune ?? []).filter((n) => /^[A-Za-z0-9._-]+$/.test(n));
  const { stdout } = await execOk(container, ['sh', '-c', SCRIPT, 'tree', target, ...prune]);
  return parseTree(stdout.toString('utf8'), target);
}

/** Exported for tests: the script's output → entries relative to `target`. */
export function parseTree(text: string, target: string): TreeEntry[] {
  const rel = (p: string): string => (p === target ? '' : p.startsWith(`${target}/`) ? p.slice(target.length + 1) : p);
  const byRel = new Map<string, TreeEntry>();
  let section = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      section = line;
      continue;
    }
    if (!line) continue;
    if (section === '#stat') {
      const m = /^([0-9a-f]+) (\d+) (.*)$/.exec(line);
      if (!m) continue;
      const raw = parseInt(m[1], 16);
      const kind = KIND[raw & S_IFMT];
      if (!kind) continue; // sockets, fifos, devices: never synced
      byRel.set(rel(m[3]), { rel: rel(m[3]), kind, mode: raw & 0o7777, size: Number(m[2]) });
    } else if (section === '#md5') {
      const m = /^\\?([0-9a-f]{32}) [ *](.*)$/.exec(line);
      const e = m && byRel.get(rel(m[2]));
      if (e) e.md5 = m[1];
    } else if (section === '#links') {
      const tab = line.indexOf('\t');
      const e = byRel.get(rel(line.slice(0, tab)));
      if (e) e.linkTarget = line.slice(tab + 1);
    }
  }
  return [...byRel.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1));
}
