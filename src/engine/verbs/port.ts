// `foxdev port SERVICE PRIVATE_PORT`: the host address a container port is published on, as the
// engine bound it (so an ephemeral port shows its real number).
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';

export async function publishedPort(runtime: Runtime, project: Project, service: string, privatePort: number, protocol = 'tcp', index = 1): Promise<string> {
  const containers = (await serviceContainers(runtime, project, [service])).filter((c) => c.running);
  const c = containers.find((x) => x.number === index);
  if (!c) throw new FoxdevError('not-found', `service ${service} is not running${index > 1 ? ` with index ${index}` : ''}`);
  const bindings = (await runtime.inspectContainer(c.id)).ports[`${privatePort}/${protocol}`];
  if (!bindings?.length) throw new FoxdevError('usage', `no port ${privatePort}/${protocol} published for ${c.name}`);
  // The IPv4 binding first, as compose prints it.
  const b = bindings.find((x) => !x.hostIp.includes(':')) ?? bindings[0];
  return `${b.hostIp || '0.0.0.0'}:${b.hostPort}`;
}
