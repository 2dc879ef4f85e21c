// What foxdev does with each compose service key that reaches `Service.extra`: every key is
// either applied to the container (plan/container-spec.ts and its spec-*.ts parts), used by
// foxdev itself, ignored the way docker compose ignores it (swarm-only settings; said once), or
// refused when a command would create the container. Nothing is dropped without a word. Pure.
import { parseBytes } from './bytes.js';
import { formatPath, type Segment } from './keypath.js';
import type { Service } from './project.js';
import type { Problem } from '../errors.js';

type Dict = Record<string, unknown>;
type Found = Problem & { segments: Segment[] };

/** Keys of `extra` that reach the Engine API create body (or the calls right after create). */
export const APPLIED_KEYS = new Set([
  'annotations', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'configs', 'container_name',
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpus',
  'cpuset', 'deploy', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'expose',
  'external_links', 'extra_hosts', 'gpus', 'group_add', 'hostname', 'init', 'ipc', 'isolation', 'links', 'logging',
  'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'network_mode', 'oom_kill_disable',
  'oom_score_adj', 'pid', 'pids_limit', 'platform', 'privileged', 'read_only', 'runtime', 'secrets', 'security_opt',
  'shm_size', 'stdin_open', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'userns_mode', 'uts',
  'volumes_from', 'post_start', 'pre_stop',
]);

/** Keys foxdev reads itself rather than passing to the engine. */
export const FOXDEV_KEYS = new Set(['attach', 'pull_policy', 'scale', 'env_file', 'label_file', 'pull_refresh_after']);

/** Keys foxdev cannot honour: creating the container is refused, with the reason. */
const REFUSED: Record<string, string> = {
  credential_spec: 'it is for Windows containers, which this engine does not run',
  provider: 'it needs a compose provider plugin, which foxdev does not run',
  models: 'it needs Docker Model Runner, which foxdev does not drive',
};

/** deploy keys that only swarm reads; docker compose ignores them too. */
const SWARM_ONLY = ['mode', 'endpoint_mode', 'placement', 'update_config', 'rollback_config', 'labels'];

const BYTE_KEYS = ['mem_limit', 'mem_reservation', 'shm_size'];

/**
 * Values the engine would reject or misread, for every service (compose fails to load them too):
 * byte sizes, CPU counts, ulimits.
 */
export function runtimeValueProblems(services: Record<string, Service>): Found[] {
  const out: Found[] = [];
  for (const [name, s] of Object.entries(services)) {
    const add = (keys: Segment[], message: string) => {
      const segments = ['services', name, ...keys];
      out.push({ segments, path: formatPath(segments), message });
    };
    const x = s.extra;
    for (const key of BYTE_KEYS) if (x[key] !== undefined && parseBytes(x[key]) === undefined) add([key], `expected a size such as "512m" or "1g", got ${JSON.stringify(x[key])}`);
    if (x.memswap_limit !== undefined && String(x.memswap_limit) !== '-1' && parseBytes(x.memswap_limit) === undefined)
      add(['memswap_limit'], `expected a size such as "1g" or -1 (unlimited swap), got ${JSON.stringify(x.memswap_limit)}`);
    for (const at of [['scale'], ['deploy', 'replicas']] as const) {
      const v = at.length === 1 ? x.scale : (x.deploy as Dict | undefined)?.replicas;
      if (v !== undefined && !(Number.isInteger(Number(v)) && Number(v) >= 0)) add([...at], `expected a whole number of containers (0 or more), got ${JSON.stringify(v)}`);
    }
    if (x.cpus !== undefined && !(Number(x.cpus) >= 0)) add(['cpus'], `expected a number of CPUs such as 0.5, got ${JSON.stringify(x.cpus)}`);
    const limits = ((x.deploy as Dict | undefined)?.resources as Dict | undefined)?.limits as Dict | undefined;
    const reservations = ((x.deploy as Dict | undefined)?.resources as Dict | undefined)?.reservations as Dict | undefined;
    for (const [at, r] of [['limits', limits], ['reservations', reservations]] as const) {
      if (r?.memory !== undefined && parseBytes(r.memory) === undefined) add(['deploy', 'resources', at, 'memory'], `expected a size such as "512M", got ${JSON.stringify(r.memory)}`);
      if (r?.cpus !== undefined && !(Number(r.cpus) >= 0)) add(['deploy', 'resources', at, 'cpus'], `expected a number of CPUs such as "0.5", got ${JSON.stringify(r.cpus)}`);
    }
    for (const [u, v] of Object.entries((x.ulimits ?? {}) as Dict)) {
      const pair = typeof v === 'object' && v !== null ? (v as Dict) : { soft: v, hard: v };
      if (!Number.isInteger(Number(pair.soft)) || !Number.isInteger(Number(pair.hard))) add(['ulimits', u], `expected a whole number or {soft, hard}, got ${JSON.stringify(v)}`);
      else if (Number(pair.soft) > Number(pair.hard)) add(['ulimits', u], `soft limit ${pair.soft} is above hard limit ${pair.hard}`);
    }
  }
  return out;
}

/**
 * For commands that create containers: the keys foxdev refuses (errors at their line) and the
 * ones it leaves to swarm (one warning each, as the user asked for something that will not happen).
 */
export function runtimeRefusals(services: Record<string, Service>, names: string[]): { problems: Found[]; warnings: string[] } {
  const problems: Found[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const s = services[name];
    if (!s || s.kind === 'process') continue;
    const add = (keys: Segment[], message: string) => {
      const segments = ['services', name, ...keys];
      problems.push({ segments, path: formatPath(segments), message });
    };
    for (const [key, why] of Object.entries(REFUSED)) if (s.extra[key] !== undefined) add([key], `foxdev cannot apply "${key}": ${why}`);
    for (const key of ['post_start', 'pre_stop'])
      (Array.isArray(s.extra[key]) ? (s.extra[key] as Dict[]) : []).forEach((h, i) => {
        if (h.privileged === true || h.privileged === 'true') add([key, i, 'privileged'], 'privileged hooks are not supported yet (the hook runs with the container’s own privileges)');
      });
    for (const key of Object.keys(s.extra))
      if (!APPLIED_KEYS.has(key) && !FOXDEV_KEYS.has(key) && !(key in REFUSED) && !key.startsWith('x-')) add([key], `foxdev does not know how to apply "${key}"`);
    // scale / deploy.replicas: N containers (plan/replicas.ts); 0 starts none, as compose.
    const deploy = (s.extra.deploy ?? {}) as Dict;
    for (const key of SWARM_ONLY)
      if (deploy[key] !== undefined && !(key === 'mode' && deploy.mode === 'replicated'))
        warnings.push(`services.${name}.deploy.${key} is for swarm; ignored, as docker compose ignores it`);
    const reservations = ((deploy.resources as Dict | undefined)?.reservations ?? {}) as Dict;
    if (reservations.cpus !== undefined) warnings.push(`services.${name}.deploy.resources.reservations.cpus has no engine setting outside swarm; ignored, as docker compose ignores it`);
    if (reservations.generic_resources !== undefined) warnings.push(`services.${name}.deploy.resources.reservations.generic_resources is for swarm; ignored`);
  }
  return { problems, warnings };
}
