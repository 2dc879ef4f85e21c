// One `foxdev up`: plan against what exists, then start every selected service as soon as its
// dependencies allow (builds begin at once, in parallel), supervise them, and stop them in
// reverse dependency order. Decisions live in plan/; this file carries them out.
import type Docker from 'dockerode';
import type { Project, Service } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { ancestors, dependencyOrder, graphOf } from '../plan/graph.js';
import { containerNameOf } from '../plan/spec-runtime.js';
import { hooksOf } from '../plan/hooks.js';
import { planUp, type ServicePlan, type UpPlan, type UpPlanOptions } from '../plan/up.js';
import { planStop } from '../plan/stop.js';
import type { Action } from '../store/actions.js';
import { buildImage, prepareBuild, type PreparedBuild } from '../runtime/docker/build.js';
import { createContainer, listProjectContainers, removeContainer } from '../runtime/docker/containers.js';
import { createVolume } from '../runtime/docker/objects.js';
import { imageName } from '../names/labels.js';
import { prepareNetworks } from './networks.js';
import { createServiceContainer } from './service-container.js';
import { ContainerInstance } from './container-instance.js';
import type { SessionContext, Seeder } from './context.js';
import { awaitGates } from './gates.js';
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
import { describeOutcome, walkReseed, type ReseedOutcome } from './seed/reseed-walk.js';
import { sessionReseedActions, sessionReseedState } from './seed/reseed-session.js';

export interface SessionOptions {
  docker: Docker;
  project: Project;
  dispatch: (a: Action) => void;
  seeder?: Seeder;
  /** Reset + seed one database service (the dashboard's `s`). */
  reseed?: (svc: Service, instance: Instance, log: (line: string) => void) => Promise<void>;
  /** Host processes outlive foxdev (up --detach). */
  detach?: boolean;
  now?: () => number;
}

export interface Settled {
  ok: boolean;
  failures: Array<{ service: string; reason: string; lastLines: string[] }>;
}

export class Session {
  readonly runs = new Map<string, ServiceRun>();
  readonly instances = new Map<string, Instance>();
  private readonly abort = new AbortController();
  private readonly logs: LogBatcher;
  private readonly ctx: SessionContext;
  private builds = new Map<string, PreparedBuild>();
  private tasks: Promise<void>[] = [];
  private readonly sync: LiveSync;
  plan?: UpPlan;

