// One `foxdev up`: plan against what exists, then start every selected service as soon as its
// dependencies allow (builds begin at once, in parallel), supervise them, and stop them in
// reverse dependency order. Decisions live in plan/; this file carries them out.
import type { Project, Service } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { ancestors, dependencyOrder, graphOf } from '../plan/graph.js';
import { containerNameOf } from '../plan/spec-runtime.js';
import { hooksOf } from '../plan/hooks.js';
import { planUp, type ServicePlan, type UpPlan, type UpPlanOptions } from '../plan/up.js';
import { planStop } from '../plan/stop.js';
import type { Action } from '../store/actions.js';
import { REATTACHED, RECREATING, type LogStream } from '../store/types.js';
import { prepareBuild, type PreparedBuild } from '../runtime/build-prepare.js';
import type { Runtime } from '../runtime/runtime.js';
import { engineRestartPolicy, SUPERVISED } from '../plan/engine-restart.js';
import { composeLabel, imageName } from '../names/labels.js';
import { isOneOff } from '../names/compose-labels.js';
import { prepareNetworks } from './networks.js';
import { createServiceContainer } from './service-container.js';
import { recreateNetworks } from './network-recreate.js';
import { ContainerInstance } from './container-instance.js';
import type { SessionContext, Seeder } from './context.js';
import { awaitGates, runsOf } from './gates.js';
import type { Instance } from './instance.js';
import { LogBatcher } from './log-batcher.js';
import { observe } from './observe.js';
import { checkPorts } from './port-check.js';
import { ProcessInstance } from './process-instance.js';
import { stateDir } from '../runtime/process.js';
import { ServiceRun } from './service-run.js';
import { LiveSync } from './live-sync.js';
import { requestRestart, restartDependents, supervise } from './supervise.js';
import { formatReseedPlan, planReseed } from '../plan/reseed.js';
import { formatRestartPlan, planRestart } from '../plan/restart.js';
import { formatRebuildPlan, planRebuild } from '../plan/rebuild.js';
import { changedKeys, formatConfigChangePlan, planConfigChange, type ConfigChangePlan } from '../plan/config-change.js';
import { describeOutcome, walkReseed, type ReseedOutcome } from './seed/reseed-walk.js';
import { sessionReseedActions, sessionReseedState } from './seed/reseed-session.js';
import { EngineWatch } from './engine-watch.js';
import { progressLine } from '../logfmt/progress.js';

export interface SessionOptions {
  /** Every change goes through it (runtime/engine-runtime.ts builds it over the Engine API; a fake in unit tests). */
  runtime: Runtime;
  project: Project;
  dispatch: (a: Action) => void;
  seeder?: Seeder;
  /** Reset + seed one database service (the dashboard's `s`). */
  reseed?: (svc: Service, instance: Instance, log: (line: string) => void) => Promise<void>;
  /** Host processes outlive foxdev (up --detach). */
  detach?: boolean;
  /** compose's progress lines for the networks and volumes it makes (`Network p_default Created`); a plain `up` prints them on stderr. */
  progress?: (line: string) => void;
  now?: () => number;
}

export interface Settled {
  ok: boolean;
  failures: Array<{ service: string; reason: string; lastLines: string[] }>;
  /** Set when a deadline ended the wait (`--wait-timeout`), in seconds. */
  timedOutS?: number;
}

export class Session {
  readonly runs = new Map<string, ServiceRun>();
  readonly instances = new Map<string, Instance>();
  private readonly abort = new AbortController();
  /** Set by stop() (not by detach()): a service still coming up stops as soon as it is up. */
  private stopping = false;
  private readonly logs: LogBatcher;
  private readonly ctx: SessionContext;
  private builds = new Map<string, PreparedBuild>();
  /** One image build per service, shared by its replicas. */
  private readonly images = new Map<string, Promise<string>>();
  /** A rebuild in flight per service: replicas' sync rules asking again join it. */
  private readonly rebuilding = new Map<string, Promise<void>>();
  private tasks: Promise<void>[] = [];
  private readonly sync: LiveSync;
  plan?: UpPlan;
  /** The config now: replaced by applyConfig when the files change while the session runs. */
  private project: Project;
  /** What prepare() was asked for, so a changed config selects the same way. */
  private targets: string[] = [];
  private planOptions: UpPlanOptions = {};

