// `foxdev build`: the same builds `up` does, without starting anything. Services build in parallel.
import type { Project } from '../config/project.js';
import { noSuchService } from '../errors.js';
import { imageName } from '../names/labels.js';
import { prepareBuild } from '../runtime/build-prepare.js';
import type { Runtime } from '../runtime/runtime.js';

export async function buildServices(
  runtime: Runtime,
  project: Project,
  names: string[],
  o: { force: boolean; onLine: (service: string, line: string) => void },
): Promise<void> {
  for (const n of names) if (!project.services[n]) throw noSuchService(n, Object.keys(project.services));
  const targets = (names.length ? names : Object.keys(project.services)).filter((n) => project.services[n].build && project.services[n].kind !== 'process');
  await Promise.all(
    targets.map(async (name) => {
      const tag = imageName(project.name, project.services[name]);
      const prepared = await prepareBuild({ project: project.name, service: name, tag, build: project.services[name].build! });
      if (!o.force && (await runtime.imageBuildHash(tag)) === prepared.hash) {
        o.onLine(name, `${tag} is up to date (context unchanged)`);
        return;
      }
      const t0 = Date.now();
      await runtime.buildImage(prepared, (l) => o.onLine(name, l));
      o.onLine(name, `built ${tag} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }),
  );
}
