// Orphans (`up --remove-orphans`, COMPOSE_REMOVE_ORPHANS, compose's warning otherwise), found by
// label. Which containers are orphans is plan/orphans.ts: compose's rule, so exited one-off
// `run` containers go too, and a service of an inactive profile is not one.
import type { Project } from '../../config/project.js';
import { ignoreOrphansSet, orphanWarning, orphansOf } from '../../plan/orphans.js';
import type { Runtime } from '../../runtime/runtime.js';

export async function removeOrphans(runtime: Runtime, project: Project, onLine: (l: string) => void): Promise<string[]> {
  const orphans = orphansOf(project, await runtime.listProjectContainers(project.name));
  await Promise.all(
    orphans.map(async (c) => {
      if (c.running) await runtime.stopContainer(c.id, 10_000);
      await runtime.removeContainer(c.id);
      onLine(`removed orphan container ${c.name}`);
    }),
  );
  return orphans.map((c) => c.name);
}

/** compose's "Found orphan containers (…)" warning, unless COMPOSE_IGNORE_ORPHANS is set. */
export async function warnOrphans(runtime: Runtime, project: Project, onLine: (l: string) => void): Promise<void> {
  if (ignoreOrphansSet(project)) return;
  const orphans = orphansOf(project, await runtime.listProjectContainers(project.name));
  if (orphans.length) onLine(`foxdev: warning: ${orphanWarning(orphans.map((c) => c.name))}`);
}
