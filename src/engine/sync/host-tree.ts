// Reading the host side: the current state of changed paths (for a batch) and the whole tree
// under a rule (for catch-up). Ignored directories are never entered.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { TreeEntry } from '../../plan/sync-catchup.js';
import type { ObservedChange } from '../../plan/sync.js';
import type { RuleMatcher } from '../../plan/sync-match.js';

export interface Observation {
  change: ObservedChange;
  /** Equal signatures mean nothing the container cares about changed (ns mtime, size, inode). */
  sig: string;
}

export async function observe(paths: Iterable<string>): Promise<Observation[]> {
  const list = [...paths];
  const out = new Array<Observation>(list.length);
  let next = 0;
  // A burst (git checkout) brings a thousand paths; lstat them a few dozen at a time.
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const i = next++;
      out[i] = await observeOne(list[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, list.length) }, worker));
  return out;
}

async function observeOne(p: string): Promise<Observation> {
  try {
    const st = await lstat(p, { bigint: true });
    const mode = Number(st.mode & 0o7777n);
    if (st.isSymbolicLink()) {
      const linkTarget = await readlink(p);
      return { change: { path: p, kind: 'symlink', mode: 0o777, linkTarget }, sig: `l ${linkTarget}` };
    }
    if (st.isDirectory()) return { change: { path: p, kind: 'dir', mode }, sig: `d ${mode}` };
    if (st.isFile()) return { change: { path: p, kind: 'file', mode }, sig: `f ${mode} ${st.size} ${st.mtimeNs} ${st.ino}` };
    // sockets, fifos, devices are never synced: treat as absent so a stale copy goes away
  } catch {
    // gone
  }
  return { change: { path: p, kind: 'absent' }, sig: 'absent' };
}

export function md5File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('md5');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Every entry under `root` the matcher watches. `wantHash(rel, size)` says which files to hash
 * (catch-up hashes only files whose size matches the container's copy).
 */
export async function readHostTree(
  root: string,
  matcher: RuleMatcher,
  wantHash: (rel: string, size: number) => boolean = () => true,
): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  const visit = async (abs: string): Promise<void> => {
    let st;
    try {
      st = await lstat(abs);
    } catch {
      return; // vanished during the walk; its event will follow
    }
    if (!matcher.watched(abs)) return;
    const rel = path.posix.relative(root, abs);
    if (st.isSymbolicLink()) {
      out.push({ rel, kind: 'symlink', mode: 0o777, size: st.size, linkTarget: await readlink(abs) });
    } else if (st.isFile()) {
      const e: TreeEntry = { rel, kind: 'file', mode: st.mode & 0o7777, size: st.size };
      if (wantHash(rel, st.size)) e.md5 = await md5File(abs).catch(() => undefined);
      out.push(e);
    } else if (st.isDirectory()) {
      out.push({ rel, kind: 'dir', mode: st.mode & 0o7777, size: 0 });
      const names = await readdir(abs).catch(() => [] as string[]);
      for (const n of names.sort()) await visit(path.posix.join(abs, n));
    }
  };
  await visit(root);
  return out;
}
