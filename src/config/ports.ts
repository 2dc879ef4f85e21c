// Compose port syntax → long form, pure. Short form: [HOST_IP:][PUBLISHED[-END]:]TARGET[-END][/PROTO]
// with IPv6 host addresses in brackets. A target range expands to one entry per port (as compose
// does); a host range for a single target stays a range (the engine picks a free port in it).

export interface LongPort {
  target: number;
  published?: number;
  /** Last port of a published range "8000-8010" mapped to one target. */
  publishedEnd?: number;
  host_ip?: string;
  protocol: 'tcp' | 'udp';
  mode?: string;
  name?: string;
  app_protocol?: string;
}

export function parsePort(spec: unknown): LongPort[] | string {
  if (typeof spec === 'number') return Number.isInteger(spec) && spec > 0 && spec < 65536 ? [{ target: spec, protocol: 'tcp' }] : `invalid port ${spec}`;
  if (typeof spec === 'string') return parseShortPort(spec);
  if (spec && typeof spec === 'object') return parseLongPort(spec as Record<string, unknown>);
  return `expected a port, got ${JSON.stringify(spec)}`;
}

function parseShortPort(text: string): LongPort[] | string {
  const [spec, proto = 'tcp', ...more] = text.split('/');
  if (more.length > 0 || (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp')) return `invalid port "${text}": protocol must be tcp or udp`;
  let hostIp: string | undefined;
  let rest = spec;
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(spec);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(':');
  let published: string | undefined;
  let target: string;
  if (v6) {
    if (parts.length > 2) return `invalid port "${text}"`;
    [published, target] = parts.length === 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  } else if (parts.length === 1) target = parts[0];
  else if (parts.length === 2) [published, target] = parts;
  else {
    // host_ip may be an unbracketed IPv6 address: everything before the last two fields.
    target = parts.at(-1) as string;
    published = parts.at(-2);
    hostIp = parts.slice(0, -2).join(':');
  }
  const t = parseRange(target);
  if (!t) return `invalid port "${text}": "${target}" is not a port or port range`;
  // Host port 0 lets the engine choose; a container port is always 1-65535.
  if (t[0] === 0) return `invalid port "${text}": the container port must be 1-65535, not 0`;
  const p = published === undefined || published === '' ? undefined : parseRange(published);
  if (published && !p) return `invalid port "${text}": "${published}" is not a port or port range`;
  const base = { protocol: proto as 'tcp' | 'udp', ...(hostIp ? { host_ip: hostIp } : {}) };
  if (t[0] === t[1]) {
    if (!p) return [{ target: t[0], ...base }];
    return [{ target: t[0], published: p[0], ...(p[1] !== p[0] ? { publishedEnd: p[1] } : {}), ...base }];
  }
  if (p && p[1] - p[0] !== t[1] - t[0]) return `invalid port "${text}": host and container ranges differ in size`;
  const out: LongPort[] = [];
  for (let i = 0; i <= t[1] - t[0]; i++) out.push({ target: t[0] + i, ...(p ? { published: p[0] + i } : {}), ...base });
  return out;
}

function parseLongPort(o: Record<string, unknown>): LongPort[] | string {
  const target = typeof o.target === 'string' ? Number(o.target) : o.target;
  if (typeof target !== 'number' || !Number.isInteger(target)) return `port target must be an integer, got ${JSON.stringify(o.target)}`;
  if (target < 1 || target > 65535) return `port target must be 1-65535, got ${JSON.stringify(o.target)}`;
  const port: LongPort = { target, protocol: o.protocol === 'udp' ? 'udp' : 'tcp' };
  if (o.published !== undefined && o.published !== null && o.published !== '') {
    const p = parseRange(String(o.published));
    if (!p) return `port published must be a port or range, got ${JSON.stringify(o.published)}`;
    port.published = p[0];
    if (p[1] !== p[0]) port.publishedEnd = p[1];
  }
  for (const k of ['host_ip', 'mode', 'name', 'app_protocol'] as const) if (typeof o[k] === 'string') port[k] = o[k] as string;
  return [port];
}

function parseRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 0 || b > 65535 || b < a) return undefined;
  return [a, b];
}
