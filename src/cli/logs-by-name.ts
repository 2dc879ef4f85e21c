// `foxdev -p NAME logs` with no project files: the services are whatever containers carry the
// project's label (compose does the same), so their output comes straight from the engine.
import type Docker from 'dockerode';
import { FoxdevError } from '../errors.js';
import type { LogsOptions } from '../engine/logs.js';
import type { LogEntry } from '../store/types.js';
import { listProjectContainers } from '../runtime/docker/containers.js';
import { containerLogs } from '../runtime/docker/logs.js';
import { composeLabel } from '../names/labels.js';

/** The services that have a container labelled with the project, in the engine's order. */
export async function labelledServices(docker: Docker, project: string): Promise<string[]> {
  return [...new Set((await listProjectContainers(docker, project)).map((c) => c.service).filter(Boolean))];
}

export async function logsByName(docker: Docker, project: string, services: string[], o: LogsOptions, onEntry: (e: LogEntry) => void): Promise<void> {
  const containers = await listProjectContainers(docker, project);
  const known = new Set(containers.map((c) => c.service));
  for (const s of services) if (!known.has(s)) throw new FoxdevError('usage', `no container of a service named ${s} in project ${project}`);
  const names = services.length ? services : [...known].filter(Boolean);
  await Promise.all(
    names.map(async (service) => {
      const c = containers.find((x) => x.service === service)!;
      await containerLogs(docker, c.id, { follow: o.follow, tail: o.tail, since: o.since, signal: o.signal }, (l) =>
        onEntry({ service: composeLabel(project, c.name), stream: l.stream, line: l.line, at: l.at ?? Date.now() }),
      );
    }),
  );
}
