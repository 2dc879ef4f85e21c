// `foxdev -p NAME logs` with no project files: the services are whatever containers carry the
// project's label (compose does the same), so their output comes straight from the engine.
import { noSuchService } from '../errors.js';
import { ContainerFollower, type LogsOptions } from '../engine/logs.js';
import type { LogEntry } from '../store/types.js';
import { isOneOff } from '../names/compose-labels.js';
import type { Runtime } from '../runtime/runtime.js';

/** The services that have a container labelled with the project, in the engine's order. */
export async function labelledServices(runtime: Runtime, project: string): Promise<string[]> {
  return [...new Set((await runtime.listProjectContainers(project)).map((c) => c.service).filter(Boolean))];
}

export async function logsByName(runtime: Runtime, project: string, services: string[], o: LogsOptions, onEntry: (e: LogEntry) => void): Promise<void> {
  const containers = (await runtime.listProjectContainers(project)).filter((c) => c.service && !isOneOff(c.labels));
  const known = new Set(containers.map((c) => c.service));
  for (const s of services) if (!known.has(s)) throw noSuchService(s, known, { hint: `the services of project ${project} are those with a container` });
  const wanted = (c: { service: string; number: number; labels: Record<string, string> }) =>
    Boolean(c.service) && !isOneOff(c.labels) && (!services.length || services.includes(c.service)) && (o.index === undefined || c.number === o.index);
  const follower = new ContainerFollower(runtime, project, o, onEntry);
  const picked = containers.filter(wanted).sort((a, b) => a.service.localeCompare(b.service) || a.number - b.number);
  await Promise.all([...picked.map((c) => follower.attach(c, o.since)), o.follow ? follower.watch(wanted) : undefined]);
}
