// PURE: docker's `stats` numbers from one engine sample — CPU % from the pair of readings the
// sample carries (cpu_stats against precpu_stats), memory without the reclaimable page cache, the
// network and block I/O totals — and the cells `docker compose stats` prints for them.
import type { EngineStats } from '../../runtime/runtime.js';

export interface StatsRow {
  id: string;
  name: string;
  cpuPercent: number;
  memory: number;
  memoryLimit: number;
  memoryPercent: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** CPU % over the interval between the two readings, scaled by the CPUs online (docker's formula). */
export function cpuPercent(s: EngineStats): number {
  const cpuDelta = (s.cpu_stats?.cpu_usage?.total_usage ?? 0) - (s.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (s.cpu_stats?.system_cpu_usage ?? 0) - (s.precpu_stats?.system_cpu_usage ?? 0);
  const online = s.cpu_stats?.online_cpus || s.cpu_stats?.cpu_usage?.percpu_usage?.length || 0;
  if (systemDelta <= 0 || cpuDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * online * 100;
}

/** Usage minus the inactive page cache (cgroup v1: total_inactive_file, v2: inactive_file), as docker shows it. */
export function memoryUsage(s: EngineStats): number {
  const usage = s.memory_stats?.usage ?? 0;
  const st = s.memory_stats?.stats ?? {};
  const cache = st.total_inactive_file ?? st.inactive_file;
  return cache !== undefined && cache < usage ? usage - cache : usage;
}

/** `s` undefined: no sample (a stopped container under --all), zeros as docker prints them. */
export function statsRow(id: string, name: string, s: EngineStats | undefined): StatsRow {
  if (!s) return { id, name, cpuPercent: 0, memory: 0, memoryLimit: 0, memoryPercent: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 };
  const memory = memoryUsage(s);
  const memoryLimit = s.memory_stats?.limit ?? 0;
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRx += n.rx_bytes ?? 0;
    netTx += n.tx_bytes ?? 0;
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (e.op ?? '').toLowerCase();
    if (op === 'read') blockRead += e.value ?? 0;
    if (op === 'write') blockWrite += e.value ?? 0;
  }
  return {
    id,
    name,
    cpuPercent: cpuPercent(s),
    memory,
    memoryLimit,
    memoryPercent: memoryLimit ? (memory / memoryLimit) * 100 : 0,
    netRx,
    netTx,
    blockRead,
    blockWrite,
    pids: s.pids_stats?.current ?? 0,
  };
}

/** Go's %.{p}g: p significant digits, trailing zeros dropped. */
const g = (v: number, p: number) => String(Number(v.toPrecision(p)));

/** go-units BytesSize: binary units, four significant digits ("1.5MiB", "7.654GiB"). */
export function bytesSize(v: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${g(v, 4)}${units[i]}`;
}

/** go-units HumanSizeWithPrecision(v, 3): decimal units ("1.23kB", "0B"). */
export function humanSize3(v: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${g(v, 3)}${units[i]}`;
}

const percent = (v: number) => `${v.toFixed(2)}%`;

/** docker's stats cells, keyed as its JSON format names them. */
export function statsCells(r: StatsRow, trunc: boolean) {
  return {
    BlockIO: `${humanSize3(r.blockRead)} / ${humanSize3(r.blockWrite)}`,
    CPUPerc: percent(r.cpuPercent),
    Container: r.id.slice(0, 12), // docker lists containers by their short id, --no-trunc or not
    ID: trunc ? r.id.slice(0, 12) : r.id,
    MemPerc: percent(r.memoryPercent),
    MemUsage: `${bytesSize(r.memory)} / ${bytesSize(r.memoryLimit)}`,
    Name: r.name,
    NetIO: `${humanSize3(r.netRx)} / ${humanSize3(r.netTx)}`,
    PIDs: String(r.pids),
  };
}

export const STATS_HEADER = ['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'];

export function statsTableRow(r: StatsRow, trunc: boolean): string[] {
  const c = statsCells(r, trunc);
  return [c.ID, c.Name, c.CPUPerc, c.MemUsage, c.MemPerc, c.NetIO, c.BlockIO, c.PIDs];
}
