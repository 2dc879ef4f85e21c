// Which services `foxdev seed` acts on. PURE. Only services whose config declares a seed: foxdev
// never resets a database the config does not name.
import type { Project } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';

export function selectSeedServices(project: Project, names: readonly string[]): string[] {
  const seeded = Object.values(project.services)
    .filter((s) => s.seed)
    .map((s) => s.name)
    .sort();
  if (names.length === 0) {
    if (seeded.length === 0) throw new FoxdevError('usage', `no service in ${project.name} declares a seed`, { hint: 'add `seed:` to a database service in foxdev.config.ts' });
    return seeded;
  }
  for (const n of names) {
    if (!project.services[n]) {
      throw noSuchService(n, Object.keys(project.services), { hint: `services with a seed: ${seeded.join(', ') || 'none'}` });
    }
    if (!project.services[n].seed) {
      throw new FoxdevError('usage', `service "${n}" declares no seed; foxdev only resets databases its config names`, {
        hint: `services with a seed: ${seeded.join(', ') || 'none'}`,
      });
    }
  }
  return [...new Set(names)];
}
