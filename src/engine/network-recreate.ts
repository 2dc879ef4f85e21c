// Carries out plan/network-drift.ts: a network whose definition changed is made again and the
// containers on it keep their identity, as compose does. Containers the up plan restarts were
// stopped already (their step says why); others of the project on it are stopped here and started
// again once reconnected, so nothing is left running on a network that is gone.
import type { NetworkRecreate } from '../plan/network-drift.js';
import { statusOf, type Runtime } from '../runtime/runtime.js';
import { createNetwork } from './networks.js';

export async function recreateNetworks(
  runtime: Runtime,
  nets: NetworkRecreate[],
  /** Container ids the plan itself stops, restarts or replaces. */
  planned: Set<string>,
  graceOf: (service: string) => number,
  say: (service: string, line: string) => void,
): Promise<void> {
  for (const net of nets) {
    const others = net.attached.filter((a) => a.running && !planned.has(a.id));
    await Promise.all(others.map((a) => runtime.stopContainer(a.id, graceOf(a.service))));
    for (const a of net.attached) await runtime.disconnectNetwork(a.id, net.name).catch(ignoreGone);
    await runtime.removeNetwork(net.name);
    await createNetwork(runtime, net.name, net.body);
    for (const a of net.attached) await runtime.connectNetwork(a.id, net.name, a.endpoint);
    await Promise.all(others.map((a) => runtime.startContainer(a.id)));
    for (const service of new Set(net.attached.map((a) => a.service))) say(service, `network ${net.name} changed: made again, and this container reconnected to it`);
  }
}

/** Already off the network (or the network went): nothing to undo. */
function ignoreGone(err: unknown): void {
  if (statusOf(err) !== 404) throw err;
}