  constructor(private readonly opts: SessionOptions) {
    this.project = opts.project;
    this.logs = new LogBatcher(opts.dispatch);
    const now = opts.now ?? Date.now;
    this.ctx = {
      dispatch: opts.dispatch,
      runs: this.runs,
      signal: this.abort.signal,
      seeder: opts.seeder,
      now,
      say: (service, line) => this.line(service, 'system', line),
      engine: new EngineWatch({
        ping: () => opts.runtime.ping(),
        say: (line) => this.line(opts.project.name, 'system', line),
        signal: this.abort.signal,
        limitMs: Number(process.env.FOXDEV_ENGINE_WAIT_MS) || 60_000,
      }),
    };
    this.sync = new LiveSync(opts.runtime, opts.project, {
      dispatch: opts.dispatch,
      say: this.ctx.say,
      restart: (s) => this.restart(s),
      rebuild: (s, because) => this.rebuild(s, because),
      signal: this.abort.signal,
    });
  }

  private supervisor() {
    return { instances: this.instances, onRestarted: (run: ServiceRun) => void this.sync.restarted(run.name) };
  }

  /** Live sync runs in the foreground only; a detached `up` leaves nobody to watch files. */
  private async startSyncFor(svc: Service, instance: Instance, unit = svc.name): Promise<void> {
    if (this.opts.detach || !svc.sync.length) return;
    if (instance instanceof ContainerInstance) await this.sync.attachContainer(svc, instance.id, unit);
    else await this.sync.watchProcess(svc);
  }

  /** The services to run for `targets` (all when empty): them and what they need, dependencies first. */
  select(targets: string[], noDeps = false, project = this.project): string[] {
    for (const t of targets) {
      if (!project.services[t]) throw noSuchService(t, Object.keys(project.services));
    }
    const g = graphOf(project);
    const wanted = new Set(targets.length ? (noDeps ? targets : ancestors(g, targets)) : Object.keys(project.services));
    return dependencyOrder(g).filter((n) => wanted.has(n));
  }

  /** Observe the engine, plan, and check host ports; nothing is changed yet. */
  async prepare(targets: string[], planOptions: UpPlanOptions = {}): Promise<UpPlan> {
    const { runtime } = this.opts;
    const project = this.project;
    const selected = this.select(targets, planOptions.noDeps);
    this.targets = targets;
    this.planOptions = planOptions;
    const { observed, builds, ownPorts } = await observe(runtime, project, selected);
    this.builds = builds;
    const plan = planUp(project, observed, selected, planOptions);
    await checkPorts(project, plan, ownPorts);
    this.plan = plan;
    return plan;
  }

  /** Start everything in the plan; returns at once, services come up in the background. */
  async start(plan: UpPlan): Promise<void> {
    const { runtime } = this.opts;
    const project = this.project;
    this.announce(plan);
    for (const sp of plan.services) this.addRun(sp);
    // Scaled down: the highest-numbered containers go first, as compose removes them.
    for (const d of plan.scaleDown) {
      this.line(d.service, 'system', `scaling down: removing ${containerNameOf(project, d.service, d.number)}`);
      await runtime.removeContainer(d.id);
    }
    // Dependents of a recreated `restart: true` dependency stop before it goes, and containers on a
    // network that is recreated stop before it is (compose's order).
    await Promise.all(
      plan.services.map(async (sp) => {
        if (sp.step.action !== 'start' || !sp.step.restart) return;
        this.line(sp.unit, 'system', `restarting: ${sp.step.restart}`);
        this.opts.dispatch({ type: 'service/phase', service: sp.unit, phase: 'stopping', at: this.ctx.now() });
        await runtime.stopContainer(sp.step.id, project.services[sp.service].stopGracePeriodMs);
        this.opts.dispatch({ type: 'service/phase', service: sp.unit, phase: 'stopped', at: this.ctx.now() });
      }),
    );
    if (plan.networksToRecreate.length) {
      const planned = new Set(plan.services.flatMap((sp) => ('id' in sp.step ? [sp.step.id] : [])));
      const grace = (s: string) => project.services[s]?.stopGracePeriodMs ?? 10_000;
      await recreateNetworks(runtime, plan.networksToRecreate, planned, grace, (s, l) => this.line(runsOf(this.runs, s)[0]?.name ?? s, 'system', l));
    }
    await prepareNetworks(runtime, project, [...new Set(plan.services.map((s) => s.service))], this.opts.progress);
    for (const key of plan.volumesToCreate) {
      const name = project.volumes[key].name;
      this.opts.progress?.(progressLine('Volume', name, 'Creating'));
      await runtime.createVolume(project.name, name, project.volumes[key].labels);
      this.opts.progress?.(progressLine('Volume', name, 'Created'));
    }
    this.tasks = [...this.runs.values()].map((run) => this.runService(run));
  }

