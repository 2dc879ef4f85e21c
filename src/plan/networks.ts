// PURE: which engine networks a `foxdev up` needs, and the create body for each, the way compose
// builds them (pkg/compose/create.go): `<project>_<key>` unless named, compose's labels beside
// foxdev's project label (so `down` finds them), IPAM translated key by key. External networks
// are never created; they are listed so the engine code can check they exist.
import type { Project } from '../config/project.js';
import { COMPOSE_PROJECT } from '../names/compose-labels.js';
import { LABEL_PROJECT } from '../names/labels.js';
import { stableHash } from './stable-hash.js';

type Dict = Record<string, unknown>;

export const COMPOSE_NETWORK = 'com.docker.compose.network';
/**
 * The hash of the network's create body, recorded on the network so a later `up` sees that its
 * definition changed (compose records its own config-hash for the same reason). foxdev's label,
 * not compose's: the two hashes are computed differently, and a network made by the other tool
 * (no foxdev hash) is left as it is, as compose leaves a network with no hash.
 */
export const NETWORK_HASH = 'dev.foxdev.network-hash';

export interface NetworkPlan {
  /** Networks to create (when missing), with their Engine API body. */
  create: Array<{ key: string; name: string; body: Dict }>;
  /** Engine-side names of external networks that must already exist, with the key naming them. */
  external: Array<{ key: string; name: string }>;
}

/** Network keys the given services attach to (network_mode services attach to none). */
export function usedNetworkKeys(project: Project, services: string[]): string[] {
  const keys = new Set<string>();
  for (const s of services) {
    const svc = project.services[s];
    if (!svc || svc.kind === 'process' || svc.extra.network_mode !== undefined) continue;
    for (const n of svc.networks) keys.add(n);
  }
  return [...keys];
}

export function planNetworks(project: Project, services: string[]): NetworkPlan {
  const out: NetworkPlan = { create: [], external: [] };
  // --all-resources: the ones no service uses too (compose's TestUpWithAllResources).
  const keys = project.allResources ? [...new Set([...usedNetworkKeys(project, services), ...Object.keys(project.networks)])] : usedNetworkKeys(project, services);
  for (const key of keys) {
    const net = project.networks[key] ?? { name: `${project.name}_${key}`, external: false };
    if (net.external) out.external.push({ key, name: net.name });
    else out.create.push({ key, name: net.name, body: networkBody(project.name, key, net.name, net.extra ?? {}) });
  }
  return out;
}

export function networkBody(project: string, key: string, name: string, extra: Dict): Dict {
  const labels: Record<string, string> = { ...((extra.labels ?? {}) as Record<string, string>), [COMPOSE_PROJECT]: project, [COMPOSE_NETWORK]: key, [LABEL_PROJECT]: project };
  const body: Dict = { Name: name, Driver: typeof extra.driver === 'string' ? extra.driver : 'bridge', Labels: labels, CheckDuplicate: true };
  if (extra.driver_opts) body.Options = stringMap(extra.driver_opts as Dict);
  if (extra.internal === true) body.Internal = true;
  if (extra.attachable === true) body.Attachable = true;
  if (extra.enable_ipv6 === true) body.EnableIPv6 = true;
  const ipam = ipamBody(extra.ipam as Dict | undefined);
  if (ipam) body.IPAM = ipam;
  labels[NETWORK_HASH] = stableHash(body);
  return body;
}

function ipamBody(ipam: Dict | undefined): Dict | undefined {
  if (!ipam) return undefined;
  const out: Dict = {};
  if (typeof ipam.driver === 'string') out.Driver = ipam.driver;
  if (Array.isArray(ipam.config)) {
    out.Config = (ipam.config as Dict[]).map((c) => {
      const e: Dict = {};
      if (c.subnet !== undefined) e.Subnet = String(c.subnet);
      if (c.ip_range !== undefined) e.IPRange = String(c.ip_range);
      if (c.gateway !== undefined) e.Gateway = String(c.gateway);
      if (c.aux_addresses) e.AuxiliaryAddresses = stringMap(c.aux_addresses as Dict);
      return e;
    });
  }
  if (ipam.options) out.Options = stringMap(ipam.options as Dict);
  return out;
}

function stringMap(d: Dict): Record<string, string> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)]));
}
