// Dependencies a service has without saying so in depends_on, as compose adds them: the
// services named by `links`, `volumes_from`, and `network_mode`/`ipc`/`pid: service:NAME` must
// exist and start first (compose: condition service_started, restart true). Pure.
type Dict = Record<string, unknown>;

export type ImplicitKey = 'network_mode' | 'ipc' | 'pid' | 'volumes_from' | 'links';

/** Each service depended on, with the first key that implies it. */
export function implicitDependencies(svc: Dict): Map<string, ImplicitKey> {
  const out = new Map<string, ImplicitKey>();
  const add = (name: string, key: ImplicitKey) => out.has(name) || out.set(name, key);
  for (const key of ['network_mode', 'ipc', 'pid'] as const) {
    const m = typeof svc[key] === 'string' ? /^service:(.+)$/.exec(svc[key] as string) : null;
    if (m) add(m[1], key);
  }
  for (const v of Array.isArray(svc.volumes_from) ? svc.volumes_from : []) {
    const s = String(v);
    if (!s.startsWith('container:')) add(s.split(':')[0], 'volumes_from');
  }
  for (const l of Array.isArray(svc.links) ? svc.links : []) add(String(l).split(':')[0], 'links');
  return out;
}