  /** Tell the store which services this session runs (again after a config change: it keeps what it knows). */
  private announce(plan: UpPlan): void {
    const project = this.project;
    this.opts.dispatch({
      type: 'project/loaded',
      project: {
        name: project.name,
        services: plan.services.map((sp) => {
          const s = project.services[sp.service];
          return {
            name: sp.unit,
            ...(sp.unit !== s.name ? { service: s.name } : {}),
            kind: s.kind,
            ...(sp.kind !== 'process' ? { label: composeLabel(project.name, unitContainerName(project, sp)) } : {}),
            ports: s.ports.map((p) => ({ published: p.published, target: p.target, protocol: p.protocol })),
            dependsOn: Object.keys(s.depends_on),
            hasSync: s.sync.length > 0,
            hasSeed: s.seed !== undefined,
          };
        }),
      },
    });
  }

  private addRun(sp: ServicePlan): ServiceRun {
    const project = this.project;
    const run = new ServiceRun(project.services[sp.service], sp);
    // For compose-style messages ("container x exited").
    if (sp.kind !== 'process') run.containerName = unitContainerName(project, sp);
    this.runs.set(sp.unit, run);
    this.opts.dispatch({ type: 'service/phase', service: sp.unit, phase: 'pending', at: this.ctx.now() });
    return run;
  }

  /** Resolves once every service is ready (jobs: completed) or something failed for good. */
  async settled(): Promise<Settled> {
    const results = await Promise.all(
      [...this.runs.values()].map(async (run) => ({ run, ok: await (run.svc.kind === 'job' ? run.completed : run.ready).wait(this.abort.signal) })),
    );
    // A service that was ready and has since exited for good (non-zero) failed too.
    const failures = results
      .filter((r) => !r.ok || r.run.exit)
      .map(({ run, ok }) => ({
        service: run.name,
        reason: ok && run.exit ? `exited with code ${run.exit.code}` : (run.svc.kind === 'job' ? run.completed : run.ready).reason || 'stopped',
        lastLines: [...run.lastLines],
      }));
    return { ok: failures.length === 0, failures };
  }

  private line(service: string, stream: LogStream, line: string): void {
    this.runs.get(service)?.remember(line);
    this.logs.push({ service, stream, line, at: this.ctx.now() });
  }

