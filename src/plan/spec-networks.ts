// PURE: how one service's container joins networks, as compose does it. API 1.41 takes a single
// endpoint in the create body, so the first network (highest priority, then name) goes there
// and the others are connected after create, before start. `network_mode` replaces all of it.
import type { Project, Service } from '../config/project.js';
import { serviceLinks, serviceRef } from './spec-runtime.js';

type Dict = Record<string, unknown>;

export interface Endpoint {
  network: string; // engine-side name
  config: Dict; // EndpointSettings
}

export interface Networking {
  /** HostConfig.NetworkMode. */
  mode?: string;
  /** The endpoint in the create body; the rest are connected before start. */
  first?: Endpoint;
  connect: Endpoint[];
}

export function serviceNetworking(project: Project, svc: Service): Networking {
  const mode = svc.extra.network_mode;
  if (typeof mode === 'string') return { mode: serviceRef(project, mode), connect: [] };
  const ordered = [...svc.networks].sort((a, b) => priority(svc, b) - priority(svc, a) || a.localeCompare(b));
  // Legacy links only resolve on a user-defined network when each endpoint carries them too, as compose sends them.
  const links = serviceLinks(project, svc.extra.links, svc.extra.external_links);
  const endpoints = ordered.map((key) => ({ network: project.networks[key]?.name ?? `${project.name}_${key}`, config: endpointConfig(svc, key, links) }));
  if (endpoints.length === 0) return { connect: [] };
  return { mode: endpoints[0].network, first: endpoints[0], connect: endpoints.slice(1) };
}

function priority(svc: Service, key: string): number {
  const p = svc.networkConfig?.[key]?.priority;
  return typeof p === 'number' ? p : Number(p ?? 0) || 0;
}

function endpointConfig(svc: Service, key: string, links: string[] | undefined): Dict {
  const cfg = svc.networkConfig?.[key] ?? {};
  const aliases = [svc.name, ...((cfg.aliases ?? []) as unknown[]).map(String)];
  const out: Dict = { Aliases: [...new Set(aliases)] };
  if (links) out.Links = links;
  const ipam: Dict = {};
  if (cfg.ipv4_address !== undefined) ipam.IPv4Address = String(cfg.ipv4_address);
  if (cfg.ipv6_address !== undefined) ipam.IPv6Address = String(cfg.ipv6_address);
  if (Array.isArray(cfg.link_local_ips)) ipam.LinkLocalIPs = cfg.link_local_ips.map(String);
  if (Object.keys(ipam).length > 0) out.IPAMConfig = ipam;
  if (cfg.driver_opts) out.DriverOpts = Object.fromEntries(Object.entries(cfg.driver_opts as Dict).map(([k, v]) => [k, String(v)]));
  return out;
}
