// Waiting for dependencies. A service starts as soon as every dependency meets its condition;
// a dependency that fails keeps it from starting, with compose's wording for why ("dependency
// failed to start: container x exited (3)", "service "x" didn't complete successfully: exit 1").
// An optional dependency (required: false) that fails or is missing is reported once and the
// service starts anyway. service_healthy on a dependency with no healthcheck fails when it is
// waited for (compose's "container x has no healthcheck configured"), not when the file loads.
import { FoxdevError } from '../errors.js';
import { conditionText } from '../plan/up.js';
import { FAILED_TO_START, failedToStart, NO_HEALTHCHECK, notCompleted, optionalFailure } from '../plan/dependency-words.js';
import type { SessionContext } from './context.js';
import type { ServiceRun } from './service-run.js';

export function waitingReason(dep: string, condition: string, lastProbe: string): string {
  return `waiting for ${dep}: ${conditionText(condition)}${lastProbe ? ` — last probe: ${lastProbe}` : ''}`;
}

type Gate = ServiceRun['plan']['gates'][number];

/** Why `dep` did not meet `condition`, the way compose says it. */
export function dependencyFailure(dep: ServiceRun, condition: string, reason: string): string {
  const what = dep.svc.kind === 'process' ? `process ${dep.name}` : `container ${dep.containerName ?? dep.name}`;
  if (!dep.exit && reason === NO_HEALTHCHECK) return failedToStart(what, NO_HEALTHCHECK);
  if (dep.exit && condition === 'service_completed_successfully') return notCompleted(dep.name, dep.exit.code);
  if (dep.exit) return failedToStart(what, `exited (${dep.exit.code})`);
  if (reason.startsWith('unhealthy: ')) return failedToStart(what, `is unhealthy (${reason.slice('unhealthy: '.length)})`);
  return `${FAILED_TO_START}${what}: ${reason || 'stopped'}`;
}

/** The runs of a service: itself, or each of its replicas (`web-1`, `web-2`, …). */
export function runsOf(runs: Map<string, ServiceRun>, service: string): ServiceRun[] {
  const own = runs.get(service);
  if (own && own.svc.name === service) return [own];
  return [...runs.values()].filter((r) => r.svc.name === service);
}

export async function awaitGates(ctx: SessionContext, run: ServiceRun): Promise<void> {
  const reported = new Set<string>();
  // Wait in declaration order so the reason shown is the first unmet condition. A scaled
  // dependency meets a condition when every one of its replicas does, as compose waits for each.
  for (const gate of run.plan.gates) {
    const deps = runsOf(ctx.runs, gate.service);
    if (!deps.length) {
      if (gate.required) throw new FoxdevError('dependency', `${run.name} depends on ${gate.service}, which is not part of this project`);
      ctx.say(run.name, `optional dependency "${gate.service}" is missing; starting without it`);
      continue;
    }
    for (const dep of deps) {
      const latch = dep.latchFor(gate.condition);
      if (latch.state === 'pending') {
        run.waitingFor = { service: gate.service, condition: gate.condition };
        ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'waiting', at: ctx.now(), reason: waitingReason(dep.name, gate.condition, dep.lastProbe) });
        await latch.wait(ctx.signal);
        run.waitingFor = undefined;
        if (ctx.signal.aborted) throw new FoxdevError('cancelled', `${run.name}: stopped while waiting for ${gate.service}`);
      }
      if (latch.state !== 'ok') gateFailed(ctx, run, gate, dep, latch.reason, reported);
    }
  }
  // A dependency that met its condition earlier may have ended for good since (exited non-zero,
  // no restart to come) while this one waited on others: starting now would only fail later.
  for (const gate of run.plan.gates) {
    for (const dep of runsOf(ctx.runs, gate.service))
      if (dep.exit && !reported.has(dep.name)) gateFailed(ctx, run, gate, dep, `exited with code ${dep.exit.code}`, reported);
  }
}

/** Throws for a required dependency; reports an optional one once and returns. */
function gateFailed(ctx: SessionContext, run: ServiceRun, gate: Gate, dep: ServiceRun, reason: string, reported: Set<string>): void {
  reported.add(dep.name);
  // Name the root cause once, not a chain of "not started because not started because…".
  const root = dep.blockedBy ?? { service: dep.name, reason: dependencyFailure(dep, gate.condition, reason) };
  const message = root.service === gate.service || root.service === dep.name ? root.reason : `${root.reason} (via ${gate.service})`;
  if (!gate.required) {
    ctx.say(run.name, `${optionalFailure(gate.service, message)}; starting anyway`);
    return;
  }
  run.blockedBy = root;
  throw new FoxdevError('dependency', message);
}

/** Refresh the reason of every service waiting on `dep` with its latest probe result. */
export function probeSeen(ctx: SessionContext, dep: ServiceRun): void {
  for (const run of ctx.runs.values()) {
    if (run.waitingFor?.service !== dep.svc.name) continue;
    ctx.dispatch({
      type: 'service/phase',
      service: run.name,
      phase: 'waiting',
      at: ctx.now(),
      reason: waitingReason(dep.name, run.waitingFor.condition, dep.lastProbe),
    });
  }
}