  private async runService(run: ServiceRun): Promise<void> {
    const sp = run.plan;
    const phase = (p: Action & { type: 'service/phase' }) => this.opts.dispatch(p);
    try {
      const image = await this.imageOnce(run, sp);
      // compose creates every container first, in dependency order, and only then starts each once
      // its dependencies meet their conditions; so does a session (a created container waits, and
      // its creation is off the critical path). A host process has nothing to create: it waits first.
      const container = sp.kind !== 'process';
      if (container) await this.afterDependenciesCreated(run);
      else await awaitGates(this.ctx, run);
      const fresh = sp.step.action === 'create' || sp.step.action === 'recreate' || sp.step.action === 'spawn';
      if (fresh) phase({ type: 'service/phase', service: run.name, phase: 'creating', at: this.ctx.now(), ...(sp.step.action === 'recreate' ? { reason: RECREATING } : {}) });
      if (this.stopping) return void run.created.fail('stopped'); // stop() came while this one waited: nothing is made after it
      const instance = await this.instanceFor(run, sp, image);
      this.instances.set(run.name, instance);
      run.created.resolve();
      if (container) await awaitGates(this.ctx, run);
      if (this.stopping && sp.step.action !== 'reuse') return; // created, never started
      const reattach = sp.step.action === 'reuse' && instance instanceof ContainerInstance;
      phase({ type: 'service/phase', service: run.name, phase: 'starting', at: this.ctx.now(), ...(reattach ? { reason: REATTACHED } : {}) });
      if (reattach) {
        this.line(run.name, 'system', 'unchanged and running; reattached');
        instance.attach();
      }
      else await instance.start();
      // stop() ran while this one was being created or started: it could not see it, so stop it here.
      if (this.stopping) return void (await instance.stop(run.svc.stopGracePeriodMs).catch(() => instance.kill()));
      await this.startSyncFor(run.svc, instance, run.name);
      await supervise(this.ctx, run, instance, this.supervisor());
    } catch (err) {
      if (this.abort.signal.aborted) return;
      const reason = err instanceof FoxdevError ? err.message : `${(err as Error).message}`;
      this.line(run.name, 'system', reason);
      phase({ type: 'service/phase', service: run.name, phase: 'failed', at: this.ctx.now(), reason });
      run.failAll(reason);
    }
  }

  /** Until every container this one depends on exists (made, or failed to be: the gates then say why). */
  private async afterDependenciesCreated(run: ServiceRun): Promise<void> {
    for (const gate of run.plan.gates) for (const dep of runsOf(this.runs, gate.service)) await dep.created.wait(this.abort.signal);
  }

  /** The service's image, built once however many replicas wait for it (the first replica's plan decides). */
  private imageOnce(run: ServiceRun, sp: ServicePlan): Promise<string> {
    let image = this.images.get(sp.service);
    if (!image) {
      const lead = this.plan?.services.find((s) => s.service === sp.service && s.replica === 1) ?? sp;
      image = this.imageFor(run.svc, lead, run.name);
      this.images.set(sp.service, image);
    }
    return image;
  }

  private async imageFor(svc: Service, sp: ServicePlan, unit: string): Promise<string> {
    const { runtime } = this.opts;
    const project = this.project;
    if (!svc.build) return svc.image ?? '';
    const prepared = this.builds.get(svc.name);
    if (sp.build === 'build' && prepared) {
      this.opts.dispatch({ type: 'service/phase', service: unit, phase: 'building', at: this.ctx.now() });
      this.line(unit, 'system', `building image ${prepared.tag} from ${svc.build.context}`);
      await runtime.buildImage(prepared, (l) => this.line(unit, 'build', l), this.abort.signal);
    }
    return imageName(project.name, svc);
  }

  private async instanceFor(run: ServiceRun, sp: ServicePlan, image: string): Promise<Instance> {
    const { runtime } = this.opts;
    const project = this.project;
    const svc = run.svc;
    const onLine = (stream: 'stdout' | 'stderr', l: string) => this.line(run.name, stream, l);
    if (svc.kind === 'process') {
      if (!svc.run) throw new FoxdevError('internal', `${svc.name} is a process without a run command`);
      const inst = new ProcessInstance(runtime, stateDir(project), svc.name, svc.run, onLine, this.opts.detach === true);
      if (sp.step.action === 'adopt') {
        inst.adopt(sp.step.pid);
        this.line(svc.name, 'system', `already running (pid ${sp.step.pid}); reattached`);
      }
      return inst;
    }
    const step = sp.step;
    if (step.action === 'reuse' || step.action === 'start') {
      // Left by an `up -d` with the engine's policy: while this session supervises, the engine must not restart it too.
      await runtime.setRestartPolicy(step.id, SUPERVISED);
      return new ContainerInstance(runtime, step.id, onLine, hooksOf(svc), this.ctx.now);
    }
    if (step.action === 'recreate') this.line(run.name, 'system', `recreating: ${step.because}`);
    const c = await createServiceContainer(runtime, project, svc, image, {
      buildHash: this.builds.get(svc.name)?.hash,
      replica: sp.replica,
      replaces: step.action === 'recreate' ? step.id : undefined,
      renewAnonVolumes: this.planOptions.renewAnonVolumes,
      say: (l) => this.line(run.name, 'system', l),
    });
    return new ContainerInstance(runtime, c.id, onLine, hooksOf(svc), this.ctx.now);
  }

