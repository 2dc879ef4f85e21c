// One service from its first start to its end: probe it, watch it exit, apply its restart
// policy with backoff (a visible crash-loop state), and restart dependents that asked for it.
// foxdev applies `restart:` and `deploy.restart_policy` itself (see plan/backoff.ts); the engine's
// own policy stays "no".
import { BACKOFF_RESET_AFTER_MS, restartDelay, restartRule, shouldRestartBy } from '../plan/backoff.js';
import { sleep } from '../sleep.js';
import type { SessionContext } from './context.js';
import type { Instance } from './instance.js';
import { probeAfterStart } from './probing.js';
import type { ServiceRun } from './service-run.js';

export interface Supervisor {
  instances: Map<string, Instance>;
  /** Called after each restart, once the instance runs again (live sync catches up then). */
  onRestarted?: (run: ServiceRun) => void;
}

export async function supervise(ctx: SessionContext, run: ServiceRun, instance: Instance, sup: Supervisor): Promise<void> {
  const isJob = run.svc.kind === 'job';
  const generation = run.generation;
  const rule = restartRule(run.svc);
  /** When this supervisor restarted it after a crash; a requested restart starts the count over. */
  let restartTimes: number[] = [];
  for (;;) {
    run.startedAt = ctx.now();
    ctx.dispatch({ type: 'service/started', service: run.name, at: run.startedAt });
    ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'running', at: ctx.now() });
    run.started.resolve();
    if (!isJob) {
      probeAfterStart(ctx, run, instance).catch((err) => {
        ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'failed', at: ctx.now(), reason: (err as Error).message });
        run.failAll((err as Error).message);
      });
    }
    // A wait on a daemon that died can hang: an engine outage ends it too.
    const code = await Promise.race([instance.waitExit().catch(() => -1), ...(ctx.engine ? [ctx.engine.lost().then(() => -1)] : [])]);
    const exited = `exited with code ${code}${instance.exitNote?.() ? ` (${instance.exitNote()})` : ''}`;
    if (run.generation !== generation) return; // replaced by a rebuild; the new one is supervised
    run.probes.abort();
    if (run.stopping || ctx.signal.aborted) return;
    // This exit ends the service for good (no restart asked for, none by its policy).
    const final = !run.restartRequested && !(isJob && code === 0) && !shouldRestartBy(rule, code, restartTimes, ctx.now());
    // An engine shutting down stops its containers (SIGTERM, then SIGKILL) before it stops
    // answering: after such an exit, wait a moment before asking it, or the outage is missed.
    if (ctx.engine && final && !isJob && (code > 128 || code < 0)) {
      await sleep(ENGINE_SETTLE_MS, ctx.signal);
      if (run.stopping || ctx.signal.aborted) return;
    }
    // The wait ended because the engine went away, not the service: wait for it, then start again.
    const engine = await ctx.engine?.check();
    if (engine === 'gone') return engineGone(ctx, run);
    if (engine === 'back') {
      if (!(await startAgain(ctx, run, instance))) return;
      sup.onRestarted?.(run);
      continue;
    }
    if (run.restartRequested) {
      run.restartRequested = false;
      restartTimes = [];
      run.consecutiveCrashes = 0;
      if (!(await startAgain(ctx, run, instance))) return;
      sup.onRestarted?.(run);
      void restartDependents(ctx, run, sup);
      continue;
    }

    if (isJob && code === 0) {
      ctx.say(run.name, 'completed successfully');
      ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'completed', at: ctx.now(), exitCode: 0 });
      for (const l of [run.healthy, run.ready, run.seeded, run.completed]) l.resolve();
      return;
    }
    if (final) {
      const reason = exited;
      const gaveUp = rule.condition !== 'none' && code !== 0 ? `; not restarting again after ${restartTimes.length} restart(s) (${rule.label})` : '';
      ctx.say(run.name, reason + gaveUp);
      // Ended for good: dependents that have not started yet must not start on it.
      if (code !== 0) run.exit = { code };
      ctx.dispatch({
        type: 'service/phase',
        service: run.name,
        phase: code === 0 ? 'exited' : 'failed',
        at: ctx.now(),
        exitCode: code,
        reason: code === 0 ? undefined : reason,
      });
      run.failAll(reason);
      return;
    }

    // Up long enough: this crash is a fresh start for the backoff, not part of a loop.
    if (ctx.now() - run.startedAt > BACKOFF_RESET_AFTER_MS) run.consecutiveCrashes = 0;
    run.consecutiveCrashes++;
    const delay = restartDelay(rule, run.consecutiveCrashes);
    const nextRetryAt = ctx.now() + delay;
    ctx.say(run.name, `${exited}; restarting in ${seconds(delay)} (${rule.label})`);
    ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'crash-loop', at: ctx.now(), exitCode: code, nextRetryAt, reason: exited });
    await sleep(delay, ctx.signal);
    if (run.stopping || ctx.signal.aborted) return;
    restartTimes.push(ctx.now());
    if (!(await startAgain(ctx, run, instance))) return;
    sup.onRestarted?.(run);
    void restartDependents(ctx, run, sup);
  }
}

/** How long an exit waits before it is final, so an engine that is shutting down is seen as gone. */
const ENGINE_SETTLE_MS = 1_000;

function engineGone(ctx: SessionContext, run: ServiceRun): void {
  const reason = 'the engine stopped answering and did not come back';
  ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'failed', at: ctx.now(), reason });
  run.failAll(reason);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 || ms >= 10_000 ? `${Math.round(ms / 1000)}s` : `${ms}ms`;
}

async function startAgain(ctx: SessionContext, run: ServiceRun, instance: Instance): Promise<boolean> {
  run.resetForRestart();
  run.restarts++;
  ctx.dispatch({ type: 'service/restarted', service: run.name, restarts: run.restarts, at: ctx.now() });
  ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'starting', at: ctx.now() });
  try {
    await instance.start();
    return true;
  } catch (err) {
    // The engine went away between the exit and this start: wait for it and try once more.
    const engine = await ctx.engine?.check();
    if (engine === 'back' && (await instance.start().then(() => true, () => false))) return true;
    if (engine === 'gone') {
      engineGone(ctx, run);
      return false;
    }
    ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'failed', at: ctx.now(), reason: `restart failed: ${(err as Error).message}` });
    run.failAll(`restart failed: ${(err as Error).message}`);
    return false;
  }
}

/** depends_on.restart: once `dep` is ready again, restart the services that asked for it. */
export async function restartDependents(ctx: SessionContext, dep: ServiceRun, sup: Supervisor): Promise<void> {
  const ok = await dep.ready.wait(ctx.signal);
  if (!ok) return;
  for (const run of ctx.runs.values()) {
    if (!run.svc.depends_on[dep.svc.name]?.restart || run.started.state !== 'ok' || run.stopping) continue;
    const inst = sup.instances.get(run.name);
    if (!inst) continue;
    ctx.say(run.name, `restarting because ${dep.name} restarted`);
    await requestRestart(run, inst);
  }
}

/** Restart a running service: stop it and let its supervisor start it again at once. */
export async function requestRestart(run: ServiceRun, instance: Instance): Promise<void> {
  run.restartRequested = true;
  await instance.stop(run.svc.stopGracePeriodMs).catch(() => {});
}
