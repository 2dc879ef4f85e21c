// Top-level networks and volumes as the engine will name them: "<project>_<key>" unless given a
// name or marked external; the implicit `default` network when some service uses it. Pure.
import type { Project, ResolvedVolume } from './project.js';
import { isPlainObject } from './tags.js';

type Dict = Record<string, unknown>;

export function resolveNetworks(project: string, declared: Record<string, Dict>, usesDefault: boolean): Project['networks'] {
  const networks: Project['networks'] = {};
  for (const [key, n] of Object.entries(declared)) {
    const { labels, ...r } = resource(project, key, n);
    networks[key] = labels === undefined ? r : { ...r, extra: { ...r.extra, labels } };
  }
  if (usesDefault && !networks.default) networks.default = { name: `${project}_default`, external: false };
  return networks;
}

export function resolveVolumes(project: string, declared: Record<string, Dict>): Record<string, ResolvedVolume> {
  const volumes: Record<string, ResolvedVolume> = {};
  for (const [key, v] of Object.entries(declared)) {
    const { labels, ...r } = resource(project, key, v);
    volumes[key] = { ...r, labels: (labels ?? {}) as Record<string, string> };
  }
  return volumes;
}

// `raw` is null for a bare `volumes: { data: null }` (compose's `data:`), which a foxdev.config.ts
// can write too; it means all defaults.
function resource(project: string, key: string, raw: Dict | null): { name: string; external: boolean; labels?: unknown; extra?: Dict } {
  const { name, external, labels, ...extra } = raw ?? {};
  const ext = external === true || isPlainObject(external);
  const externalName = isPlainObject(external) && typeof external.name === 'string' ? external.name : undefined;
  return {
    name: typeof name === 'string' ? name : (externalName ?? (ext ? key : `${project}_${key}`)),
    external: ext,
    ...(labels !== undefined ? { labels: Array.isArray(labels) ? Object.fromEntries(labels.map((l) => String(l).split('=', 2))) : labels } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

