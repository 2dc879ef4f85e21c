// `foxdev build`: the same builds `up` does, without starting anything. Services build in parallel.
import type { Project } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { imageName } from '../names/labels.js';
import { prepareBuild, type BuildFlags } from '../runtime/build-prepare.js';
import type { Runtime } from '../runtime/runtime.js';

export interface BuildOptions {
  force: boolean;
  onLine: (service: string, line: string) => void;
  /** --build-arg, already resolved: they override every service's build.args. */
  args?: Record<string, string>;
  flags?: BuildFlags;
  /** --with-dependencies: also build what the named services depend on. */
  withDependencies?: boolean;
  /** --push: push each built image that has an `image:` name (unnamed ones stay local, as compose). */
  push?: boolean;
}

export async function buildServices(runtime: Runtime, project: Project, names: string[], o: BuildOptions): Promise<void> {
  for (const n of names) if (!project.services[n]) throw noSuchService(n, Object.keys(project.services));
  const chosen = names.length ? (o.withDependencies ? withDeps(project, names) : names) : Object.keys(project.services);
  const targets = chosen.filter((n) => project.services[n].build && project.services[n].kind !== 'process');
  // --no-cache and --pull ask for a build whatever the hash says.
  const force = o.force || o.flags?.noCache === true || o.flags?.pull === true;
  await Promise.all(
    targets.map(async (name) => {
      const svc = project.services[name];
      const tag = imageName(project.name, svc);
      const build = o.args && Object.keys(o.args).length ? { ...svc.build!, args: { ...svc.build!.args, ...o.args } } : svc.build!;
      const prepared = await prepareBuild({ project: project.name, service: name, tag, build, flags: o.flags });
      if (!force && (await runtime.imageBuildHash(tag)) === prepared.hash) o.onLine(name, `${tag} is up to date (context unchanged)`);
      else {
        const t0 = Date.now();
        await runtime.buildImage(prepared, (l) => o.onLine(name, l));
        o.onLine(name, `built ${tag} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      }
      if (o.push && svc.image) {
        o.onLine(name, `pushing ${svc.image}`);
        await runtime.pushImage(svc.image, (l) => o.onLine(name, l)).catch((err: Error) => {
          throw new FoxdevError('engine', `failed to push ${svc.image}: ${err.message.trim()}`, { cause: err });
        });
      }
    }),
  );
}

/** The named services and, transitively, everything they depend on. */
function withDeps(project: Project, names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || !project.services[n]) return;
    seen.add(n);
    for (const d of Object.keys(project.services[n].depends_on)) visit(d);
  };
  names.forEach(visit);
  return [...seen];
}
