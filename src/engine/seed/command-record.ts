// Where the generic (`kind: command`) form remembers its seed hash: a `.foxdev-seed` file in the
// container's first named volume — the store's data lives there, so the record is lost exactly
// when the data is (a new volume reads as unseeded) and survives a recreated container. Without a
// volume the container's root is used. Read and written through the archive API, so the image
// needs no shell for this.
import type { ContainerHandle } from '../../runtime/container-handle.js';
import { containerMounts, getArchive, putArchive } from '../../runtime/container-io.js';
import { extract, pack } from 'tar-stream';
import { FoxdevError } from '../../errors.js';
import type { SeedStatus } from './pg-metadata.js';

const FILE = '.foxdev-seed';

export async function recordDir(container: ContainerHandle): Promise<string> {
  const vol = (await containerMounts(container)).find((m) => m.type === 'volume' && m.rw !== false);
  return vol ? vol.destination : '/';
}

export async function readCommandRecord(container: ContainerHandle): Promise<string | undefined> {
  const dir = await recordDir(container);
  let archive: NodeJS.ReadableStream;
  try {
    archive = await getArchive(container, `${dir.replace(/\/$/, '')}/${FILE}`);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw new FoxdevError('seed', `cannot read the seed record: ${(err as Error).message}`, { cause: err });
  }
  return new Promise((resolve, reject) => {
    const ex = extract();
    let content = '';
    ex.on('entry', (_h, stream, next) => {
      stream.on('data', (c) => (content += (c as Buffer).toString('utf8')));
      stream.on('end', next);
      stream.resume();
    });
    ex.on('finish', () => resolve(content.trim() || undefined));
    ex.on('error', reject);
    archive.pipe(ex);
  });
}

export async function writeCommandRecord(container: ContainerHandle, hash: string): Promise<void> {
  const dir = await recordDir(container);
  const p = pack();
  p.entry({ name: FILE, mode: 0o644 }, `${hash}\n`);
  p.finalize();
  try {
    await putArchive(container, p as unknown as NodeJS.ReadableStream, dir);
  } catch (err) {
    throw new FoxdevError('seed', `cannot record the seed hash in ${dir}: ${(err as Error).message}`, { cause: err });
  }
}

export function commandStatus(recorded: string | undefined, hash: string): SeedStatus {
  if (!recorded) return 'unseeded';
  return recorded === hash ? 'seeded' : 'changed';
}
