// PURE: compose's view of an engine container event (`docker compose events`): the service from
// compose's label, attributes without the orchestrators' own labels, and its two printed forms —
// `<local time> container <action> <id> (k=v, …)` and one JSON object a line. Also docker's
// --since/--until words (durations, dates, Unix times) turned into the Unix time the API takes.
import { FoxdevError } from '../../errors.js';

export interface ComposeEvent {
  /** Nanoseconds since the epoch. */
  timeNs: bigint;
  service: string;
  id: string;
  action: string;
  attributes: Record<string, string>;
}

export interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  /** Decimal text: nanoseconds do not fit a double. */
  timeNano?: string;
}

const OWN_LABEL = /^(com\.docker\.compose\.|dev\.foxdev\.)/;

/** undefined for what compose does not show: other object types, one-off `run` containers, unselected services. */
export function composeEvent(e: RawEvent, services: string[]): ComposeEvent | undefined {
  if (e.Type !== 'container') return undefined;
  const attrs = e.Actor?.Attributes ?? {};
  if (attrs['com.docker.compose.oneoff'] === 'True') return undefined;
  const service = attrs['com.docker.compose.service'] ?? '';
  if (services.length && !services.includes(service)) return undefined;
  const attributes = Object.fromEntries(Object.entries(attrs).filter(([k]) => !OWN_LABEL.test(k)));
  const timeNs = e.timeNano ? BigInt(e.timeNano) : BigInt(e.time ?? 0) * 1_000_000_000n;
  return { timeNs, service, id: e.Actor?.ID ?? '', action: e.Action ?? '', attributes };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local wall-clock parts of a nanosecond time, and the zone offset in minutes east of UTC. */
function local(ns: bigint): { date: Date; frac: string; offsetMin: number } {
  const ms = Number(ns / 1_000_000n);
  const date = new Date(ms);
  const frac = String(ns % 1_000_000_000n).padStart(9, '0');
  return { date, frac, offsetMin: -date.getTimezoneOffset() };
}

function dateTime(date: Date, sep: string): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${sep}${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Go's RFC3339Nano in local time, as compose's JSON prints a time.Time: trailing zeros dropped, Z for UTC. */
export function rfc3339Nano(ns: bigint): string {
  const { date, frac, offsetMin } = local(ns);
  const f = frac.replace(/0+$/, '');
  const zone = offsetMin === 0 ? 'Z' : `${offsetMin > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
  return `${dateTime(date, 'T')}${f ? `.${f}` : ''}${zone}`;
}

/** compose's text line: `2006-01-02 15:04:05.000000 container <action> <id> (k=v, …)` (attributes sorted here). */
export function formatEventLine(e: ComposeEvent): string {
  const { date, frac } = local(e.timeNs);
  const attrs = Object.keys(e.attributes)
    .sort()
    .map((k) => `${k}=${e.attributes[k]}`)
    .join(', ');
  return `${dateTime(date, ' ')}.${frac.slice(0, 6)} container ${e.action} ${e.id} (${attrs})`;
}

/** compose's --json object; keys in the order Go's map marshalling gives them (sorted). */
export function eventJson(e: ComposeEvent): string {
  return JSON.stringify({ action: e.action, attributes: e.attributes, id: e.id, service: e.service, time: rfc3339Nano(e.timeNs), type: 'container' });
}

const DURATION = /^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/;
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in nanoseconds; undefined when `v` is not one. */
export function parseDuration(v: string): number | undefined {
  if (!DURATION.test(v) || v === '') return undefined;
  let total = 0;
  for (const m of v.matchAll(/([0-9]*(?:\.[0-9]*)?)(ns|us|µs|ms|s|m|h)/g)) {
    if (m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * UNIT_NS[m[2]];
  }
  return total;
}

const unix = (ms: number) => `${Math.floor(ms / 1000)}.${pad(Math.round((ms % 1000) * 1e6), 9)}`;

/**
 * docker's --since/--until value → the API's Unix time: a duration (`10m`, `1h30m`) is that long
 * before `nowMs`; a date (`2024-01-02`, `2024-01-02T15:04:05`, RFC 3339 with a zone) is local time
 * unless it names a zone; a number is a Unix time already.
 */
export function apiTimestamp(flag: string, v: string, nowMs: number): string {
  if (v === '') return '';
  const d = parseDuration(v);
  if (d !== undefined) return unix(nowMs - d / 1e6);
  if (/^-?[0-9]+(\.[0-9]{1,9})?$/.test(v)) return v;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) throw new FoxdevError('usage', `invalid ${flag} ${v}: want a duration (10m), a date (2006-01-02T15:04:05) or a Unix time`);
  const [, y, mo, da, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const fracMs = frac ? Number(frac) * 1000 : 0;
  let ms: number;
  if (zone) {
    ms = Date.UTC(+y, +mo - 1, +da, +h, +mi, +s) + fracMs;
    if (zone !== 'Z') {
      const sign = zone[0] === '+' ? 1 : -1;
      ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    }
  } else ms = new Date(+y, +mo - 1, +da, +h, +mi, +s).getTime() + fracMs;
  if (Number.isNaN(ms)) throw new FoxdevError('usage', `invalid ${flag} ${v}`);
  return unix(ms);
}
