// PURE: ExposedPorts and PortBindings for a service, as compose builds them: every `ports` entry
// is published (no `published` means an ephemeral host port the engine picks; a host range lets
// the engine pick a free port in it), and `expose` only opens ports to other containers.
import type { Service } from '../config/project.js';

type Binding = { HostIp: string; HostPort: string };

export function portParts(svc: Service): { exposed: Record<string, object>; bindings: Record<string, Binding[]> } {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Binding[]> = {};
  for (const p of svc.ports) {
    const key = `${p.target}/${p.protocol}`;
    exposed[key] = {};
    const hostPort = p.published === undefined ? '' : p.publishedEnd !== undefined ? `${p.published}-${p.publishedEnd}` : String(p.published);
    (bindings[key] ??= []).push({ HostIp: p.host_ip ?? '', HostPort: hostPort });
  }
  for (const e of Array.isArray(svc.extra.expose) ? svc.extra.expose : []) {
    const [ports, proto = 'tcp'] = String(e).split('/');
    const [from, to = from] = ports.split('-').map(Number);
    for (let port = from; port <= to && Number.isInteger(port); port++) exposed[`${port}/${proto}`] = {};
  }
  return { exposed, bindings };
}
