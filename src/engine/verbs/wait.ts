// `foxdev wait SERVICE…`: block until the services' containers have exited, then give their
// exit codes (an exited one answers at once).
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import type { Runtime } from '../../runtime/runtime.js';
import { serviceContainers } from './targets.js';

export async function waitServices(runtime: Runtime, project: Project, names: string[]): Promise<Array<{ service: string; code: number }>> {
  const containers = await serviceContainers(runtime, project, names);
  for (const n of names) if (!containers.some((c) => c.service === n)) throw new FoxdevError('not-found', `service ${n} has no container to wait for`);
  // Nothing lets go of these waits early: the command ends when they do (or on Ctrl-C).
  const forever = new AbortController().signal;
  return Promise.all(containers.map(async (c) => ({ service: c.service, code: await runtime.waitContainer(c.id, forever) })));
}
