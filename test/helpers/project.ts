// Resolved Project objects for pure tests (planner, container spec), built from a few fields per
// service instead of a config file: defaults are what the resolver gives an empty service.
import type { Project, ResolvedDepends, Service } from '../../src/config/project.js';

export type ServiceInput = Partial<Omit<Service, 'depends_on'>> & {
  /** `{ db: 'service_healthy' }` or full ResolvedDepends entries. */
  depends_on?: Record<string, ResolvedDepends['condition'] | Partial<ResolvedDepends>>;
};

/** A resolved service with what the resolver gives an empty one, plus `over` as is. */
export function baseService(name: string, over: Partial<Service> = {}): Service {
  return {
    name,
    kind: 'container',
    environment: {},
    ports: [],
    volumes: [],
    depends_on: {},
    profiles: [],
    restart: 'no',
    stopGracePeriodMs: 10_000,
    labels: {},
    networks: ['default'],
    ready: [],
    sync: [],
    extra: {},
    ...over,
  };
}

export function service(name: string, s: ServiceInput = {}): Service {
  const depends_on: Record<string, ResolvedDepends> = {};
  for (const [dep, d] of Object.entries(s.depends_on ?? {})) {
    depends_on[dep] =
      typeof d === 'string' ? { condition: d, required: true, restart: false } : { condition: 'service_started', required: true, restart: false, ...d };
  }
  return baseService(name, { image: s.build || s.run ? undefined : 'foxdev/busybox:1', ...s, depends_on });
}

/**
 * A project named `name` (default "demo") in /work/demo. Services are given in any order; named
 * volumes used by services (`{ type: 'volume', source: key }`) are declared automatically.
 */
export function project(services: Record<string, ServiceInput>, opts: { name?: string; volumes?: string[] } = {}): Project {
  const name = opts.name ?? 'demo';
  const resolved = Object.fromEntries(Object.entries(services).map(([n, s]) => [n, service(n, s)]));
  const volumeKeys = new Set(opts.volumes ?? []);
  for (const s of Object.values(resolved)) for (const m of s.volumes) if (m.type === 'volume' && m.source) volumeKeys.add(m.source);
  return {
    name,
    dir: `/work/${name}`,
    files: [`/work/${name}/compose.yaml`],
    services: resolved,
    volumes: Object.fromEntries([...volumeKeys].map((k) => [k, { name: `${name}_${k}`, external: false, labels: {} }])),
    networks: { default: { name: `${name}_default`, external: false } },
    profiles: [],
    logBuffer: 1000,
  };
}
