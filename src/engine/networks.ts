// The networks an `up` needs, made before any container (plan/networks.ts decides which, with
// compose's names, labels and IPAM); external ones must exist already, as compose requires.
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { planNetworks } from '../plan/networks.js';
import { engineMessage, type Runtime } from '../runtime/runtime.js';

export async function prepareNetworks(runtime: Runtime, project: Project, services: string[]): Promise<void> {
  const plan = planNetworks(project, services);
  for (const n of plan.external)
    if (!(await runtime.networkExists(n.name)))
      throw new FoxdevError('engine', `network ${n.name} declared as external, but could not be found`, { hint: `create it first: docker network create ${n.name}` });
  await Promise.all(plan.create.map((n) => createNetwork(runtime, n.name, n.body)));
}

/** Make one network; the engine's refusal (an address pool that overlaps another, a bad driver) in one line naming it. */
export async function createNetwork(runtime: Runtime, name: string, body: Record<string, unknown>): Promise<void> {
  try {
    await runtime.createNetworkIfMissing(body);
  } catch (err) {
    throw new FoxdevError('engine', `network ${name} could not be created: ${engineMessage(err)}`, { cause: err });
  }
}
