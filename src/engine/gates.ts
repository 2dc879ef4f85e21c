// Waiting for dependencies. A service starts as soon as every dependency meets its condition;
// a dependency that fails releases it with a message that says which one and why.
import { FoxdevError } from '../errors.js';
import { conditionText } from '../plan/up.js';
import type { SessionContext } from './context.js';
import type { ServiceRun } from './service-run.js';

export function waitingReason(dep: string, condition: string, lastProbe: string): string {
  return `waiting for ${dep}: ${conditionText(condition)}${lastProbe ? ` — last probe: ${lastProbe}` : ''}`;
}

export async function awaitGates(ctx: SessionContext, run: ServiceRun): Promise<void> {
  // Wait in declaration order so the reason shown is the first unmet condition.
  for (const gate of run.plan.gates) {
    const dep = ctx.runs.get(gate.service);
    if (!dep) {
      if (gate.required) throw new FoxdevError('dependency', `${run.name} depends on ${gate.service}, which is not part of this project`);
      continue;
    }
    const latch = dep.latchFor(gate.condition);
    if (latch.state === 'ok') continue;
    run.waitingFor = { service: gate.service, condition: gate.condition };
    ctx.dispatch({ type: 'service/phase', service: run.name, phase: 'waiting', at: ctx.now(), reason: waitingReason(gate.service, gate.condition, dep.lastProbe) });
    const ok = await latch.wait(ctx.signal);
    run.waitingFor = undefined;
    if (ctx.signal.aborted) throw new FoxdevError('cancelled', `${run.name}: stopped while waiting for ${gate.service}`);
    if (!ok) {
      // Name the root cause once, not a chain of "not started because not started because…".
      const root = dep.blockedBy ?? { service: dep.name, reason: latch.reason };
      run.blockedBy = root;
      const via = root.service === gate.service ? '' : ` (via ${gate.service})`;
      throw new FoxdevError('dependency', `not started: ${root.service} failed${via}: ${root.reason}`);
    }
  }
}

/** Refresh the reason of every service waiting on `dep` with its latest probe result. */
export function probeSeen(ctx: SessionContext, dep: ServiceRun): void {
  for (const run of ctx.runs.values()) {
    if (run.waitingFor?.service !== dep.name) continue;
    ctx.dispatch({
      type: 'service/phase',
      service: run.name,
      phase: 'waiting',
      at: ctx.now(),
      reason: waitingReason(dep.name, run.waitingFor.condition, dep.lastProbe),
    });
  }
}
