// `foxdev wait SERVICE…`: block until the services' containers have exited, then give their
// exit codes (an exited one answers at once).
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { serviceContainers } from './targets.js';

export async function waitServices(docker: Docker, project: Project, names: string[]): Promise<Array<{ service: string; code: number }>> {
  const containers = await serviceContainers(docker, project, names);
  for (const n of names) if (!containers.some((c) => c.service === n)) throw new FoxdevError('not-found', `service ${n} has no container to wait for`);
  return Promise.all(containers.map(async (c) => ({ service: c.service, code: ((await docker.getContainer(c.id).wait()) as { StatusCode: number }).StatusCode })));
}
