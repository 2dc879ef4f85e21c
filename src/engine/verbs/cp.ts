// `foxdev cp`: copy between a service's container and the host through the engine's archive API,
// with docker cp's naming rule: into an existing directory the item keeps its name, otherwise the
// destination path is its new name (its parent must exist).
import { existsSync, statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { extractTo, packPath } from '../../runtime/tar-copy.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { serviceContainers } from './targets.js';

export interface CpEnd {
  service?: string;
  path: string;
}

/** `svc:/path` is a container end; anything else (an absolute or relative host path) the host. */
export function parseCpArg(arg: string): CpEnd {
  const m = /^([a-zA-Z0-9][a-zA-Z0-9._-]*):(.*)$/.exec(arg);
  return m ? { service: m[1], path: m[2] } : { path: arg };
}

export function checkCpArgs(src: CpEnd, dst: CpEnd): void {
  if (src.service && dst.service) throw new FoxdevError('usage', 'copying between services is not supported: one of SRC and DEST must be a host path');
  if (!src.service && !dst.service) throw new FoxdevError('usage', 'one of SRC and DEST must be SERVICE:PATH');
  for (const e of [src, dst]) if (e.path === '') throw new FoxdevError('usage', `empty path in ${e.service ? `${e.service}:` : 'host path'}`);
}

/** The entry name inside the archive: the top-level name replaced when the copy is renamed. */
export function renameEntry(name: string, newTop: string | undefined): string {
  if (!newTop) return name;
  const i = name.indexOf('/');
  return i < 0 ? newTop : newTop + name.slice(i);
}

export async function copy(runtime: Runtime, project: Project, src: CpEnd, dst: CpEnd, say: (l: string) => void): Promise<void> {
  checkCpArgs(src, dst);
  const service = (src.service ?? dst.service)!;
  const c = (await serviceContainers(runtime, project, [service]))[0];
  if (!c) throw new FoxdevError('not-found', `service ${service} has no container`, { hint: `start it with foxdev up ${service}` });
  if (src.service) await fromContainer(runtime, c.id, src.path, path.resolve(dst.path));
  else await toContainer(runtime, c.id, path.resolve(src.path), dst.path, c.name);
  say(`copied ${src.service ? `${c.name}:${src.path}` : src.path} to ${dst.service ? `${c.name}:${dst.path}` : dst.path}`);
}

async function fromContainer(runtime: Runtime, id: string, src: string, dst: string): Promise<void> {
  const archive = await runtime.copyFromContainer(id, src).catch((err: { statusCode?: number }) => {
    if (err.statusCode === 404) throw new FoxdevError('usage', `no such file or directory in the container: ${src}`);
    throw err;
  });
  const intoDir = existsSync(dst) && statSync(dst).isDirectory();
  const dir = intoDir ? dst : path.dirname(dst);
  if (!existsSync(dir)) throw new FoxdevError('usage', `no such directory: ${dir}`);
  const newTop = intoDir ? undefined : path.basename(dst);
  await extractTo(archive as unknown as Readable, dir, (name) => renameEntry(name, newTop));
}

async function toContainer(runtime: Runtime, id: string, src: string, dst: string, name: string): Promise<void> {
  await lstat(src).catch(() => {
    throw new FoxdevError('usage', `no such file or directory: ${src}`);
  });
  const target = path.posix.resolve('/', dst);
  const intoDir = await runtime.containerPathIsDir(id, target);
  const dir = intoDir ? target : path.posix.dirname(target);
  if (!intoDir && !(await runtime.containerPathIsDir(id, dir))) throw new FoxdevError('usage', `no such directory in ${name}: ${dir}`);
  const top = intoDir ? path.basename(src) : path.posix.basename(target);
  await runtime.copyIntoContainer(id, dir, await packPath(src, top));
}
