// Copy seed files into a container as one tar stream through the Engine API (putArchive), under a
// fresh directory of their own, and remove that directory afterwards.
import type { ContainerHandle } from '../../runtime/container-handle.js';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pack } from 'tar-stream';
import { FoxdevError } from '../../errors.js';
import { execIn, putArchive } from '../../runtime/container-io.js';

export interface ArchiveEntry {
  /** Relative path inside the seed directory. */
  name: string;
  content: Buffer | string;
}

/** Read host files for copying; a missing file is the user's mistake, named as they wrote it. */
export async function readEntries(files: Array<{ path: string; display: string; inContainer: string }>): Promise<ArchiveEntry[]> {
  return Promise.all(
    files.map(async (f) => {
      try {
        return { name: f.inContainer, content: await readFile(f.path) };
      } catch (err) {
        throw new FoxdevError('seed', `cannot read seed file ${f.display}: ${(err as Error).message}`, { cause: err });
      }
    }),
  );
}

export function tarOf(entries: ArchiveEntry[], root: string): Promise<Buffer> {
  const p = pack();
  const dirs = new Set<string>([root]);
  for (const e of entries) {
    const parts = `${root}/${e.name}`.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  // World-readable, so a container that execs as a non-root user can still read its seed.
  for (const d of [...dirs].sort()) p.entry({ name: d, type: 'directory', mode: 0o755 });
  for (const e of entries) p.entry({ name: `${root}/${e.name}`, mode: 0o644 }, Buffer.from(e.content));
  p.finalize();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    p.on('data', (c) => chunks.push(c as Buffer));
    p.on('end', () => resolve(Buffer.concat(chunks)));
    p.on('error', reject);
  });
}

/** Put the entries under /tmp/foxdev-seed-<random>; returns that directory. */
export async function putSeedDir(container: ContainerHandle, entries: ArchiveEntry[]): Promise<string> {
  const root = `foxdev-seed-${randomBytes(6).toString('hex')}`;
  try {
    await putArchive(container, await tarOf(entries, root), '/tmp');
  } catch (err) {
    throw new FoxdevError('seed', `cannot copy seed files into the container: ${(err as Error).message}`, {
      hint: 'the container needs a writable /tmp',
      cause: err,
    });
  }
  return `/tmp/${root}`;
}

export async function removeSeedDir(container: ContainerHandle, dir: string): Promise<void> {
  // Best effort: a leftover in /tmp is harmless, and failing here must not hide the real result.
  await execIn(container, ['rm', '-rf', dir]).catch(() => undefined);
}