  /** The session's runs a name stands for: one unit (`web-2`, or an unscaled service), or every replica of a service. */
  private unitsNamed(name: string): ServiceRun[] {
    const one = this.runs.get(name);
    return one ? [one] : runsOf(this.runs, name);
  }

  /** Restart one service, every replica of a scaled one, or one replica (dashboard `r`, `foxdev restart`). */
  async restart(service: string): Promise<void> {
    const units = [...this.runs.values()].filter((run) => this.instances.has(run.name)).map((run) => ({ name: run.name, service: run.svc.name, running: !run.exit && run.started.state === 'ok' }));
    const plan = planRestart(this.project, [service], units);
    for (const line of formatRestartPlan(plan).split('\n')) this.line(this.unitsNamed(service)[0]?.name ?? service, 'system', `restart: ${line}`);
    // The named units now; the `restart: true` dependents follow from their supervisors
    // (restartDependents) once these are ready again, as the plan says.
    const now = plan.ops.filter((o) => !o.after.length);
    await Promise.all(now.map((o) => requestRestart(this.runs.get(o.unit)!, this.instances.get(o.unit)!)));
  }

  /**
   * Rebuild a service's image and recreate its containers, every replica's (dashboard `b`, sync
   * `rebuild` rules). `because` names what caused it, e.g. the file that changed. A second ask
   * while one runs (each replica's sync sees the same edit) joins it.
   */
  rebuild(name: string, because = 'rebuild requested'): Promise<void> {
    const service = this.runs.get(name)?.svc.name ?? name;
    let pending = this.rebuilding.get(service);
    if (!pending) {
      pending = this.rebuildService(service, because).finally(() => this.rebuilding.delete(service));
      this.rebuilding.set(service, pending);
    }
    return pending;
  }

  private async rebuildService(service: string, because: string): Promise<void> {
    const { runtime } = this.opts;
    const project = this.project;
    const svc = project.services[service];
    const runs = runsOf(this.runs, service);
    const running = [...this.runs.values()].filter((r) => this.instances.has(r.name) && r.started.state === 'ok').map((r) => ({ unit: r.name, service: r.svc.name }));
    const plan = planRebuild(project, service, runs.map((r) => r.name), because, running);
    const lead = runs[0].name;
    this.line(lead, 'system', `rebuilding: ${because}`);
    for (const line of formatRebuildPlan(plan).split('\n')) this.line(lead, 'system', `rebuild: ${line}`);
    const prepared = await prepareBuild({ project: project.name, service, tag: imageName(project.name, svc), build: svc.build! }); // planRebuild refused a service without one
    this.builds.set(service, prepared);
    for (const run of runs) this.opts.dispatch({ type: 'service/phase', service: run.name, phase: 'building', at: this.ctx.now() });
    await runtime.buildImage(prepared, (l) => this.line(lead, 'stdout', l), this.abort.signal);
    const existing = (await runtime.listProjectContainers(project.name)).filter((c) => c.service === service && !isOneOff(c.labels));
    await Promise.all(runs.map((run) => this.replaceContainer(run, prepared, existing.find((c) => c.number === run.plan.replica)?.id)));
    for (const run of runs) void restartDependents(this.ctx, run, this.supervisor()); // depends_on restart: true
  }

  /** One replica onto the new image: the old container's supervisor ends quietly instead of seeing a crash. */
  private async replaceContainer(run: ServiceRun, prepared: PreparedBuild, oldId: string | undefined): Promise<void> {
    const { runtime } = this.opts;
    const project = this.project;
    const svc = run.svc;
    run.generation++;
    run.resetForRestart();
    const old = this.instances.get(run.name);
    if (old) {
      await old.stop(svc.stopGracePeriodMs).catch(() => old.kill());
      old.release();
    }
    const c = await createServiceContainer(runtime, project, svc, imageName(project.name, svc), {
      replaces: oldId,
      buildHash: prepared.hash,
      replica: run.plan.replica,
      say: (l) => this.line(run.name, 'system', l),
    });
    const inst = new ContainerInstance(runtime, c.id, (stream, l) => this.line(run.name, stream, l), hooksOf(svc), this.ctx.now);
    this.instances.set(run.name, inst);
    this.opts.dispatch({ type: 'service/phase', service: run.name, phase: 'starting', at: this.ctx.now() });
    await inst.start();
    await this.startSyncFor(svc, inst, run.name);
    this.tasks.push(supervise(this.ctx, run, inst, this.supervisor()));
  }

