// The body of `foxdev seed`: find each selected service's running container by its labels, then
// reset (or restore, save, report status). Destructive actions need a confirmation or --yes.
import type { Project, ResolvedSeed } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { formatReseedPlan, planReseed, type ReseedOp } from '../../plan/reseed.js';
import { selectSeedServices } from '../../plan/seed-select.js';
import { engineUnreachable } from '../../runtime/engine-endpoint.js';
import { engineRuntime } from '../../runtime/engine-runtime.js';
import type { ContainerHandle, Runtime } from '../../runtime/runtime.js';
import { LABEL_PROJECT, LABEL_SERVICE } from '../../names/labels.js';
import { resetAndSeed, restoreSnapshot, saveSnapshot, seedStatus, type SeedOptions } from './api.js';
import { dockerReseedActions, dockerReseedState } from './reseed-docker.js';
import { describeOutcome, walkReseed } from './reseed-walk.js';
import { checkSnapshotExists, checkSnapshotName, snapshotDir } from './snapshot.js';

export interface SeedCommandOptions {
  yes?: boolean;
  save?: string;
  restore?: string;
  status?: boolean;
  /** Print the reseed plan (what would be stopped, reset, re-run, restarted) and change nothing. */
  dryRun?: boolean;
}

export interface SeedIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** True on a terminal, where a question can be asked. */
  interactive: boolean;
  /**
   * A running `foxdev up` session of the project: a reset goes through it, so it walks the same
   * reseed plan as the dashboard's `s` and its supervisor does not see the stops as crashes.
   */
  session?: { reseed(services: string[]): Promise<void> };
  /** Ask a yes/no question (only called when interactive). */
  confirm?: (question: string) => Promise<boolean>;
}

interface Target {
  service: string;
  seed: ResolvedSeed;
  container: ContainerHandle;
}

export async function runSeedCommand(project: Project, names: string[], opts: SeedCommandOptions, io: SeedIO, runtime: Runtime = engineRuntime()): Promise<number> {
  const modes = [opts.save !== undefined, opts.restore !== undefined, Boolean(opts.status)].filter(Boolean).length;
  if (modes > 1) throw new FoxdevError('usage', '--save, --restore and --status cannot be combined');
  const services = selectSeedServices(project, names);
  // Snapshot names are checked before the engine is asked anything, let alone dependents stopped.
  if (opts.save !== undefined) checkSnapshotName('--save', opts.save);
  if (opts.restore !== undefined) for (const s of services) await checkSnapshotExists(project.dir, s, opts.restore);
  const targets: Target[] = await Promise.all(services.map(async (s) => ({ service: s, seed: project.services[s].seed!, container: await findContainer(runtime, project.name, s) })));
  const base = (service: string) => ({ service, projectDir: project.dir, onLog: (l: string) => io.err(`${service}: ${l}\n`) });

  if (opts.status) {
    for (const t of targets) io.out(`${t.service}\t${describe(t.seed)}\t${await seedStatus(t.container, t.seed, base(t.service))}\n`);
    return 0;
  }
  if (opts.save !== undefined) {
    for (const t of targets) {
      const meta = await saveSnapshot(t.container, t.seed, opts.save, snapshotDir(project.dir, t.service), base(t.service));
      io.out(`${t.service}: saved snapshot "${opts.save}" (${(meta.bytes / 1e6).toFixed(1)} MB)\n`);
    }
    return 0;
  }

  if (opts.dryRun) {
    const { state } = await dockerReseedState(runtime, project);
    io.out(formatReseedPlan(planReseed(project, services, state, causeOf(opts))) + '\n');
    return 0;
  }
  const verb = opts.restore !== undefined ? `restore snapshot "${opts.restore}" into` : 'reset and reseed';
  const what = targets.map((t) => `${t.service} (${describe(t.seed)})`).join(', ');
  if (!opts.yes) {
    if (!io.interactive || !io.confirm)
      throw new FoxdevError('usage', `foxdev seed would ${verb} ${what}, replacing its data; pass --yes to confirm when not on a terminal`);
    if (!(await io.confirm(`${verb[0].toUpperCase()}${verb.slice(1)} ${what}? Its current data will be replaced. [y/N] `))) {
      io.err('foxdev: nothing changed\n');
      return 130;
    }
  }
  if (io.session && opts.restore === undefined) {
    const t0 = Date.now();
    await io.session.reseed(services);
    io.out(`${services.join(', ')}: reset and seeded by the running session in ${((Date.now() - t0) / 1000).toFixed(2)} s\n`);
    return 0;
  }
  return reseedWalk(runtime, project, targets, opts, io, base);
}

/** Reset (or restore) the targets through the reseed plan: dependents down, reset, jobs again, dependents back. */
async function reseedWalk(runtime: Runtime, project: Project, targets: Target[], opts: SeedCommandOptions, io: SeedIO, base: (s: string) => SeedOptions): Promise<number> {
  const restore = opts.restore;
  const { state, ids } = await dockerReseedState(runtime, project);
  const plan = planReseed(project, targets.map((t) => t.service), state, causeOf(opts));
  const byService = new Map(targets.map((t) => [t.service, t]));
  const actions = dockerReseedActions(runtime, project, ids, {
    reseed: async (service) => {
      const t = byService.get(service)!;
      const t0 = Date.now();
      await (restore !== undefined
        ? restoreSnapshot(t.container, t.seed, restore, snapshotDir(project.dir, service), base(service))
        : resetAndSeed(t.container, t.seed, base(service)));
      io.out(`${service}: ${restore !== undefined ? `restored "${restore}"` : 'reset and seeded'} in ${((Date.now() - t0) / 1000).toFixed(2)} s\n`);
    },
    jobLine: (service, line) => io.err(`${service}: ${line}\n`),
  });
  actions.starting = (op) => {
    if (op.op !== 'reseed') io.err(`${op.by.join(', ')}: ${progressLine(op)}\n`);
  };
  const outcome = await walkReseed(plan, actions);
  if (outcome.ok) return 0;
  const failed = outcome.failed!;
  if (failed.op.op === 'reseed') {
    // The library kept the old data; its own error (file:line of the SQL) is the message.
    io.err(`foxdev: ${failed.op.service}: the reset failed; the old data stays and what was stopped for it runs again\n`);
    throw failed.error;
  }
  for (const line of describeOutcome(outcome)) io.err(`foxdev: ${line}\n`);
  return 1;
}

function causeOf(opts: SeedCommandOptions): string {
  return opts.restore !== undefined ? `foxdev seed --restore ${opts.restore}` : 'foxdev seed';
}

function progressLine(op: ReseedOp): string {
  const verb = { stop: 'stopping', pause: 'pausing', reseed: 'resetting', 'run-job': 'running again', restart: 'starting again', resume: 'resuming' }[op.op];
  return `${verb} ${op.service} (${op.cause})`;
}

function describe(seed: ResolvedSeed): string {
  return seed.kind === 'postgres' ? `postgres database "${seed.database}"` : `command on the ${seed.where}`;
}

export async function findContainer(runtime: Runtime, project: string, service: string): Promise<ContainerHandle> {
  let found: Array<{ id: string }>;
  try {
    found = await runtime.listContainersByLabel([`${LABEL_PROJECT}=${project}`, `${LABEL_SERVICE}=${service}`], { status: ['running'] });
  } catch (err) {
    throw engineUnreachable(err);
  }
  if (found.length === 0) throw new FoxdevError('seed', `${service} is not running in project ${project}`, { hint: 'start it with foxdev up' });
  return runtime.handle(found[0].id);
}
