// `foxdev pull`: pull the images of the named services (all when none). As compose: a service with
// `build` and no `image` has nothing to pull and is skipped; one with both is built when the pull
// fails, so its failure is a warning; any other failure is one line naming the image.
import type { Project } from '../../config/project.js';
import { checkServices } from './targets.js';
import { engineMessage, type Runtime } from '../../runtime/runtime.js';

export interface PullTarget {
  image: string;
  services: string[];
  buildable: boolean;
}

export interface PullResult {
  pulled: string[];
  skipped: string[];
  /** Failures that make the command fail (not buildable), one line each. */
  failed: string[];
  warnings: string[];
}

/** Pure: which images to pull for which services, each image once. */
export function pullTargets(project: Project, names: string[]): { targets: PullTarget[]; skipped: string[] } {
  checkServices(project, names);
  const chosen = (names.length ? names : Object.keys(project.services)).map((n) => project.services[n]).filter((s) => s.kind !== 'process');
  const targets = new Map<string, PullTarget>();
  const skipped: string[] = [];
  for (const s of chosen) {
    if (!s.image) {
      if (s.build) skipped.push(s.name);
      continue;
    }
    const t = targets.get(s.image) ?? { image: s.image, services: [], buildable: true };
    t.services.push(s.name);
    t.buildable &&= s.build !== undefined;
    targets.set(s.image, t);
  }
  return { targets: [...targets.values()], skipped };
}

export async function pullImages(runtime: Runtime, project: Project, names: string[], say: (l: string) => void): Promise<PullResult> {
  const { targets, skipped } = pullTargets(project, names);
  const r: PullResult = { pulled: [], skipped, failed: [], warnings: [] };
  for (const s of skipped) say(`skipped ${s}: no image to be pulled (built from source)`);
  await Promise.all(
    targets.map(async (t) => {
      try {
        await runtime.pullImage(t.image);
        r.pulled.push(t.image);
        say(`pulled ${t.image}`);
      } catch (err) {
        const line = `pull ${t.image} (${t.services.join(', ')}): ${engineMessage(err)}`;
        (t.buildable ? r.warnings : r.failed).push(t.buildable ? `${line} (it will be built)` : line);
      }
    }),
  );
  return r;
}
