// Reduce a compose service, as docker-compose 1.29.2 printed it (FILE.expected.yaml) or as
// foxdev's toCanonical() prints it, to the fields the conformance test compares, in one shape.
// Written independently of src/config on purpose: the test should not trust the code it tests.
//
// Where 1.29.2 is known to differ from the current compose spec (which docker compose v2 and
// foxdev follow), both sides are normalised and the difference is named here:
// - 1.29.2 adds a top-level `version:`; ignored (not compared).
// - 1.29.2 keeps `command:` strings as written; the spec splits them into words. Strings are
//   split here with POSIX quoting.
// - 1.29.2 prints short volume syntax ("src:dst:rw"); the spec prints long form. Both → long form.
// - 1.29.2 omits the implicit `default` network and unset healthcheck timings; the spec (and
//   foxdev) make them explicit. Missing networks → {default} unless network_mode is set; missing
//   timings → Docker's defaults (30s interval, 30s timeout, 3 retries, 0s start period).
// - 1.29.2 omits `restart` when it is "no"; foxdev prints it.
// - ports: 1.29.2 omits `protocol: tcp`; tcp is the default on both sides.

type Dict = Record<string, unknown>;

export interface Compared {
  image?: string;
  build?: { context: string; target?: string; args: Record<string, string> };
  command?: string[];
  environment: Record<string, string>;
  ports: string[];
  volumes: string[];
  depends_on: Record<string, string>;
  healthcheck?: { test: string[]; interval: number; timeout: number; retries: number; start_period: number };
  networks: string[];
  restart: string;
}

export function splitWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let any = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      any = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (any || cur) out.push(cur);
      cur = '';
      any = false;
    } else cur += c;
  }
  if (any || cur) out.push(cur);
  return out;
}

function ms(text: unknown, fallback: number): number {
  if (text === undefined) return fallback;
  let total = 0;
  for (const m of String(text).matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as 'ms']!;
  return total;
}

function volume(v: unknown): string {
  if (typeof v === 'string') {
    const parts = v.split(':');
    if (parts.length === 1) return `volume::${parts[0]}:rw`;
    const [src, dst, mode = 'rw'] = parts;
    return `${src.startsWith('/') ? 'bind' : 'volume'}:${src}:${dst}:${mode.includes('ro') ? 'ro' : 'rw'}`;
  }
  const o = v as Dict;
  return `${o.type}:${o.source ?? ''}:${o.target}:${o.read_only ? 'ro' : 'rw'}`;
}

function port(p: unknown): string {
  const o = p as Dict;
  return `${o.host_ip ?? ''}:${o.published ?? ''}:${o.target}/${o.protocol ?? 'tcp'}`;
}

function stringMap(m: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((m ?? {}) as Dict)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export function compared(s: Dict): Compared {
  const out: Compared = {
    environment: stringMap(s.environment),
    ports: ((s.ports ?? []) as unknown[]).map(port).sort(),
    volumes: ((s.volumes ?? []) as unknown[]).map(volume).sort(),
    depends_on: Object.fromEntries(Object.entries((s.depends_on ?? {}) as Record<string, Dict>).map(([k, d]) => [k, String(d.condition)])),
    networks: s.networks ? Object.keys(s.networks as Dict).sort() : s.network_mode ? [] : ['default'],
    restart: typeof s.restart === 'string' ? s.restart : 'no',
  };
  if (typeof s.image === 'string') out.image = s.image;
  if (s.build) {
    const b = (typeof s.build === 'string' ? { context: s.build } : s.build) as Dict;
    out.build = { context: String(b.context), args: stringMap(b.args), ...(b.target ? { target: String(b.target) } : {}) };
  }
  if (s.command !== undefined) out.command = typeof s.command === 'string' ? splitWords(s.command) : (s.command as unknown[]).map(String);
  if (s.healthcheck) {
    const h = s.healthcheck as Dict;
    out.healthcheck = {
      test: typeof h.test === 'string' ? ['CMD-SHELL', h.test] : (h.test as unknown[]).map(String),
      interval: ms(h.interval, 30000),
      timeout: ms(h.timeout, 30000),
      retries: typeof h.retries === 'number' ? h.retries : 3,
      start_period: ms(h.start_period, 0),
    };
  }
  return out;
}
