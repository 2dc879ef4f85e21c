// A merged, normalised compose service (plus its `x-foxdev` keys) → the resolved Service every
// later stage reads. Pure: environment files were read by the caller and come in as `fileEnv`.
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { ResolvedDepends, ResolvedMount, ResolvedPort, ResolvedSyncRule, RestartPolicy, Service } from './project.js';
import type { DependsCondition } from './types.js';
import { probes, seed, shellCommand, syncRules, watchToSync } from './resolve-foxdev.js';
import { parseDuration } from './duration.js';
import { implicitDependencies, type ImplicitKey } from './implicit-deps.js';
import { formatPath, type Segment } from './keypath.js';
import { shellWords } from './shell-words.js';
import { isPlainObject } from './tags.js';
import type { Lookup } from './interpolate.js';

type Dict = Record<string, unknown>;

/** Docker's own healthcheck defaults, so a partial healthcheck means what it means to Docker. */
export const HEALTHCHECK_DEFAULTS = { intervalMs: 30_000, timeoutMs: 30_000, retries: 3, startPeriodMs: 0 };
export const STOP_GRACE_DEFAULT_MS = 10_000;

/** Keys this module turns into typed Service fields; everything else goes to `extra`. */
const MODELLED = new Set([
  'image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'volumes', 'depends_on', 'healthcheck',
  'profiles', 'restart', 'stop_grace_period', 'stop_signal', 'working_dir', 'user', 'labels', 'networks', 'develop',
  'x-foxdev', 'extends',
]);

export interface ResolveContext {
  projectDir: string;
  /** Interpolation environment (shell over .env) for `environment: [NAME]` entries. */
  lookup: Lookup;
  /** Values read from the service's env_file entries, in order. */
  fileEnv: Record<string, string>;
  /** Some service depends on this one with service_completed_successfully. */
  awaitedToComplete: boolean;
}

export function resolveService(name: string, svc: Dict, ctx: ResolveContext, problems: Array<Problem & { segments?: Segment[] }>): Service {
  // Problems carry their key path as segments so load.ts can find the line that wrote it.
  const report = (keys: Array<string | number>, message: string) =>
    problems.push({ segments: ['services', name, ...keys], path: formatPath(['services', name, ...keys]), message });
  const fox = (isPlainObject(svc['x-foxdev']) ? svc['x-foxdev'] : {}) as Dict;
  const ms = (value: unknown, fallback: number, ...keys: Array<string | number>): number => {
    if (value === undefined || value === null) return fallback;
    const n = parseDuration(value as string | number);
    if (n === undefined) {
      report(keys, `expected a duration such as "500ms", "2s" or "1m30s", got ${JSON.stringify(value)}`);
      return fallback;
    }
    return n;
  };

  const environment: Record<string, string> = { ...ctx.fileEnv };
  const unsetEnv: string[] = [];
  for (const [k, v] of Object.entries((svc.environment ?? {}) as Record<string, string | null>)) {
    const value = v ?? ctx.lookup(k);
    if (value === undefined) {
      delete environment[k];
      unsetEnv.push(k);
    } else environment[k] = value;
  }

  const restartText = typeof svc.restart === 'string' ? svc.restart : 'no';
  const restartMatch = /^(no|always|on-failure|unless-stopped)(?::(\d+))?$/.exec(restartText);
  if (!restartMatch) report(['restart'], `expected "no", "always", "on-failure[:N]" or "unless-stopped", got "${restartText}"`);

  const networkEntries = Object.entries((svc.networks ?? {}) as Record<string, Dict | null>);
  const networkConfig: Record<string, Dict> = {};
  for (const [n, cfg] of networkEntries) if (cfg && Object.keys(cfg).length > 0) networkConfig[n] = cfg;
  // compose attaches a service to the project's default network unless told otherwise; a host
  // process (foxdev `run`) is on the host's network and attaches to none.
  const networks = networkEntries.length > 0 ? networkEntries.map(([n]) => n) : svc.network_mode === undefined && !fox.run ? ['default'] : [];

  const watched = watchToSync((svc.develop as Dict | undefined)?.watch);
  const own = syncRules(fox.sync);
  const sync = [...watched, ...own];
  // Sync copies host files into a container: only files of this project, never ../ or /etc.
  const outside = (p: string) => {
    const rel = path.relative(ctx.projectDir, p);
    return rel.startsWith('..') || path.isAbsolute(rel);
  };
  const outsideMessage = (p: string) => `sync path ${p} is outside the project directory ${ctx.projectDir}`;
  watched.forEach((r, i) => outside(r.path) && report(['develop', 'watch', i, 'path'], outsideMessage(r.path)));
  own.forEach((r, i) => outside(r.path) && report(['sync', i, 'path'], outsideMessage(r.path)));
  // A rule that copies with nowhere to copy to, or runs nothing after copying, would do nothing.
  const incomplete = (r: ResolvedSyncRule, at: Segment[]) => {
    if (r.target === undefined && r.action.startsWith('sync')) report(at, `action "${r.action}" copies files into the container: it needs a "target" (the path to copy to)`);
    if (r.action === 'sync+exec' && r.exec === undefined) report(at, `action "sync+exec" needs an "exec" command to run after each copy`);
  };
  watched.forEach((r, i) => incomplete(r, ['develop', 'watch', i]));
  own.forEach((r, i) => incomplete(r, ['sync', i]));

  const service: Service = {
    name,
    kind: fox.run ? 'process' : fox.oneshot === true || ctx.awaitedToComplete ? 'job' : 'container',
    environment,
    ...(unsetEnv.length ? { unsetEnv } : {}),
    ports: ((svc.ports ?? []) as ResolvedPort[]).map((p) => ({ ...p })),
    volumes: ((svc.volumes ?? []) as Dict[]).map(toMount),
    depends_on: dependsOn(svc.depends_on, implicitDependencies(svc)),
    profiles: ((svc.profiles ?? []) as unknown[]).map(String),
    restart: (restartMatch?.[1] ?? 'no') as RestartPolicy,
    stopGracePeriodMs: ms(svc.stop_grace_period, STOP_GRACE_DEFAULT_MS, 'stop_grace_period'),
    labels: (svc.labels ?? {}) as Record<string, string>,
    networks,
    ready: probes(fox.ready, (...k) => ms(...k)),
    sync,
    extra: Object.fromEntries(Object.entries(svc).filter(([k]) => !MODELLED.has(k))),
  };
  if (restartMatch?.[2]) service.restartMaxRetries = Number(restartMatch[2]);
  if (Object.keys(networkConfig).length > 0) service.networkConfig = networkConfig;
  if (typeof svc.image === 'string') service.image = svc.image;
  if (isPlainObject(svc.build)) service.build = build(svc.build, ctx.lookup);
  if (svc.command !== undefined && svc.command !== null) service.command = words(svc.command);
  if (svc.entrypoint !== undefined && svc.entrypoint !== null) service.entrypoint = words(svc.entrypoint);
  if (isPlainObject(svc.healthcheck)) {
    const hc = svc.healthcheck;
    service.healthcheck = {
      test: hc.disable === true ? ['NONE'] : typeof hc.test === 'string' ? ['CMD-SHELL', hc.test] : ((hc.test ?? ['NONE']) as unknown[]).map(String),
      intervalMs: ms(hc.interval, HEALTHCHECK_DEFAULTS.intervalMs, 'healthcheck', 'interval'),
      timeoutMs: ms(hc.timeout, HEALTHCHECK_DEFAULTS.timeoutMs, 'healthcheck', 'timeout'),
      retries: count(hc.retries, HEALTHCHECK_DEFAULTS.retries, (m) => report(['healthcheck', 'retries'], m)),
      startPeriodMs: ms(hc.start_period, HEALTHCHECK_DEFAULTS.startPeriodMs, 'healthcheck', 'start_period'),
    };
    // The engine reads a list's first word as the kind; any other word fails only at create time.
    if (Array.isArray(hc.test) && hc.test.length > 0 && hc.disable !== true) {
      const kind = hc.test[0];
      if (kind !== 'NONE' && kind !== 'CMD' && kind !== 'CMD-SHELL')
        report(['healthcheck', 'test'], `a test list starts with "NONE", "CMD" or "CMD-SHELL", got ${JSON.stringify(kind)} (write [CMD, program, args...], or a string for the shell)`);
      else if (kind !== 'NONE' && hc.test.length < 2) report(['healthcheck', 'test'], `"${kind}" needs a command after it`);
    }
    if (hc.start_interval !== undefined) {
      service.healthcheck.startIntervalMs = ms(hc.start_interval, 5000, 'healthcheck', 'start_interval');
      if (hc.start_period === undefined) service.healthcheck.startIntervalWithoutPeriod = true;
    }
  }
  for (const key of ['stop_signal', 'working_dir', 'user'] as const) if (svc[key] !== undefined) service[key] = String(svc[key]);
  if (isPlainObject(fox.seed)) service.seed = seed(fox.seed);
  if (isPlainObject(fox.run)) {
    const run = fox.run;
    service.run = {
      command: shellCommand(run.command),
      cwd: typeof run.cwd === 'string' ? run.cwd : ctx.projectDir,
      env: Object.fromEntries(Object.entries((run.env ?? {}) as Dict).map(([k, v]) => [k, String(v)])),
    };
  }
  return service;
}

