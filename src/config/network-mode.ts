// What compose (or the engine, less clearly) refuses about network_mode, found at load so the
// line that wrote it is named: networks beside it, an unknown service, and ports or hostname in
// another container's network namespace. Pure.
import type { Problem } from '../errors.js';
import type { Service } from './project.js';
import type { Segment } from './keypath.js';

type Dict = Record<string, unknown>;

/** The service a `network_mode: service:NAME` needs started first, if any. */
export function networkModeService(svc: { extra: Dict }): string | undefined {
  const mode = svc.extra.network_mode;
  return typeof mode === 'string' ? /^service:(.+)$/.exec(mode)?.[1] : undefined;
}

/**
 * What compose (or the engine, less clearly) refuses about network_mode, as problems with key
 * paths: networks beside it, an unknown service, and ports / hostname in another container's
 * network namespace.
 */
export function networkModeProblems(services: Record<string, Service>): Array<Problem & { segments: Segment[] }> {
  const out: Array<Problem & { segments: Segment[] }> = [];
  for (const [name, svc] of Object.entries(services)) {
    // No implicit default network is added beside network_mode, so any network here was written.
    const mode = svc?.extra.network_mode;
    if (typeof mode !== 'string') continue;
    const at = `services.${name}`;
    if (svc.networkConfig !== undefined || svc.networks.length > 0)
      out.push({ segments: ['services', name, 'network_mode'], path: `${at}.network_mode`, message: `service "${name}" declares mutually exclusive "network_mode" and "networks"` });
    const target = networkModeService(svc);
    const shared = target !== undefined || mode.startsWith('container:');
    if (shared && svc.ports.length > 0)
      out.push({ segments: ['services', name, 'ports'], path: `${at}.ports`, message: `cannot publish ports with network_mode "${mode}": the container uses another container's network (conflicting options: port publishing and the container type network mode)` });
    if ((shared || mode === 'host') && svc.extra.hostname !== undefined)
      out.push({ segments: ['services', name, 'hostname'], path: `${at}.hostname`, message: `cannot set hostname with network_mode "${mode}" (conflicting options: hostname and the network mode)` });
  }
  return out;
}
