// PURE: the compose service keys that map one-to-one onto Engine API create fields (container
// config and HostConfig, resources included), key by key as docker compose maps them
// (pkg/compose/create.go). Ports, mounts, networks and secrets have their own spec-*.ts.
import { parseBytes } from '../config/bytes.js';
import type { Project, Service } from '../config/project.js';
import { containerName } from '../names/labels.js';
import { nameSeparator } from './compose-vars.js';

/** The engine's stop timeout when a container sets none. */
const ENGINE_STOP_TIMEOUT_MS = 10_000;

type Dict = Record<string, unknown>;

export interface RuntimeParts {
  config: Dict;
  host: Dict;
}

const strings = (v: unknown): string[] | undefined => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String));
const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));
const bytes = (v: unknown): number | undefined => (v === undefined ? undefined : parseBytes(v));

/** `service:NAME` → the engine's `container:<that service's container>`; other modes as written. */
export function serviceRef(project: Project, mode: unknown): string | undefined {
  if (typeof mode !== 'string') return undefined;
  const m = /^service:(.+)$/.exec(mode);
  return m ? `container:${containerNameOf(project, m[1])}` : mode;
}

/** The name a service's container gets: `container_name`, else compose's `<project>-<service>-1`. */
/** The container a service's replica runs in: its container_name (replica 1), or compose's `<project>-<service>-<n>` (`_` with --compatibility). */
export function containerNameOf(project: Project, service: string, replica = 1): string {
  const fixed = project.services[service]?.extra.container_name;
  if (typeof fixed === 'string' && replica === 1) return fixed;
  const sep = nameSeparator(project);
  return sep === '-' ? containerName(project.name, service, replica) : [project.name, service, replica].join(sep);
}

export function runtimeParts(project: Project, svc: Service): RuntimeParts {
  const x = svc.extra;
  const deploy = (x.deploy ?? {}) as Dict;
  const resources = (deploy.resources ?? {}) as Dict;
  const limits = (resources.limits ?? {}) as Dict;
  const reservations = (resources.reservations ?? {}) as Dict;

  const config: Dict = {
    Hostname: x.hostname,
    Domainname: x.domainname,
    Tty: x.tty === true ? true : undefined,
    OpenStdin: x.stdin_open === true ? true : undefined,
    MacAddress: x.mac_address,
    // Only when it differs from the engine's own 10 s, as compose sets it only from stop_grace_period.
    StopTimeout: svc.stopGracePeriodMs !== ENGINE_STOP_TIMEOUT_MS ? Math.ceil(svc.stopGracePeriodMs / 1000) : undefined,
  };

  // deploy.resources.limits wins over the service-level keys when both are set, as in compose.
  const cpus = num(limits.cpus) ?? num(x.cpus);
  const memory = bytes(limits.memory) ?? bytes(x.mem_limit);
  const host: Dict = {
    CapAdd: strings(x.cap_add),
    CapDrop: strings(x.cap_drop),
    Cgroup: x.cgroup,
    CgroupParent: x.cgroup_parent,
    Dns: strings(x.dns),
    DnsOptions: strings(x.dns_opt),
    DnsSearch: strings(x.dns_search),
    ExtraHosts: strings(x.extra_hosts)?.map(hostEntry),
    GroupAdd: strings(x.group_add),
    IpcMode: serviceRef(project, x.ipc),
    PidMode: serviceRef(project, x.pid),
    UTSMode: x.uts,
    UsernsMode: x.userns_mode,
    Isolation: x.isolation,
    Privileged: x.privileged === true ? true : undefined,
    ReadonlyRootfs: x.read_only === true ? true : undefined,
    SecurityOpt: strings(x.security_opt),
    StorageOpt: x.storage_opt ? stringMap(x.storage_opt as Dict) : undefined,
    Sysctls: x.sysctls ? stringMap(x.sysctls as Dict) : undefined,
    Tmpfs: x.tmpfs ? Object.fromEntries(strings(x.tmpfs)!.map(tmpfsEntry)) : undefined,
    ShmSize: bytes(x.shm_size),
    OomScoreAdj: num(x.oom_score_adj),
    OomKillDisable: x.oom_kill_disable === true ? true : undefined,
    Runtime: x.runtime,
    Init: x.init === true ? true : undefined,
    LogConfig: logConfig(x.logging as Dict | undefined),
    VolumesFrom: volumesFrom(project, x.volumes_from),
    Links: serviceLinks(project, x.links, x.external_links),
    // Resources.
    NanoCpus: cpus !== undefined ? Math.round(cpus * 1e9) : undefined,
    CpuShares: num(x.cpu_shares),
    CpuPeriod: num(x.cpu_period),
    CpuQuota: num(x.cpu_quota),
    CpuRealtimePeriod: num(x.cpu_rt_period),
    CpuRealtimeRuntime: num(x.cpu_rt_runtime),
    CpusetCpus: x.cpuset,
    CpuCount: num(x.cpu_count),
    CpuPercent: num(x.cpu_percent),
    Memory: memory,
    MemoryReservation: bytes(reservations.memory) ?? bytes(x.mem_reservation),
    MemorySwap: x.memswap_limit === undefined ? undefined : String(x.memswap_limit) === '-1' ? -1 : bytes(x.memswap_limit),
    MemorySwappiness: num(x.mem_swappiness),
    PidsLimit: num(limits.pids) ?? num(x.pids_limit),
    Ulimits: x.ulimits ? ulimits(x.ulimits as Dict) : undefined,
    Devices: x.devices ? (x.devices as unknown[]).map(device) : undefined,
    DeviceCgroupRules: strings(x.device_cgroup_rules),
    DeviceRequests: deviceRequests(x.gpus, reservations.devices),
    ...blkio(x.blkio_config as Dict | undefined),
  };
  return { config: defined(config), host: defined(host) };
}

