// The two read-only engine calls `foxdev ps` needs, two ways: over dockerode (ssh:// engines) or
// over the small HTTP reader (engine-http.ts) that keeps dockerode off ps's start path. Both read
// the same JSON, so the rows are the same (test/runtime/engine-http.test.ts checks it).
import type Docker from 'dockerode';
import { projectContainerFrom, projectLabelFilter, type ProjectContainer } from './docker/containers.js';
import type { EngineEndpoint } from './engine-endpoint.js';
import { inspectContainer, listContainersByLabel } from './engine-http.js';

/** The engine's inspect answer for a container. */
export type ContainerInspectInfo = Docker.ContainerInspectInfo;

export interface PsEngine {
  list(project: string): Promise<ProjectContainer[]>;
  /** undefined when the container is gone (removed between list and inspect). */
  inspect(id: string): Promise<ContainerInspectInfo | undefined>;
}

export function dockerPsEngine(docker: Docker): PsEngine {
  return {
    list: async (project) => (await docker.listContainers({ all: true, filters: { label: projectLabelFilter(project) } })).map(projectContainerFrom),
    inspect: (id) => docker.getContainer(id).inspect().catch(() => undefined),
  };
}

/** dockerPsEngine over the shared client, loaded only when asked (ssh:// engines). */
export async function clientPsEngine(): Promise<PsEngine> {
  return dockerPsEngine((await import('./docker-client.js')).dockerClient());
}

export function httpPsEngine(endpoint: EngineEndpoint): PsEngine {
  return {
    list: async (project) => (await listContainersByLabel<Docker.ContainerInfo>(endpoint, projectLabelFilter(project))).map(projectContainerFrom),
    inspect: (id) => inspectContainer<ContainerInspectInfo>(endpoint, id).catch(() => undefined),
  };
}
