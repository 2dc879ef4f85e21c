// PURE: which of the project's networks exist with a definition that has changed since they were
// made (their recorded hash differs from the body `up` would create now), and what that means for
// the containers on them. compose's answer, kept here: the network is recreated and the containers
// keep their identity: stopped, disconnected, the network removed and made again, reconnected with
// the same aliases and addresses, started (compose's TestNetworkConfigChanged: same container,
// address in the new subnet). A network with no recorded hash (made by hand, or by compose) stays.
import type { Project } from '../config/project.js';
import { containerSpec } from './container-spec.js';
import { imageName } from '../names/labels.js';
import { NETWORK_HASH, type NetworkPlan } from './networks.js';

type Dict = Record<string, unknown>;

export interface AttachedContainer {
  id: string;
  service: string;
  number: number;
  running: boolean;
  networks: string[];
}

export interface NetworkRecreate {
  key: string;
  name: string;
  body: Dict;
  /** Containers on it now, each with the endpoint it gets on the new network. */
  attached: Array<{ id: string; service: string; running: boolean; endpoint: Dict }>;
}

export function driftedNetworks(project: Project, plan: NetworkPlan, recorded: Record<string, string | undefined>, containers: AttachedContainer[]): NetworkRecreate[] {
  const out: NetworkRecreate[] = [];
  for (const n of plan.create) {
    const had = recorded[n.name];
    const want = ((n.body.Labels ?? {}) as Record<string, string>)[NETWORK_HASH];
    if (!had || had === want) continue;
    const attached = containers.filter((c) => c.networks.includes(n.name)).map((c) => ({ id: c.id, service: c.service, running: c.running, endpoint: endpointFor(project, c, n.name) }));
    out.push({ key: n.key, name: n.name, body: n.body, attached });
  }
  return out;
}

/** The endpoint the container was created with on that network, from the spec it would get now. */
function endpointFor(project: Project, c: AttachedContainer, network: string): Dict {
  const svc = project.services[c.service];
  if (!svc || svc.kind === 'process') return {};
  const spec = containerSpec(project, svc, svc.build ? imageName(project.name, svc) : (svc.image ?? ''), undefined, undefined, c.number);
  const first = (spec.body.NetworkingConfig as { EndpointsConfig?: Record<string, Dict> } | undefined)?.EndpointsConfig?.[network];
  return first ?? spec.connect.find((e) => e.network === network)?.config ?? {};
}
