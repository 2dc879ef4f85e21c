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
  if (Object.keys(s.environment).length) o.environment = sorted(maskMap(s.environment, show));
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
          start_period: formatDuration(h.startPeriodMs),
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
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function escapeDollars(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('$') ? value.replaceAll('$', () => '$$') : value;
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (value && typeof value === 'object') {
    // A loop, not fromEntries(entries().map()): two arrays per key were a tenth of a large project's time.
    const out: Dict = {};
    for (const [k, v] of Object.entries(value)) {
      // As fromEntries: a "__proto__" key stays a key, never the copy's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: escapeDollars(v), enumerable: true, writable: true, configurable: true });
      else out[k] = escapeDollars(v);
    }
    return out;
  }
  return value;
}