/** A count such as retries: compose allows a string (it may come from a variable) if it is a number. */
function count(value: unknown, fallback: number, problem: (message: string) => void): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
  problem(`expected a whole number, got ${JSON.stringify(value)}`);
  return fallback;
}

function words(value: unknown): string[] {
  return typeof value === 'string' ? shellWords(value) : (value as unknown[]).map(String);
}

function build(b: Dict, lookup: Lookup) {
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries((b.args ?? {}) as Record<string, string | null>)) {
    const value = v ?? lookup(k);
    if (value !== undefined) args[k] = value;
  }
  const { context, dockerfile, target, args: _args, ...rest } = b;
  return {
    context: String(context),
    dockerfile: typeof dockerfile === 'string' ? dockerfile : 'Dockerfile',
    ...(typeof target === 'string' ? { target } : {}),
    args,
    ...(Object.keys(rest).length > 0 ? { extra: rest } : {}),
  };
}

function toMount(v: Dict): ResolvedMount {
  const { type, source, target, read_only, ...rest } = v;
  return { type: type as ResolvedMount['type'], ...(source !== undefined ? { source: String(source) } : {}), target: String(target), read_only: read_only === true, ...rest };
}

function dependsOn(value: unknown, implicit: Map<string, ImplicitKey>): Record<string, ResolvedDepends> {
  const out: Record<string, ResolvedDepends> = {};
  // defineProperty: a name such as "__proto__" (volumes_from: [__proto__]) stays a key, to be refused as no service.
  for (const [name, key] of implicit)
    Object.defineProperty(out, name, { value: { condition: 'service_started', required: true, restart: true, implicit: key }, enumerable: true, writable: true, configurable: true });
  for (const [name, e] of Object.entries((value ?? {}) as Record<string, Dict>)) {
    out[name] = {
      ...(out[name]?.implicit ? { implicit: out[name].implicit } : {}),
      condition: (e.condition ?? 'service_started') as DependsCondition,
      required: e.required !== false,
      restart: e.restart === true || e.restart === 'true',
    };
  }
  return out;
}

