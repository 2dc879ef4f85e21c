// `foxdev cp`: copy between a service's container and the host through the engine's archive API,
// with docker cp's naming rule: into an existing directory the item keeps its name, otherwise the
// destination path is its new name (its parent must exist).
import { existsSync, statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { extractTo, packPath } from '../../runtime/tar-copy.js';
import type { ProjectContainer, Runtime } from '../../runtime/runtime.js';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { checkServices } from './targets.js';
import { COMPOSE_SERVICE, isOneOff } from '../../names/compose-labels.js';
import { containerProgress } from '../../logfmt/progress.js';

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

export interface CopyOptions {
  /** --index N: only that replica. */
  index?: number;
  /** --all: one-off (`run`) containers too, when copying into the service. */
  all?: boolean;
  /** -L: follow a symbolic link at SRC. */
  followLink?: boolean;
  /** -a: keep the files' uid/gid (into a container). */
  archive?: boolean;
}

/**
 * As compose: into a service, every container of it (stopped ones too; one-offs with --all), or
 * the replica --index names; out of a service, its lowest-numbered container. Each copy says
 * `Container NAME Copying` / `Copied` on stderr.
 */
export async function copy(runtime: Runtime, project: Project, src: CpEnd, dst: CpEnd, say: (l: string) => void, o: CopyOptions = {}): Promise<void> {
  checkCpArgs(src, dst);
  const service = (src.service ?? dst.service)!;
  const targets = await copyTargets(runtime, project, service, src.service ? 'from' : 'to', o);
  await Promise.all(
    targets.map(async (c) => {
      const what = src.service ? `${c.name}:${src.path} to ${dst.path}` : `${src.path} to ${c.name}:${dst.path}`;
      say(containerProgress(c.name, 'Copying', what));
      if (src.service) await fromContainer(runtime, c.id, src.path, path.resolve(dst.path), o);
      else await toContainer(runtime, c.id, path.resolve(src.path), dst.path, c.name, o);
      say(containerProgress(c.name, 'Copied', what));
    }),
  );
}

async function copyTargets(runtime: Runtime, project: Project, service: string, direction: 'from' | 'to', o: CopyOptions): Promise<ProjectContainer[]> {
  checkServices(project, [service]);
  const mine = (await runtime.listProjectContainers(project.name)).filter((c) => (c.service || c.labels[COMPOSE_SERVICE]) === service);
  if (o.index !== undefined) {
    const c = mine.find((x) => !isOneOff(x.labels) && x.number === o.index);
    if (!c) throw new FoxdevError('not-found', `service "${service}" is not running container #${o.index}`);
    return [c];
  }
  const chosen = mine.filter((c) => o.all || !isOneOff(c.labels)).sort((a, b) => Number(isOneOff(a.labels)) - Number(isOneOff(b.labels)) || a.number - b.number);
  if (!chosen.length) throw new FoxdevError('not-found', `no container found for service "${service}"`, { hint: `start it with foxdev up ${service}` });
  return direction === 'from' ? chosen.slice(0, 1) : chosen;
}

async function fromContainer(runtime: Runtime, id: string, given: string, dst: string, o: CopyOptions): Promise<void> {
  let src = given;
  if (o.followLink) {
    const link = await runtime.containerLinkTarget(id, src).catch(() => '');
    if (link) src = path.posix.resolve(path.posix.dirname(path.posix.resolve('/', src)), link);
  }
  const archive = await runtime.copyFromContainer(id, src).catch((err: { statusCode?: number }) => {
    if (err.statusCode === 404) throw new FoxdevError('usage', `no such file or directory in the container: ${given}`);
    throw err;
  });
  const intoDir = existsSync(dst) && statSync(dst).isDirectory();
  const dir = intoDir ? dst : path.dirname(dst);
  if (!existsSync(dir)) throw new FoxdevError('usage', `no such directory: ${dir}`);
  // Into a directory the item keeps the name SRC gave it (a followed link's name, not its target's).
  const newTop = intoDir ? (src === given ? undefined : path.posix.basename(given)) : path.basename(dst);
  await extractTo(archive as unknown as Readable, dir, (name) => renameEntry(name, newTop));
}

async function toContainer(runtime: Runtime, id: string, src: string, dst: string, name: string, o: CopyOptions): Promise<void> {
  await lstat(src).catch(() => {
    throw new FoxdevError('usage', `no such file or directory: ${src}`);
  });
  const target = path.posix.resolve('/', dst);
  const intoDir = await runtime.containerPathIsDir(id, target);
  const dir = intoDir ? target : path.posix.dirname(target);
  if (!intoDir && !(await runtime.containerPathIsDir(id, dir))) throw new FoxdevError('usage', `no such directory in ${name}: ${dir}`);
  const top = intoDir ? path.basename(src) : path.posix.basename(target);
  await runtime.copyIntoContainer(id, dir, await packPath(src, top, { followLink: o.followLink }), { copyUIDGID: o.archive });
}
