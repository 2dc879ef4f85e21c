// The networks an `up` needs, made before any container (plan/networks.ts decides which, with
// compose's names, labels and IPAM); external ones must exist already, as compose requires.
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { planNetworks } from '../plan/networks.js';
import { engineMessage, type Runtime } from '../runtime/runtime.js';
import { progressLine } from '../logfmt/progress.js';

/** `progress` hears compose's lines for each network made (`Network p_default Creating` / `Created`). */
export async function prepareNetworks(runtime: Runtime, project: Project, services: string[], progress?: (line: string) => void): Promise<void> {
  const plan = planNetworks(project, services);
  for (const n of plan.external)
    if (!(await runtime.networkExists(n.name)))
      throw new FoxdevError('engine', `network ${n.name} declared as external, but could not be found`, { hint: `create it first: docker network create ${n.name}` });
  await Promise.all(
    plan.create.map(async (n) => {
      if (!progress) return createNetwork(runtime, n.name, n.body);
      if (await runtime.networkExists(n.name)) return;
      progress(progressLine('Network', n.name, 'Creating'));
      await createNetwork(runtime, n.name, n.body);
      progress(progressLine('Network', n.name, 'Created'));
    }),
  );
}

/** Make one network; the engine's refusal (an address pool that overlaps another, a bad driver) in one line naming it. */
export async function createNetwork(runtime: Runtime, name: string, body: Record<string, unknown>): Promise<void> {
  try {
    await runtime.createNetworkIfMissing(body);
  } catch (err) {
    throw new FoxdevError('engine', `network ${name} could not be created: ${engineMessage(err)}`, { cause: err });
  }
}