  /**
   * The config files changed while the session runs: plan the new config against what exists
   * (plan/config-change.ts) and apply only the difference — recreate changed units, create new
   * ones, stop and remove the ones whose service left. The plan is shown first. A config that does
   * not load never gets here (the caller reports it and nothing is touched).
   */
  async applyConfig(next: Project): Promise<ConfigChangePlan> {
    if (this.stopping) throw new FoxdevError('usage', 'the session is stopping; the changed config is not applied');
    const { runtime } = this.opts;
    const before = this.project;
    const targets = this.targets.filter((t) => next.services[t]);
    const selected = this.select(targets, this.planOptions.noDeps, next);
    const { observed, builds } = await observe(runtime, next, selected);
    const up = planUp(next, observed, selected, { ...this.planOptions, forceRecreate: false });
    const current = [...this.runs.values()].map((r) => ({ unit: r.name, service: r.svc.name }));
    const change = planConfigChange(up, current, (svc) => (before.services[svc] ? changedKeys(before.services[svc], next.services[svc]) : []));
    // About the project, not one service: under the project's name, as the reload's own errors are.
    for (const line of formatConfigChangePlan(change).split('\n')) this.line(next.name, 'system', `config changed: ${line}`);
    if (!change.ops.length) return change;
    this.project = next;
    this.plan = up;
    for (const [k, v] of builds) this.builds.set(k, v);
    for (const op of change.ops) if (op.op === 'remove') await this.removeUnit(op.unit, op.cause);
    await prepareNetworks(runtime, next, [...new Set(up.services.map((s) => s.service))]);
    for (const key of up.volumesToCreate) await runtime.createVolume(next.name, next.volumes[key].name, next.volumes[key].labels);
    this.announce(up);
    for (const op of change.ops) {
      if (op.op === 'remove') continue;
      if (op.op === 'recreate') await this.retire(op.unit, `stopping to recreate it (${op.cause})`);
      this.images.delete(op.service); // the image may have to be built anew for the new config
      const sp = op.plan.step.action === 'recreate' ? { ...op.plan, step: { ...op.plan.step, because: op.cause } } : op.plan;
      const run = this.addRun(sp);
      this.tasks.push(this.runService(run));
    }
    return change;
  }

  /** Stop a unit's instance and end its supervisor quietly; its container stays for the caller. */
  private async retire(unit: string, why: string): Promise<void> {
    const run = this.runs.get(unit);
    const inst = this.instances.get(unit);
    if (run) {
      run.generation++; // its supervisor sees the exit as the end of its run, not a crash
      run.stopping = true;
      run.probes.abort();
      this.line(unit, 'system', why);
    }
    await this.sync.detach(unit);
    if (inst) {
      this.opts.dispatch({ type: 'service/phase', service: unit, phase: 'stopping', at: this.ctx.now() });
      await inst.stop(run?.svc.stopGracePeriodMs ?? 10_000).catch(() => inst.kill());
      inst.release();
    }
    this.instances.delete(unit);
    run?.stopped.resolve();
  }

  private async removeUnit(unit: string, why: string): Promise<void> {
    const inst = this.instances.get(unit);
    await this.retire(unit, `stopping: ${why}`);
    if (inst instanceof ContainerInstance) await this.opts.runtime.removeContainer(inst.id);
    this.runs.delete(unit);
  }

