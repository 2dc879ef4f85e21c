// What the seeding library does inside a container through its ContainerHandle: run a command,
// put a tar archive under a directory, read one back, and list its mounts (where a seed record
// lives). Thin shells over the Engine API calls; errors are the engine's, statusCode included,
// so callers keep telling "no such file" (404) from the rest.
import type { ContainerHandle } from './container-handle.js';
import { containerOf } from './docker/handle.js';
import { execIn as runExec, type ExecOptions, type ExecResult } from './docker/exec.js';

export interface ContainerMount {
  /** volume, bind, tmpfs, … */
  type: string;
  destination: string;
  /** As the engine says it; undefined when it does not. */
  rw?: boolean;
}

export async function execIn(h: ContainerHandle, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return runExec(containerOf(h), cmd, opts);
}

/** Extract a tar archive (a buffer or a stream) under `dir` in the container. */
export async function putArchive(h: ContainerHandle, tar: Buffer | NodeJS.ReadableStream, dir: string): Promise<void> {
  await containerOf(h).putArchive(tar, { path: dir });
}

/** A tar archive of `path` in the container. */
export async function getArchive(h: ContainerHandle, path: string): Promise<NodeJS.ReadableStream> {
  return containerOf(h).getArchive({ path });
}

export async function containerMounts(h: ContainerHandle): Promise<ContainerMount[]> {
  const info = await containerOf(h).inspect();
  return (info.Mounts ?? []).map((m) => ({ type: m.Type, destination: m.Destination, rw: m.RW }));
}
