// A service's foxdev keys for `foxdev config`, written back in the shape a config takes (see
// types.ts), so the printed project can be read again (by foxdev, as a compose file with
// `x-foxdev` blocks) and means the same. Durations are text, commands are lists, paths absolute.
import { formatDuration } from './duration.js';
import type { ResolvedProbe, Service } from './project.js';
import { MASK, maskMap } from './secrets.js';

type Dict = Record<string, unknown>;

export function foxdevKeys(s: Service, show: boolean): Dict | undefined {
  const fox: Dict = {};
  // `kind` is implied: `run` makes a process, `oneshot` (or being awaited to complete) a job.
  if (s.kind === 'job') fox.oneshot = true;
  if (s.ready.length) fox.ready = s.ready.map(probe);
  if (s.sync.length)
    fox.sync = s.sync.map((r) => ({
      path: r.path,
      ...(r.target !== undefined ? { target: r.target } : {}),
      action: r.action,
      ...(r.exec ? { exec: r.exec } : {}),
      ...(r.ignore.length ? { ignore: r.ignore } : {}),
      ...(r.include.length ? { include: r.include } : {}),
      ...(r.initialSync ? { initial_sync: true } : {}),
    }));
  if (s.seed) {
    const seed = s.seed;
    fox.seed =
      seed.kind === 'postgres'
        ? {
            postgres: {
              database: seed.database,
              user: seed.user,
              ...(seed.password !== undefined ? { password: show ? seed.password : MASK } : {}),
              files: seed.files,
            },
            reset: seed.reset,
            dependents: seed.dependents,
          }
        : { command: seed.command, where: seed.where, files: seed.files, ...(seed.reset ? { reset: seed.reset } : {}), dependents: seed.dependents };
  }
  if (s.run) fox.run = { command: s.run.command, cwd: s.run.cwd, env: maskMap(s.run.env, show) };
  return Object.keys(fox).length > 0 ? fox : undefined;
}

function probe(p: ResolvedProbe): Dict {
  const timing = { interval: formatDuration(p.intervalMs), timeout: formatDuration(p.timeoutMs), retries: p.retries, start_period: formatDuration(p.startPeriodMs) };
  switch (p.kind) {
    case 'http':
      return { http: { url: p.url, status: p.status }, ...timing };
    case 'tcp':
      return { tcp: { port: p.port, host: p.host }, ...timing };
    case 'exec':
      return { exec: p.command, ...timing };
    case 'log':
      return { log: p.pattern, ...timing };
  }
}
