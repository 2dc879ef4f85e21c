// After a start: decide when the service is healthy, ready and seeded, from its healthcheck
// (run by foxdev itself at a short interval), its `ready` probes and its seed.
import type { ResolvedProbe } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { healthcheckCommand, commandProbe } from './probes/command.js';
import { httpProbe } from './probes/http.js';
import { LogWatch } from './probes/log.js';
import { tcpProbe } from './probes/tcp.js';
import type { ProbeResult } from './probes/types.js';
import { waitReady, type TimedProbe } from './readiness.js';
import type { Instance } from './instance.js';
import type { SessionContext } from './context.js';
import type { ServiceRun } from './service-run.js';
import { probeSeen } from './gates.js';
import { NO_HEALTHCHECK } from '../plan/dependency-words.js';

/** While starting, probe this often whatever the healthcheck's own interval says. */
export const FAST_PROBE_MS = 100;
/**
 * `ready` probes run every 100 ms, so a few failed tries say nothing while a server boots: unless a
 * start period is configured, failures only count after this long.
 */
export const READY_START_PERIOD_MS = 60_000;

function readyProbe(run: ServiceRun, p: ResolvedProbe, instance: Instance): TimedProbe {
  const timing = { intervalMs: p.intervalMs, retries: p.retries, startPeriodMs: p.startPeriodMs || READY_START_PERIOD_MS };
  switch (p.kind) {
    case 'http':
      return { name: `http ${p.url}`, probe: httpProbe(p.url, p.status, p.timeoutMs), ...timing };
    case 'tcp':
      return { name: `tcp ${p.host}:${p.port}`, probe: tcpProbe(p.host, p.port, p.timeoutMs), ...timing };
    case 'exec':
      return { name: `exec ${p.command.join(' ')}`, probe: commandProbe((c, t) => instance.exec(c, t), p.command, p.timeoutMs), ...timing };
    case 'log': {
      const watch = new LogWatch(p.pattern);
      run.logWatches.push(watch);
      return { name: `log /${p.pattern}/`, probe: watch.probe(), ...timing };
    }
  }
}

/**
 * Nothing measures this service's health: a service_healthy wait on it fails, as compose's does —
 * at compose's first poll (500 ms after the start), so a dependency that exits at once is
 * reported as the exit it is. Not awaited: nothing else waits for it.
 */
function noHealthcheck(run: ServiceRun, signal: AbortSignal): void {
  const t = setTimeout(() => {
    if (!signal.aborted) run.healthy.fail(NO_HEALTHCHECK);
  }, 500);
  signal.addEventListener('abort', () => clearTimeout(t), { once: true });
}

export async function probeAfterStart(ctx: SessionContext, run: ServiceRun, instance: Instance): Promise<void> {
  const signal = run.probes.signal;
  const { svc } = run;
  run.logWatches = [];
  const events = {
    onResult: (_name: string, r: ProbeResult) => {
      if (r.detail === run.lastProbe) return;
      run.lastProbe = r.detail;
      probeSeen(ctx, run);
    },
    onUnhealthy: (name: string, r: ProbeResult) => {
      const reason = `unhealthy: ${name} failed ${r.detail}`;
      ctx.dispatch({ type: 'service/health', service: run.name, health: 'unhealthy', lastProbe: r.detail, at: ctx.now() });
      ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'unhealthy', at: ctx.now(), reason });
      run.healthy.fail(reason);
      run.ready.fail(reason);
      run.seeded.fail(reason);
    },
  };

  // compose waits on the engine's health, so an image's HEALTHCHECK counts when the file sets none.
  const healthcheck = svc.healthcheck ?? (await instance.builtInHealthcheck?.());
  const hcCmd = healthcheck ? healthcheckCommand(healthcheck.test) : undefined;
  const ready = svc.ready.map((p) => readyProbe(run, p, instance));
  if (hcCmd && healthcheck) {
    ctx.dispatch({ type: 'service/health', service: run.name, health: 'starting', at: ctx.now() });
    const hc: TimedProbe = {
      name: 'healthcheck',
      probe: commandProbe((c, t) => instance.exec(c, t), hcCmd, healthcheck.timeoutMs),
      intervalMs: Math.min(FAST_PROBE_MS, healthcheck.intervalMs),
      // Probing faster than the engine would, so allow proportionally more failures before
      // declaring the service unhealthy: the same wall-clock patience as the healthcheck asks for.
      retries: Math.ceil(((healthcheck.retries + 1) * healthcheck.intervalMs) / Math.min(FAST_PROBE_MS, healthcheck.intervalMs)),
      startPeriodMs: healthcheck.startPeriodMs,
    };
    if (!(await waitReady([hc], events, signal))) return;
    ctx.dispatch({ type: 'service/health', service: run.name, health: 'healthy', lastProbe: run.lastProbe, at: ctx.now() });
    run.healthy.resolve();
  }
  if (ready.length) {
    if (!(await waitReady(ready, events, signal))) return;
    if (!hcCmd) ctx.dispatch({ type: 'service/health', service: run.name, health: 'healthy', lastProbe: run.lastProbe, at: ctx.now() });
  }
  if (hcCmd || ready.length) run.healthy.resolve();
  else noHealthcheck(run, signal);
  if (run.plan.seed && run.seeded.state === 'pending') {
    if (!ctx.seeder) throw new FoxdevError('internal', `${run.name} needs seeding but no seeder is configured`);
    ctx.dispatch({ type: 'seed/status', service: run.name, state: 'seeding', at: ctx.now() });
    ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'waiting', at: ctx.now(), reason: 'seeding' });
    try {
      await ctx.seeder.seed(svc, instance, (line) => ctx.say(run.name, line));
      ctx.dispatch({ type: 'seed/status', service: run.name, state: 'seeded', at: ctx.now() });
    } catch (err) {
      const message = (err as Error).message;
      ctx.dispatch({ type: 'seed/status', service: run.name, state: 'failed', at: ctx.now(), message });
      run.failAll(`seed failed: ${message}`);
      ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'failed', at: ctx.now(), reason: `seed failed: ${message}` });
      return;
    }
  } else if (svc.seed && ctx.seeder?.status && run.seeded.state === 'pending') {
    // Existing data is never re-seeded silently; a changed seed is only reported.
    const state = await ctx.seeder.status(svc, instance).catch(() => undefined);
    if (state === 'changed' || state === 'seeded') ctx.dispatch({ type: 'seed/status', service: run.name, state, at: ctx.now() });
  }
  run.seeded.resolve();
  run.ready.resolve();
  ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'ready', at: ctx.now() });
}