  /**
   * Reset and seed databases (dashboard `s`): walks the reseed plan (plan/reseed.ts), the same
   * one `foxdev seed` walks — dependents down, reset, dependent jobs again, dependents back once.
   */
  async reseed(services: string[], cause = 'dashboard s'): Promise<ReseedOutcome> {
    const reseedOne = this.opts.reseed;
    if (!reseedOne) throw new FoxdevError('usage', 'seeding is not available in this session');
    for (const service of services) if (!this.instances.get(service)) throw new FoxdevError('usage', `${service} is not running in this session`);
    const plan = planReseed(this.project, services, sessionReseedState(this.runs, this.instances), cause);
    for (const line of formatReseedPlan(plan).split('\n')) this.line(plan.targets[0], 'system', `reseed: ${line}`);
    const actions = sessionReseedActions({
      ctx: this.ctx,
      instances: this.instances,
      runtime: this.opts.runtime,
      services: this.project.services,
      reseedOne,
      supervise: (run, inst) => {
        const task = supervise(this.ctx, run, inst, this.supervisor());
        this.tasks.push(task);
        return task;
      },
      restarted: (run) => void this.sync.restarted(run.name),
    });
    const outcome = await walkReseed(plan, actions);
    if (outcome.ok) return outcome;
    const failed = outcome.failed!;
    if (failed.op.op === 'reseed') throw failed.error; // the old data stays; what was stopped runs again
    for (const line of describeOutcome(outcome)) this.line(failed.op.service, 'system', line);
    throw new FoxdevError('seed', `reseed of ${plan.targets.join(', ')}: ${failed.op.service} failed (${failed.reason})`);
  }

  /**
   * Stop every service, dependents before their dependencies, each with its grace period.
   * `force` kills at once (a second Ctrl-C). Volumes are kept.
   */
  async stop(opts: { force?: boolean } = {}): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const run of this.runs.values()) {
      run.stopping = true;
      run.probes.abort();
    }
    if (opts.force) {
      await Promise.all([...this.instances.values()].map((i) => i.kill().catch(() => {})));
    } else {
      // plan/stop.ts orders it: dependents first, a level at a time, a level's services side by side.
      const units = [...this.runs.values()].map((run) => ({
        service: run.svc.name,
        name: run.name,
        kind: run.svc.run ? ('process' as const) : ('container' as const),
        running: this.instances.has(run.name),
        run,
      }));
      for (const level of planStop(this.project, units).levels) await Promise.all(level.map((s) => this.stopOne(s.unit.run, s.graceMs)));
      // Services that never got an instance have nothing to stop; they are marked stopped all the same.
      for (const run of this.runs.values()) if (!this.instances.has(run.name)) await this.stopOne(run, 0);
    }
    await this.sync.close();
    this.logs.flush();
    await Promise.allSettled(this.tasks);
  }

  private async stopOne(run: ServiceRun, graceMs: number): Promise<void> {
    const inst = this.instances.get(run.name);
    if (inst) {
      this.opts.dispatch({ type: 'service/phase', service: run.name, phase: 'stopping', at: this.ctx.now() });
      await inst.stop(graceMs).catch(() => inst.kill());
    }
    this.opts.dispatch({ type: 'service/phase', service: run.name, phase: 'stopped', at: this.ctx.now() });
    run.stopped.resolve();
  }

  /**
   * Stop waiting and supervising without stopping anything (up --detach leaves it running). Each
   * container gets the engine restart policy compose would give it, so restarts go on without us.
   */
  async detach(): Promise<void> {
    this.abort.abort();
    for (const run of this.runs.values()) {
      run.stopping = true;
      run.probes.abort();
    }
    for (const inst of this.instances.values()) inst.release();
    await Promise.all(
      [...this.runs.values()].map(async (run) => {
        const inst = this.instances.get(run.name);
        const policy = engineRestartPolicy(run.svc);
        if (!(inst instanceof ContainerInstance) || policy.Name === 'no') return;
        await this.opts.runtime.setRestartPolicy(inst.id, policy).catch((err) => this.line(run.name, 'system', `restart policy not handed to the engine: ${(err as Error).message}`));
      }),
    );
    this.logs.flush();
  }
}

/** The container a unit runs in: its container_name, or `<project>-<service>-<n>`. */
function unitContainerName(project: Project, sp: ServicePlan): string {
  return containerNameOf(project, sp.service, sp.replica);
}
