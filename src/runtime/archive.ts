// Moving a batch of files into a container: one tar per batch, by one of three transports that
// bench/sync.mjs measures side by side:
//  - 'archive':  the Engine API archive endpoint (PUT /containers/{id}/archive);
//  - 'exec-tar': a fresh `tar -x` exec per batch, the tar on its stdin;
//  - 'stream':   a long-lived exec receiver (sync-receiver.ts) fed batch after batch.
// 'stream' is the default: measured on docker 20.10 / overlay2 it is several times faster
// than the other two (numbers in the bench output and the report). Deletions go over the same
// channel ('stream') or as one `rm -rf` exec per batch.
import { lstat, readFile } from 'node:fs/promises';
import type { ContainerHandle } from './container-handle.js';
import { containerOf } from './docker/handle.js';
import { pack } from 'tar-stream';
import { FoxdevError } from '../errors.js';
import { execOk } from './sync-exec.js';
import { SyncReceiver } from './sync-receiver.js';

export type Transport = 'stream' | 'archive' | 'exec-tar';
export const DEFAULT_TRANSPORT: Transport = 'stream';

/**
 * What packing reads from one planned copy. Declared here, not imported from plan/sync.ts: the
 * runtime sits below the planner, and plan/'s CopyOp fits this shape (tsc checks it in engine/sync).
 */
export interface PackOp {
  host: string;
  container: string;
  kind: 'file' | 'dir' | 'symlink';
  /** For symlinks: the link as it must read inside the container. */
  linkTarget?: string;
}

export interface PackResult<Op extends PackOp = PackOp> {
  tar: Buffer;
  /** Ops whose host file vanished (or changed kind) between planning and packing. */
  skipped: Op[];
  files: number;
  /** Container path and kind of every packed entry. */
  kinds: Array<{ path: string; dir: boolean }>;
}

/** Tar entry name for a container path: relative to '/', where the archive is extracted. */
const entryName = (containerPath: string): string => containerPath.replace(/^\/+/, '');

async function entryFor(op: PackOp): Promise<{ header: Parameters<ReturnType<typeof pack>['entry']>[0]; body?: Buffer } | undefined> {
  let st;
  try {
    st = await lstat(op.host);
  } catch {
    return undefined; // gone since it was observed; its unlink event is already on the way
  }
  // Owned by root in the container: the host uid means nothing there.
  const base = { name: entryName(op.container), mode: st.mode & 0o7777, mtime: st.mtime, uid: 0, gid: 0 };
  if (op.kind === 'dir') return st.isDirectory() ? { header: { ...base, type: 'directory' } } : undefined;
  if (op.kind === 'symlink') {
    // The link written is the one the plan checked, not a fresh readlink: a link swapped since
    // then cannot slip an outside target past the check (its own event replans it).
    if (!st.isSymbolicLink() || !op.linkTarget) return undefined;
    return { header: { ...base, mode: 0o777, type: 'symlink', linkname: op.linkTarget } };
  }
  if (!st.isFile()) return undefined;
  try {
    const body = await readFile(op.host);
    return { header: { ...base, type: 'file', size: body.length }, body };
  } catch {
    return undefined;
  }
}

export async function packCopyOps<Op extends PackOp>(ops: Op[]): Promise<PackResult<Op>> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const finished = new Promise<void>((resolve, reject) => (p.on('end', resolve), p.on('error', reject)));
  const skipped: Op[] = [];
  const kinds: PackResult['kinds'] = [];
  let files = 0;
  // Read files a few at a time: a 1,000-file burst is mostly waiting on the disk.
  const entries = await mapLimit(ops, 32, entryFor);
  entries.forEach((e, i) => {
    if (!e) return void skipped.push(ops[i]);
    if (e.body) p.entry(e.header, e.body);
    else p.entry(e.header);
    kinds.push({ path: ops[i].container, dir: ops[i].kind === 'dir' });
    files++;
  });
  p.finalize();
  await finished;
  return { tar: Buffer.concat(chunks), skipped, files, kinds };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Drain the response so the socket is released, and surface HTTP errors as FoxdevError. */
async function putArchive(container: ContainerHandle, tar: Buffer): Promise<void> {
  try {
    const res = await containerOf(container).putArchive(tar, { path: '/' });
    if (res && typeof (res as NodeJS.ReadableStream).resume === 'function') {
      await new Promise<void>((resolve) => {
        (res as NodeJS.ReadableStream).on('end', resolve);
        (res as NodeJS.ReadableStream).on('error', () => resolve());
        (res as NodeJS.ReadableStream).resume();
      });
    }
  } catch (err) {
    throw new FoxdevError('sync', `copying into container ${container.id.slice(0, 12)} failed: ${(err as Error).message}`, { cause: err });
  }
}

export async function sendTar(container: ContainerHandle, tar: Buffer, transport: Transport = DEFAULT_TRANSPORT): Promise<void> {
  if (transport === 'archive') return putArchive(container, tar);
  await execOk(container, ['tar', '-x', '-f', '-', '-C', '/'], { stdin: tar });
}

/** `rm -rf` in batches small enough for one argv. Needs a running container. */
export async function removeInContainer(container: ContainerHandle, paths: string[]): Promise<void> {
  for (const p of paths) {
    if (!p.startsWith('/') || p === '/') throw new FoxdevError('internal', `refusing to delete ${JSON.stringify(p)} in a container`);
  }
  for (let i = 0; i < paths.length; i += 500) await execOk(container, ['rm', '-rf', '--', ...paths.slice(i, i + 500)]);
}

/** Where a sync session sends its batches: one per container, closed with the session. */
export interface ContainerWriter {
  put(packed: Pick<PackResult, 'tar' | 'kinds'>): Promise<void>;
  remove(paths: string[]): Promise<void>;
  close(): void;
}

export function openWriter(container: ContainerHandle, transport: Transport = DEFAULT_TRANSPORT): ContainerWriter {
  if (transport !== 'stream') {
    return { put: (p) => sendTar(container, p.tar, transport), remove: (paths) => removeInContainer(container, paths), close: () => undefined };
  }
  const receiver = new SyncReceiver(containerOf(container));
  return { put: (p) => receiver.extract(p.tar, p.kinds), remove: (paths) => receiver.remove(paths), close: () => receiver.close() };
}
