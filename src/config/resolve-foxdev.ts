// foxdev's own service keys (ready, sync, seed, run) and compose's develop.watch, resolved to the
// Project's shapes: durations in milliseconds, commands as lists, defaults filled in. Pure.
import type { ResolvedProbe, ResolvedSeed, ResolvedSyncRule } from './project.js';
import { isPlainObject } from './tags.js';
import type { SyncAction } from './types.js';

type Dict = Record<string, unknown>;

/** Defaults, documented in types.ts. Probe defaults favour seeing readiness quickly. */
export const PROBE_DEFAULTS = { intervalMs: 100, timeoutMs: 1000, retries: 3, startPeriodMs: 0 };

/** A command foxdev itself runs: a string goes through `sh -c`, as a person would type it. */
export function shellCommand(value: unknown): string[] {
  return typeof value === 'string' ? ['sh', '-c', value] : (value as unknown[]).map(String);
}

export type Ms = (value: unknown, fallback: number, ...keys: Array<string | number>) => number;

export function probes(value: unknown, ms: Ms): ResolvedProbe[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((p: Dict, i) => {
    const key = Array.isArray(value) ? ['ready', i] : ['ready'];
    const timing = {
      intervalMs: ms(p.interval, PROBE_DEFAULTS.intervalMs, ...key, 'interval'),
      timeoutMs: ms(p.timeout, PROBE_DEFAULTS.timeoutMs, ...key, 'timeout'),
      retries: typeof p.retries === 'number' ? p.retries : PROBE_DEFAULTS.retries,
      startPeriodMs: ms(p.start_period, PROBE_DEFAULTS.startPeriodMs, ...key, 'start_period'),
    };
    if (p.http !== undefined) {
      const h = (typeof p.http === 'string' ? { url: p.http } : p.http) as Dict;
      return { kind: 'http', url: String(h.url), status: typeof h.status === 'number' ? h.status : 200, ...timing };
    }
    if (p.tcp !== undefined) {
      const t = (typeof p.tcp === 'number' ? { port: p.tcp } : p.tcp) as Dict;
      return { kind: 'tcp', port: Number(t.port), host: typeof t.host === 'string' ? t.host : '127.0.0.1', ...timing };
    }
    if (p.exec !== undefined) return { kind: 'exec', command: shellCommand(p.exec), ...timing };
    return { kind: 'log', pattern: String(p.log), ...timing };
  });
}

export function syncRules(value: unknown): ResolvedSyncRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((r: Dict) => ({
    path: String(r.path),
    ...(typeof r.target === 'string' ? { target: r.target } : {}),
    action: (r.action ?? 'sync') as SyncAction,
    ...(r.exec !== undefined ? { exec: shellCommand(r.exec) } : {}),
    ignore: ((r.ignore ?? []) as unknown[]).map(String),
    include: ((r.include ?? []) as unknown[]).map(String),
    initialSync: r.initial_sync === true,
  }));
}

/** compose develop.watch → foxdev sync rules; the action names map one to one. */
export function watchToSync(value: unknown): ResolvedSyncRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((w: Dict) => {
    const exec = isPlainObject(w.exec) ? w.exec.command : undefined;
    return {
      path: String(w.path),
      ...(typeof w.target === 'string' ? { target: w.target } : {}),
      action: String(w.action) as SyncAction,
      ...(exec !== undefined ? { exec: shellCommand(exec) } : {}),
      ignore: ((w.ignore ?? []) as unknown[]).map(String),
      include: ((w.include ?? []) as unknown[]).map(String),
      initialSync: w.initial_sync === true,
    };
  });
}

export function seed(s: Dict): ResolvedSeed {
  const dependents = (s.dependents ?? 'restart') as 'restart' | 'pause' | 'none';
  if (isPlainObject(s.postgres)) {
    const pg = s.postgres;
    const reset = s.reset;
    return {
      kind: 'postgres',
      database: String(pg.database),
      user: typeof pg.user === 'string' ? pg.user : 'postgres',
      ...(typeof pg.password === 'string' ? { password: pg.password } : {}),
      files: ((pg.files ?? []) as unknown[]).map(String),
      reset: isPlainObject(reset) ? { command: shellCommand(reset.command) } : ((reset ?? 'recreate') as 'recreate' | 'truncate'),
      dependents,
    };
  }
  return {
    kind: 'command',
    command: shellCommand(s.command),
    where: s.where === 'host' ? 'host' : 'container',
    files: ((s.files ?? []) as unknown[]).map(String),
    ...(isPlainObject(s.reset) ? { reset: { command: shellCommand(s.reset.command) } } : {}),
    dependents,
  };
}
