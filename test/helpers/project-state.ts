// What the engine holds for a project, read straight from Docker by label.
import { dockerClient } from '../../src/runtime/docker-client.js';
import { LABEL_PROJECT, LABEL_SERVICE } from '../../src/names/labels.js';

export async function projectContainers(project: string) {
  const list = await dockerClient().listContainers({ all: true, filters: { label: [`${LABEL_PROJECT}=${project}`] } });
  return list.map((c) => ({ id: c.Id, service: c.Labels[LABEL_SERVICE], state: c.State }));
}

export async function projectNetworks(project: string) {
  return dockerClient().listNetworks({ filters: { label: [`${LABEL_PROJECT}=${project}`] } });
}

/** Remove everything labelled with the project (test cleanup; never touches other projects). */
export async function purgeProject(project: string): Promise<void> {
  const docker = dockerClient();
  for (const c of await projectContainers(project)) await docker.getContainer(c.id).remove({ force: true, v: true }).catch(() => {});
  for (const n of await projectNetworks(project)) await docker.getNetwork(n.Id).remove().catch(() => {});
  const { Volumes } = await docker.listVolumes({ filters: { label: [`${LABEL_PROJECT}=${project}`] } });
  for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove().catch(() => {});
  // Images foxdev built for the project carry its label: a test run leaves none behind.
  for (const i of await docker.listImages({ filters: { label: [`${LABEL_PROJECT}=${project}`] } })) await docker.getImage(i.Id).remove({ force: true }).catch(() => {});
}
