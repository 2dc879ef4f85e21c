// The Project in compose's canonical shape, as `docker compose config` prints it: a services
// map, long-form ports with integer `published`, depends_on as a map with conditions,
// environment as a map, absolute paths, durations as text; foxdev's own keys under `x-foxdev`.
// Secret-looking values are masked unless asked. Dollar signs are escaped as `$$` so the output
// can be read back without being interpolated twice. Pure.
import { formatDuration } from './duration.js';
import { foxdevKeys } from './canonical-foxdev.js';
import type { Project, Service } from './project.js';
import { MASK, maskMap } from './secrets.js';

type Dict = Record<string, unknown>;

export function toCanonical(project: Project, opts: { showSecrets?: boolean } = {}): Dict {
  const show = opts.showSecrets === true;
  const out: Dict = { name: project.name };
  out.services = Object.fromEntries(Object.entries(project.services).map(([n, s]) => [n, escapeDollars(service(s, show))]));
  if (Object.keys(project.networks).length > 0)
    out.networks = Object.fromEntries(
      Object.entries(project.networks).map(([k, n]) => [k, sorted({ ...n.extra, name: n.name, ...(n.external ? { external: true } : {}) })]),
    );
  if (Object.keys(project.volumes).length > 0)
    out.volumes = Object.fromEntries(
      Object.entries(project.volumes).map(([k, v]) => [
        k,
        sorted({ ...v.extra, name: v.name, ...(v.external ? { external: true } : {}), ...(Object.keys(v.labels).length ? { labels: v.labels } : {}) }),
      ]),
    );
  if (project.secrets) out.secrets = maskContent(project.secrets, show);
  if (project.configs) out.configs = project.configs;
  for (const [k, v] of Object.entries(project.extensions ?? {})) out[k] = v;
  out['x-foxdev'] = { logBuffer: project.logBuffer };
  return out;
}

function service(s: Service, show: boolean): Dict {
  const o: Dict = { ...s.extra };
  if (s.image) o.image = s.image;
  if (s.build) {
    const { extra, args, ...b } = s.build;
    o.build = sorted({ ...extra, ...b, ...(Object.keys(args).length ? { args: maskMap(args, show) } : {}) });
  }
  if (s.command) o.command = s.command;
  if (s.entrypoint) o.entrypoint = s.entrypoint;
  if (Object.keys(s.environment).length || s.unsetEnv?.length)
    o.environment = sorted({ ...maskMap(s.environment, show), ...Object.fromEntries((s.unsetEnv ?? []).map((k) => [k, null])) });
  if (s.ports.length)
    o.ports = s.ports.map(({ publishedEnd, published, ...p }) =>
      sorted({ ...p, ...(published !== undefined ? { published: publishedEnd !== undefined ? `${published}-${publishedEnd}` : published } : {}) }),
    );
  if (s.volumes.length) o.volumes = s.volumes.map((v) => sorted({ ...v, ...(v.read_only ? {} : { read_only: undefined }) }));
  if (Object.keys(s.depends_on).length)
    o.depends_on = Object.fromEntries(
      Object.entries(s.depends_on).map(([k, d]) => [k, { condition: d.condition, required: d.required, ...(d.restart ? { restart: true } : {}) }]),
    );
  if (s.healthcheck) {
    const h = s.healthcheck;
    o.healthcheck = h.test[0] === 'NONE'
      ? { disable: true }
      : {
          test: h.test,
          interval: formatDuration(h.intervalMs),
          timeout: formatDuration(h.timeoutMs),
          retries: h.retries,
          // Left out when it was not given beside start_interval: the config must still say so.
          ...(h.startIntervalWithoutPeriod ? {} : { start_period: formatDuration(h.startPeriodMs) }),
          ...(h.startIntervalMs !== undefined ? { start_interval: formatDuration(h.startIntervalMs) } : {}),
        };
  }
  if (s.profiles.length) o.profiles = s.profiles;
  o.restart = s.restartMaxRetries !== undefined ? `${s.restart}:${s.restartMaxRetries}` : s.restart;
  if (s.stopGracePeriodMs !== 10_000) o.stop_grace_period = formatDuration(s.stopGracePeriodMs);
  if (s.stop_signal) o.stop_signal = s.stop_signal;
  if (s.working_dir) o.working_dir = s.working_dir;
  if (s.user) o.user = s.user;
  if (Object.keys(s.labels).length) o.labels = s.labels;
  if (s.networks.length) o.networks = Object.fromEntries(s.networks.map((n) => [n, s.networkConfig?.[n] ?? null]));
  const fox = foxdevKeys(s, show);
  if (fox) o['x-foxdev'] = fox;
  return sorted(o);
}

function maskContent(secrets: Record<string, Dict>, show: boolean): Dict {
  if (show) return secrets;
  return Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, 'content' in v ? { ...v, content: MASK } : v]));
}

/** Keys in alphabetical order (as compose prints them), undefined values dropped. */
function sorted(o: Dict): Dict {
  const out: Dict = {};
  // sort()'s default order is the code-unit order the `<` comparison gave.
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) put(out, k, o[k]);
  return out;
}

/** out[k] = v, except that a "__proto__" key stays a key (as with fromEntries), never the prototype. */
function put(out: Dict, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

// Copy on write: a list or plain mapping with no `$` anywhere in it is returned as it is (the
// result is only printed), so a large project is not copied a second time to change nothing.
function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('$') ? value.replaceAll('$', () => '$$') : value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v: unknown, i) => {
      const e = escapeDollars(v);
      if (e !== v) (out ??= value.slice())[i] = e;
    });
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const escaped = entries.map(([, v]) => escapeDollars(v));
    if (Object.getPrototypeOf(value) === Object.prototype && escaped.every((e, i) => e === entries[i][1])) return value;
    const out: Dict = {};
    entries.forEach(([k], i) => put(out, k, escaped[i]));
    return out;
  }
  return value;
}
