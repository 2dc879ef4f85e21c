// Orphans (`up --remove-orphans`, COMPOSE_REMOVE_ORPHANS, compose's warning otherwise), found by
// label. Which containers are orphans is plan/orphans.ts: compose's rule, so exited one-off
// `run` containers go too, and a service of an inactive profile is not one.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { ignoreOrphansSet, orphanWarning, orphansOf } from '../../plan/orphans.js';
import { listProjectContainers, removeContainer, stopContainer } from '../../runtime/docker/containers.js';

export async function removeOrphans(docker: Docker, project: Project, onLine: (l: string) => void): Promise<string[]> {
  const orphans = orphansOf(project, await listProjectContainers(docker, project.name));
  await Promise.all(
    orphans.map(async (c) => {
      if (c.running) await stopContainer(docker, c.id, 10_000);
      await removeContainer(docker, c.id);
      onLine(`removed orphan container ${c.name}`);
    }),
  );
  return orphans.map((c) => c.name);
}

/** compose's "Found orphan containers (…)" warning, unless COMPOSE_IGNORE_ORPHANS is set. */
export async function warnOrphans(docker: Docker, project: Project, onLine: (l: string) => void): Promise<void> {
  if (ignoreOrphansSet(project)) return;
  const orphans = orphansOf(project, await listProjectContainers(docker, project.name));
  if (orphans.length) onLine(`foxdev: warning: ${orphanWarning(orphans.map((c) => c.name))}`);
}
