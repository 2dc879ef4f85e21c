// `foxdev ps`'s table in compose's columns (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS),
// spelt as `docker compose ps` spells them: the command quoted and cut at 20 characters, the
// age as docker's human duration, the engine's status text, ports as docker lists them. Host
// processes get a row too (IMAGE "host process"). foxdev's own view is `--format foxdev`.
import type { PsEntry } from './ps.js';
import { commandOf } from './ps-compose.js';

export function formatComposePs(entries: PsEntry[], now = Date.now()): string {
  const rows = [['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS']];
  const sorted = [...entries].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  for (const e of sorted) {
    const info = e.info;
    if (!info) {
      rows.push([nameOf(e), 'host process', '', e.row.service, '', e.row.state === 'running' ? 'Up' : 'Exited', '']);
      continue;
    }
    rows.push([
      nameOf(e),
      info.Config.Image,
      JSON.stringify(ellipsis(commandOf(info), 20)),
      e.row.service,
      `${humanDuration(now - Date.parse(info.Created))} ago`,
      e.container?.status ?? e.row.state,
      displayPorts(e.container?.ports ?? []),
    ]);
  }
  return tabwrite(rows);
}

/** docker's tabwriter: cells padded by 3, at least 10 wide; the last cell of a row as it is. */
export function tabwrite(rows: string[][]): string {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(10, ...rows.filter((r) => i < r.length - 1).map((r) => r[i].length + 3)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('').trimEnd()).join('\n');
}

const nameOf = (e: PsEntry): string => (e.info ? e.row.name : `${e.row.service} (${e.row.name})`);

/** docker's Ellipsis: at most `max` characters, the last one `…` when cut. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** docker's units.HumanDuration. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** Ports as docker lists them: `127.0.0.1:8001->8000/tcp`, `[::]:80->80/tcp`, `443/tcp`, in port order. */
export function displayPorts(ports: Array<{ published?: number; target: number; protocol: string; ip?: string }>): string {
  const host = (ip: string | undefined) => (ip?.includes(':') ? `[${ip}]` : (ip ?? '0.0.0.0'));
  return [...ports]
    .sort((a, b) => a.target - b.target || (a.published ?? 0) - (b.published ?? 0) || Number(a.ip?.includes(':') ?? false) - Number(b.ip?.includes(':') ?? false))
    .map((p) => (p.published ? `${host(p.ip)}:${p.published}->${p.target}/${p.protocol}` : `${p.target}/${p.protocol}`))
    .filter((p, i, all) => all.indexOf(p) === i)
    .join(', ');
}
