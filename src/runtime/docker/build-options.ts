// The Engine API /build query for a prepared build: compose's build keys (labels, tags,
// cache_from, extra_hosts, network, shm_size, ulimits, no_cache, pull, platforms, isolation) and
// the `foxdev build` flags (--no-cache, --pull, --memory). Pure, so the mapping has a unit test;
// the keys the engine's classic builder cannot do are refused at load (config/build-keys.ts).
import { parseBytes } from '../../config/bytes.js';
import { LABEL_BUILD_HASH, LABEL_PROJECT, LABEL_SERVICE } from '../../names/labels.js';
import type { PreparedBuild } from '../build-prepare.js';
import { INLINE_DOCKERFILE } from './build-context.js';

type Dict = Record<string, unknown>;

export { INLINE_DOCKERFILE };

const truthy = (v: unknown) => v === true || v === 'true';

export function buildQuery(b: PreparedBuild): Dict {
  const x = (b.build.extra ?? {}) as Dict;
  const labels = (x.labels ?? {}) as Record<string, string>;
  const q: Dict = {
    // The service's tag first, then build.tags (docker compose tags every one of them).
    t: [b.tag, ...((x.tags as string[] | undefined) ?? [])],
    dockerfile: typeof x.dockerfile_inline === 'string' ? INLINE_DOCKERFILE : b.build.dockerfile,
    target: b.build.target,
    buildargs: b.build.args,
    labels: { ...labels, [LABEL_PROJECT]: b.project, [LABEL_SERVICE]: b.service, [LABEL_BUILD_HASH]: b.hash },
    rm: true,
    forcerm: true,
  };
  if (truthy(x.no_cache) || b.flags?.noCache) q.nocache = true;
  if (truthy(x.pull) || b.flags?.pull) q.pull = true;
  if (b.flags?.memory !== undefined) q.memory = b.flags.memory;
  // The daemon reads these two as JSON arrays inside one query value.
  if (Array.isArray(x.cache_from) && x.cache_from.length) q.cachefrom = JSON.stringify(x.cache_from.map(String));
  if (x.ulimits && typeof x.ulimits === 'object') q.ulimits = JSON.stringify(ulimits(x.ulimits as Dict));
  if (Array.isArray(x.extra_hosts) && x.extra_hosts.length) q.extrahosts = x.extra_hosts.map((h) => String(h).replace(/^([^:=]+)=/, '$1:'));
  if (typeof x.network === 'string' && x.network !== '') q.networkmode = x.network;
  if (x.shm_size !== undefined) q.shmsize = parseBytes(x.shm_size);
  if (Array.isArray(x.platforms) && x.platforms.length === 1) q.platform = String(x.platforms[0]);
  if (typeof x.isolation === 'string') q.isolation = x.isolation;
  return q;
}

function ulimits(u: Dict): Dict[] {
  return Object.entries(u).map(([Name, v]) => {
    const pair = typeof v === 'object' && v !== null ? (v as Dict) : { soft: v, hard: v };
    return { Name, Soft: Number(pair.soft), Hard: Number(pair.hard) };
  });
}