/** compose writes `host:ip` or `host=ip`; the engine wants `host:ip`. */
function hostEntry(e: string): string {
  const eq = e.indexOf('=');
  return eq > 0 ? `${e.slice(0, eq)}:${e.slice(eq + 1)}` : e;
}

function tmpfsEntry(e: string): [string, string] {
  const colon = e.indexOf(':');
  return colon > 0 ? [e.slice(0, colon), e.slice(colon + 1)] : [e, ''];
}

function logConfig(l: Dict | undefined): Dict | undefined {
  if (!l) return undefined;
  return { Type: typeof l.driver === 'string' ? l.driver : '', Config: l.options ? stringMap(l.options as Dict) : {} };
}

/** `service[:ro|rw]` names that service's container; `container:NAME[:mode]` a container as is. */
function volumesFrom(project: Project, v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map(String).map((e) => {
    if (e.startsWith('container:')) return e.slice('container:'.length);
    const [svc, mode] = e.split(':');
    return mode ? `${containerNameOf(project, svc)}:${mode}` : containerNameOf(project, svc);
  });
}

/** `links: [db, db:database]` → `<db's container>:<alias>`; external_links name containers as is. */
export function serviceLinks(project: Project, internal: unknown, external: unknown): string[] | undefined {
  const out: string[] = [];
  for (const l of Array.isArray(internal) ? internal.map(String) : []) {
    const [svc, alias] = l.split(':');
    out.push(`${containerNameOf(project, svc)}:${alias ?? svc}`);
  }
  for (const l of Array.isArray(external) ? external.map(String) : []) {
    const [name, alias] = l.split(':');
    out.push(`${name}:${alias ?? name}`);
  }
  return out.length ? out : undefined;
}

function ulimits(u: Dict): Dict[] {
  return Object.entries(u).map(([Name, v]) => {
    const pair = typeof v === 'object' && v !== null ? (v as Dict) : { soft: v, hard: v };
    return { Name, Soft: Number(pair.soft), Hard: Number(pair.hard) };
  });
}

/** `/dev/x[:/dev/y[:rwm]]` or compose's long form {source, target, permissions}. */
function device(d: unknown): Dict {
  if (typeof d === 'object' && d !== null) {
    const o = d as Dict;
    return { PathOnHost: String(o.source), PathInContainer: String(o.target ?? o.source), CgroupPermissions: String(o.permissions ?? 'rwm') };
  }
  const [src, dst, perms] = String(d).split(':');
  return { PathOnHost: src, PathInContainer: dst ?? src, CgroupPermissions: perms ?? 'rwm' };
}

/** `gpus: all` / `gpus: [{...}]` and deploy.resources.reservations.devices, as DeviceRequests. */
function deviceRequests(gpus: unknown, devices: unknown): Dict[] | undefined {
  const out: Dict[] = [];
  const one = (d: Dict, gpu: boolean): Dict => ({
    Driver: d.driver ?? (gpu ? 'nvidia' : ''),
    Count: d.count === 'all' || d.count === undefined ? (d.device_ids ? 0 : -1) : Number(d.count),
    DeviceIDs: strings(d.device_ids) ?? [],
    Capabilities: [strings(d.capabilities) ?? (gpu ? ['gpu'] : [])],
    Options: d.options ? stringMap(d.options as Dict) : {},
  });
  if (gpus === 'all') out.push(one({ count: 'all' }, true));
  else if (Array.isArray(gpus)) out.push(...gpus.map((g) => one(g as Dict, true)));
  if (Array.isArray(devices)) out.push(...devices.map((d) => one(d as Dict, false)));
  return out.length ? out : undefined;
}

function blkio(b: Dict | undefined): Dict {
  if (!b) return {};
  const rates = (key: string, field: 'rate' | 'weight') =>
    Array.isArray(b[key]) ? (b[key] as Dict[]).map((e) => ({ Path: String(e.path), [field === 'rate' ? 'Rate' : 'Weight']: field === 'rate' ? parseBytes(e.rate) ?? Number(e.rate) : Number(e.weight) })) : undefined;
  return {
    BlkioWeight: num(b.weight),
    BlkioWeightDevice: rates('weight_device', 'weight'),
    BlkioDeviceReadBps: rates('device_read_bps', 'rate'),
    BlkioDeviceWriteBps: rates('device_write_bps', 'rate'),
    BlkioDeviceReadIOps: rates('device_read_iops', 'rate'),
    BlkioDeviceWriteIOps: rates('device_write_iops', 'rate'),
  };
}

function stringMap(d: Dict): Record<string, string> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)]));
}

/** Leave out what is not set, so the body (and the hash of it) only carries what the user wrote. */
function defined(d: Dict): Dict {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}
