// Containers of services no longer in the config (`up --remove-orphans`), found by label.
// One-off `run` containers are not orphans: compose keeps them too.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { isOneOff } from '../../names/compose-labels.js';
import { listProjectContainers, removeContainer, stopContainer } from '../../runtime/docker/containers.js';

export async function removeOrphans(docker: Docker, project: Project, onLine: (l: string) => void): Promise<string[]> {
  const orphans = (await listProjectContainers(docker, project.name)).filter((c) => !isOneOff(c.labels) && !project.services[c.service]);
  await Promise.all(
    orphans.map(async (c) => {
      if (c.running) await stopContainer(docker, c.id, 10_000);
      await removeContainer(docker, c.id);
      onLine(`removed orphan container ${c.name}`);
    }),
  );
  return orphans.map((c) => c.name);
}
