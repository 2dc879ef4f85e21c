// Reseed actions inside a running session (the dashboard's `s`): the session's own instances are
// stopped, paused, started and supervised, so its view and its supervisors stay in step. Gates are
// the session's: a restarted service starts once its dependencies meet their conditions again
// (a re-run job must complete again first).
import type { Runtime } from '../../runtime/runtime.js';
import type { Service } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import type { ReseedState } from '../../plan/reseed.js';
import type { SessionContext } from '../context.js';
import { ContainerInstance } from '../container-instance.js';
import { awaitGates } from '../gates.js';
import type { Instance } from '../instance.js';
import type { ServiceRun } from '../service-run.js';
import { ReseedJobFailed, type ReseedActions } from './reseed-walk.js';

export interface SessionReseedDeps {
  ctx: SessionContext;
  instances: Map<string, Instance>;
  runtime: Runtime;
  services: Record<string, Service>;
  /** Reset + seed one database (engine/seeder.ts dockerReseed). */
  reseedOne: (svc: Service, instance: Instance, log: (line: string) => void) => Promise<void>;
  /** Supervise a started instance as the session does; resolves when that supervisor ends. */
  supervise: (run: ServiceRun, instance: Instance) => Promise<void>;
  /** After a service runs again (live sync catches up). */
  restarted?: (run: ServiceRun) => void;
}

/** What the session runs: its jobs (any state) and which long-running services are up. */
export function sessionReseedState(runs: Map<string, ServiceRun>, instances: Map<string, Instance>): ReseedState {
  const known: Record<string, string> = {};
  for (const [name, run] of runs) {
    if (!instances.has(name)) continue;
    known[name] = run.svc.kind === 'job' ? 'exited' : run.started.state === 'ok' && !run.exit ? 'running' : 'stopped';
  }
  return { known };
}

export function sessionReseedActions(d: SessionReseedDeps): ReseedActions {
  const { ctx } = d;
  const get = (service: string) => {
    const run = ctx.runs.get(service);
    const inst = d.instances.get(service);
    if (!run || !inst) throw new FoxdevError('usage', `${service} is not running in this session`);
    return { run, inst };
  };
  const phase = (service: string, p: 'stopping' | 'stopped' | 'starting', reason?: string) =>
    ctx.dispatch({ type: 'service/phase', service, phase: p, at: ctx.now(), reason });
  const containerOf = (service: string, inst: Instance) => {
    if (!(inst instanceof ContainerInstance)) throw new FoxdevError('usage', `${service} is not a container; it cannot be paused`);
    return inst.id;
  };
  /** Start again under a new supervisor; the old one ended quietly when the generation moved on. */
  const startAgain = async (run: ServiceRun, inst: Instance): Promise<{ supervised: Promise<void> }> => {
    run.resetForRestart();
    run.blockedBy = undefined;
    run.restarts++;
    ctx.dispatch({ type: 'service/restarted', service: run.name, restarts: run.restarts, at: ctx.now() });
    phase(run.name, 'starting');
    await inst.start();
    const supervised = d.supervise(run, inst);
    d.restarted?.(run);
    return { supervised };
  };
  return {
    async stop(service) {
      const { run, inst } = get(service);
      run.generation++; // its supervisor sees this exit as the end of its run, not a crash
      run.resetForRestart();
      ctx.say(service, 'stopping: the data it uses is being reset');
      phase(service, 'stopping');
      await inst.stop(run.svc.stopGracePeriodMs).catch(() => inst.kill());
      phase(service, 'stopped', 'stopped while its data is reset');
    },
    async pause(service) {
      const { inst } = get(service);
      ctx.say(service, 'pausing: the data it uses is being reset');
      await d.runtime.pauseContainer(containerOf(service, inst));
    },
    async reseed(service) {
      const { inst } = get(service);
      ctx.dispatch({ type: 'seed/status', service, state: 'seeding', at: ctx.now() });
      try {
        await d.reseedOne(d.services[service], inst, (l) => ctx.say(service, l));
        ctx.dispatch({ type: 'seed/status', service, state: 'seeded', at: ctx.now() });
      } catch (err) {
        ctx.dispatch({ type: 'seed/status', service, state: 'failed', at: ctx.now(), message: (err as Error).message });
        throw err;
      }
    },
    async runJob(service) {
      const { run, inst } = get(service);
      ctx.say(service, 'running again: the data it builds on was reset');
      // Dependents wait for this run to complete, not for the one before the reset.
      run.completed.reset();
      run.seeded.reset();
      await (await startAgain(run, inst)).supervised;
      if (run.completed.state !== 'ok') throw new ReseedJobFailed(run.completed.reason || 'did not complete', [...run.lastLines]);
    },
    async restart(service) {
      const { run, inst } = get(service);
      await awaitGates(ctx, run);
      ctx.say(service, 'starting again after the reset');
      await startAgain(run, inst);
    },
    async resume(service) {
      const { inst } = get(service);
      await d.runtime.unpauseContainer(containerOf(service, inst));
      ctx.say(service, 'resumed after the reset');
    },
    skipped(op, reason) {
      if (op.op !== 'restart' && op.op !== 'resume') return;
      const run = ctx.runs.get(op.service);
      ctx.say(op.service, `${op.op === 'restart' ? 'stays stopped' : 'stays paused'}: ${reason}`);
      if (run && op.op === 'restart') phase(op.service, 'stopped', reason);
    },
  };
}