  constructor(private readonly opts: SessionOptions) {
    this.logs = new LogBatcher(opts.dispatch);
    const now = opts.now ?? Date.now;
    this.ctx = {
      dispatch: opts.dispatch,
      runs: this.runs,
      signal: this.abort.signal,
      seeder: opts.seeder,
      now,
      say: (service, line) => this.line(service, 'system', line),
    };
    this.sync = new LiveSync(opts.docker, opts.project, {
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
  private async startSyncFor(svc: Service, instance: Instance): Promise<void> {
    if (this.opts.detach || !svc.sync.length) return;
    if (instance instanceof ContainerInstance) await this.sync.attachContainer(svc, instance.id);
    else await this.sync.watchProcess(svc);
  }

  /** The services to run for `targets` (all when empty): them and what they need, dependencies first. */
  select(targets: string[], noDeps = false): string[] {
    const { project } = this.opts;
    for (const t of targets) {
      if (!project.services[t]) throw new FoxdevError('usage', `no service named ${t} (have: ${Object.keys(project.services).join(', ')})`);
    }
    const g = graphOf(project);
    const wanted = new Set(targets.length ? (noDeps ? targets : ancestors(g, targets)) : Object.keys(project.services));
    return dependencyOrder(g).filter((n) => wanted.has(n));
  }

  /** Observe the engine, plan, and check host ports; nothing is changed yet. */
  async prepare(targets: string[], planOptions: UpPlanOptions = {}): Promise<UpPlan> {
    const { docker, project } = this.opts;
    const selected = this.select(targets, planOptions.noDeps);
    const { observed, builds, ownPorts } = await observe(docker, project, selected);
    this.builds = builds;
    const plan = planUp(project, observed, selected, planOptions);
    await checkPorts(project, plan, ownPorts);
    this.plan = plan;
    return plan;
  }

  /** Start everything in the plan; returns at once, services come up in the background. */
  async start(plan: UpPlan): Promise<void> {
    const { docker, project } = this.opts;
    this.opts.dispatch({
      type: 'project/loaded',
      project: {
        name: project.name,
        services: plan.services.map((sp) => {
          const s = project.services[sp.service];
          return {
            name: s.name,
            kind: s.kind,
            ports: s.ports.map((p) => ({ published: p.published, target: p.target, protocol: p.protocol })),
            dependsOn: Object.keys(s.depends_on),
            hasSync: s.sync.length > 0,
            hasSeed: s.seed !== undefined,
          };
        }),
      },
    });
    for (const sp of plan.services) {
      const run = new ServiceRun(project.services[sp.service], sp);
      if (sp.kind !== 'process') run.containerName = containerNameOf(project, sp.service); // for compose-style messages
      this.runs.set(sp.service, run);
      this.opts.dispatch({ type: 'service/phase', service: sp.service, phase: 'pending', at: this.ctx.now() });
    }
    await prepareNetworks(docker, project, plan.services.map((s) => s.service));
    for (const key of plan.volumesToCreate) await createVolume(docker, project.name, project.volumes[key].name, project.volumes[key].labels);
    this.tasks = [...this.runs.values()].map((run) => this.runService(run));
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

  private line(service: string, stream: 'stdout' | 'stderr' | 'system', line: string): void {
    this.runs.get(service)?.remember(line);
    this.logs.push({ service, stream, line, at: this.ctx.now() });
  }

  private async runService(run: ServiceRun): Promise<void> {
    const sp = run.plan;
    const phase = (p: Action & { type: 'service/phase' }) => this.opts.dispatch(p);
    try {
      const image = await this.imageFor(run.svc, sp);
      await awaitGates(this.ctx, run);
      const fresh = sp.step.action === 'create' || sp.step.action === 'recreate' || sp.step.action === 'spawn';
      if (fresh) phase({ type: 'service/phase', service: run.name, phase: 'creating', at: this.ctx.now() });
      const instance = await this.instanceFor(run.svc, sp, image);
      this.instances.set(run.name, instance);
      phase({ type: 'service/phase', service: run.name, phase: 'starting', at: this.ctx.now() });
      if (sp.step.action === 'reuse' && instance instanceof ContainerInstance) {
        this.line(run.name, 'system', 'unchanged and running; reattached');
        instance.attach();
      }
      else await instance.start();
      await this.startSyncFor(run.svc, instance);
      await supervise(this.ctx, run, instance, this.supervisor());
    } catch (err) {
      if (this.abort.signal.aborted) return;
      const reason = err instanceof FoxdevError ? err.message : `${(err as Error).message}`;
      this.line(run.name, 'system', reason);
      phase({ type: 'service/phase', service: run.name, phase: 'failed', at: this.ctx.now(), reason });
      run.failAll(reason);
    }
  }

  private async imageFor(svc: Service, sp: ServicePlan): Promise<string> {
    const { docker, project } = this.opts;
    if (!svc.build) return svc.image ?? '';
    const prepared = this.builds.get(svc.name);
    if (sp.build === 'build' && prepared) {
      this.opts.dispatch({ type: 'service/phase', service: svc.name, phase: 'building', at: this.ctx.now() });
      this.line(svc.name, 'system', `building image ${prepared.tag} from ${svc.build.context}`);
      await buildImage(docker, prepared, (l) => this.line(svc.name, 'stdout', l), this.abort.signal);
    }
    return imageName(project.name, svc.name);
  }

  private async instanceFor(svc: Service, sp: ServicePlan, image: string): Promise<Instance> {
    const { docker, project } = this.opts;
    const onLine = (stream: 'stdout' | 'stderr', l: string) => this.line(svc.name, stream, l);
    if (svc.kind === 'process') {
      if (!svc.run) throw new FoxdevError('internal', `${svc.name} is a process without a run command`);
      const inst = new ProcessInstance(stateDir(project), svc.name, svc.run, onLine, this.opts.detach === true);
      if (sp.step.action === 'adopt') {
        inst.adopt(sp.step.pid);
        this.line(svc.name, 'system', `already running (pid ${sp.step.pid}); reattached`);
      }
      return inst;
    }
    const step = sp.step;
    if (step.action === 'reuse' || step.action === 'start') return new ContainerInstance(docker, step.id, onLine, hooksOf(svc));
    if (step.action === 'recreate') {
      this.line(svc.name, 'system', `recreating: ${step.because}`);
      await removeContainer(docker, step.id);
    }
    const c = await createServiceContainer(docker, project, svc, image, { buildHash: this.builds.get(svc.name)?.hash, say: (l) => this.line(svc.name, 'system', l) });
    return new ContainerInstance(docker, c.id, onLine, hooksOf(svc));
  }

  /** Restart one service (dashboard `r`, `foxdev restart`). */
  async restart(service: string): Promise<void> {
    const run = this.runs.get(service);
    const inst = this.instances.get(service);
    if (!run || !inst) throw new FoxdevError('usage', `${service} is not running in this session`);
    this.line(service, 'system', 'restart requested');
    await requestRestart(run, inst);
  }

  /**
   * Rebuild a service's image and recreate its container (dashboard `b`, sync `rebuild` rules).
   * `because` names what caused it, e.g. the file that changed.
   */
  async rebuild(service: string, because = 'rebuild requested'): Promise<void> {
    const { docker, project } = this.opts;
    const run = this.runs.get(service);
    const old = this.instances.get(service);
    const svc = project.services[service];
    if (!run || !svc) throw new FoxdevError('usage', `${service} is not part of this session`);
    if (!svc.build) throw new FoxdevError('usage', `${service} has no build section; nothing to rebuild`);
    this.line(service, 'system', `rebuilding: ${because}`);
    const prepared = await prepareBuild({ project: project.name, service, tag: imageName(project.name, service), build: svc.build });
    this.builds.set(service, prepared);
    this.opts.dispatch({ type: 'service/phase', service, phase: 'building', at: this.ctx.now() });
    await buildImage(docker, prepared, (l) => this.line(service, 'stdout', l), this.abort.signal);
    // Replace the container: the old one's supervisor ends quietly instead of seeing a crash.
    run.generation++;
    run.resetForRestart();
    if (old) {
      await old.stop(svc.stopGracePeriodMs).catch(() => old.kill());
      old.release();
    }
    const existing = (await listProjectContainers(docker, project.name)).find((c) => c.service === service);
    if (existing) await removeContainer(docker, existing.id);
    const c = await createServiceContainer(docker, project, svc, imageName(project.name, service), { buildHash: prepared.hash, say: (l) => this.line(service, 'system', l) });
    const inst = new ContainerInstance(docker, c.id, (stream, l) => this.line(service, stream, l), hooksOf(svc));
    this.instances.set(service, inst);
    this.opts.dispatch({ type: 'service/phase', service, phase: 'starting', at: this.ctx.now() });
    await inst.start();
    await this.startSyncFor(svc, inst);
    this.tasks.push(supervise(this.ctx, run, inst, this.supervisor()));
    void restartDependents(this.ctx, run, this.supervisor()); // depends_on restart: true
  }

  /**
   * Reset and seed databases (dashboard `s`): walks the reseed plan (plan/reseed.ts), the same
   * one `foxdev seed` walks — dependents down, reset, dependent jobs again, dependents back once.
   */
  async reseed(services: string[], cause = 'dashboard s'): Promise<ReseedOutcome> {
    const reseedOne = this.opts.reseed;
    if (!reseedOne) throw new FoxdevError('usage', 'seeding is not available in this session');
    for (const service of services) if (!this.instances.get(service)) throw new FoxdevError('usage', `${service} is not running in this session`);
    const plan = planReseed(this.opts.project, services, sessionReseedState(this.runs, this.instances), cause);
    for (const line of formatReseedPlan(plan).split('\n')) this.line(plan.targets[0], 'system', `reseed: ${line}`);
    const actions = sessionReseedActions({
      ctx: this.ctx,
      instances: this.instances,
      docker: this.opts.docker,
      services: this.opts.project.services,
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
        service: run.name,
        name: run.name,
        kind: run.svc.run ? ('process' as const) : ('container' as const),
        running: this.instances.has(run.name),
        run,
      }));
      for (const level of planStop(this.opts.project, units).levels) await Promise.all(level.map((s) => this.stopOne(s.unit.run, s.graceMs)));
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

  /** Stop waiting and supervising without stopping anything (up --detach leaves it running). */
  detach(): void {
    this.abort.abort();
    for (const run of this.runs.values()) {
      run.stopping = true;
      run.probes.abort();
    }
    for (const inst of this.instances.values()) inst.release();
    this.logs.flush();
  }
}
