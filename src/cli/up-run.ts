// `foxdev up` with a view: the dashboard on a terminal, prefixed lines otherwise. Ctrl-C (or q)
// stops everything in reverse dependency order; a second one kills at once.
import type { Project } from '../config/project.js';
import { formatPlan, type UpPlanOptions } from '../plan/up.js';
import { createStore, initialState } from '../store/index.js';
import { createLinePrinter } from '../logfmt/index.js';
import { connectRuntime } from '../runtime/engine-runtime.js';
import type { Runtime } from '../runtime/runtime.js';
import { Session } from '../engine/session.js';
import { dockerReseed, dockerSeeder } from '../engine/seeder.js';
import { settledError, waitSettled } from '../engine/up.js';
import { reportError } from './report.js';
import { FoxdevError } from '../errors.js';
import { handleIntent } from './intents.js';
import { loadDashboard } from './load-dashboard.js';
import { announceWatch } from './watch-announce.js';
import { composeProgressLines } from './up-progress.js';
import { composeLabel } from '../names/labels.js';
import { composeExitLines } from './up-exits.js';
import { whenAllEnded } from './up-ends.js';
import { removeOrphansSet } from '../plan/orphans.js';
import { serveWeb, type WebFlags } from './up-web.js';

export interface RunUpOptions {
  detach: boolean;
  /** Load the config again (a foreground up applies a changed config while it runs). */
  reload?: () => Promise<Project>;
  tui: boolean;
  waitTimeoutMs: number;
  dryRun: boolean;
  color: boolean;
  timestamps: boolean;
  plan?: UpPlanOptions;
  /** Stop everything when a container exits (--abort-on-container-exit / --exit-code-from). */
  abortOnExit?: boolean;
  /** Stop everything when a container exits non-zero (--abort-on-container-failure). */
  abortOnFailure?: boolean;
  exitCodeFrom?: string;
  removeOrphans?: boolean;
  /** Overrides every service's stop_grace_period (-t/--timeout). */
  stopTimeoutMs?: number;
  /** Print only these services' lines (--attach). */
  attach?: string[];
  /** up --watch: say compose's "Watch enabled" once live sync runs (sync itself runs in every foreground up). */
  watch?: boolean;
  /** The web dashboard: --no-web, --web-port. */
  web?: WebFlags;
}

export async function runUp(given: Project, targets: string[], o: RunUpOptions): Promise<number> {
  const project = o.stopTimeoutMs === undefined ? given : withStopTimeout(given, o.stopTimeoutMs);
  const runtime = await connectRuntime();
  const store = createStore(initialState({ logBufferLines: project.logBuffer }));
  // compose's Network/Volume lines go where its Container lines go: stderr, unless the dashboard draws.
  const progress = o.tui && !o.detach ? undefined : (l: string) => void process.stderr.write(`${l}\n`);
  const session = new Session({ runtime, project, dispatch: store.dispatch, seeder: dockerSeeder(runtime, project.dir), reseed: dockerReseed(runtime, project.dir), detach: o.detach, progress });
  const plan = await session.prepare(targets, o.plan);
  if (o.dryRun) {
    process.stdout.write(formatPlan(plan) + '\n');
    return 0;
  }
  // One session per project: a second up (detached or not) would act behind the running one's back.
  const { runningSession } = await import('../api/client.js');
  const live = await runningSession(project);
  if (live) {
    const hello = await live.hello().catch(() => undefined);
    live.close();
    throw new FoxdevError('usage', `a foxdev session already runs for ${project.name}${hello ? ` (pid ${hello.pid})` : ''}`, {
      hint: 'use it from here (foxdev restart, foxdev seed, foxdev ps), or stop it (q or Ctrl-C there, or foxdev down)',
    });
  }
  // As compose: --remove-orphans or COMPOSE_REMOVE_ORPHANS removes them, else a warning names them.
  const orphans = await import('../engine/verbs/orphans.js');
  if (o.removeOrphans || removeOrphansSet(project)) await orphans.removeOrphans(runtime, project, (l) => process.stdout.write(`${l}\n`));
  else await orphans.warnOrphans(runtime, project, (l) => process.stderr.write(`${l}\n`));

  // Whatever this up does, the background sync of an earlier `up -d` stops: this one replaces it
  // (a foreground session syncs by itself; a detached one starts a fresh daemon below).
  const daemon = await import('./sync-daemon.js');
  await daemon.stopSyncDaemon(project);

  if (o.detach) {
    // As compose's `up -d`: stdout has only the builder's output, and stderr the progress lines, with foxdev's own
    // lines (why a container is recreated or kept, warnings). The services' state and log lines are
    // kept (the last 256 KB) and shown only when the up fails, so a CI log explains the failure
    // without a second command.
    const held: string[] = [];
    let heldChars = 0;
    const printer = createLinePrinter(store, (chunk) => {
      held.push(chunk);
      heldChars += chunk.length;
      while (heldChars > 256 * 1024 && held.length > 1) heldChars -= held.shift()!.length;
    }, { color: o.color, timestamps: o.timestamps, streams: ['stdout', 'stderr'] });
    const own = createLinePrinter(store, (s) => process.stderr.write(s), { color: o.color, timestamps: o.timestamps, streams: ['system'], status: false });
    // The builder's output goes to stdout, as compose's `up -d` prints it.
    const builds = createLinePrinter(store, (s) => process.stdout.write(s), { color: o.color, timestamps: o.timestamps, streams: ['build'], status: false });
    const offProgress = composeProgressLines(store, (unit) => session.runs.get(unit)?.containerName, (s) => process.stderr.write(s));
    await session.start(plan);
    const result = await waitSettled(session, o.waitTimeoutMs);
    await session.detach();
    offProgress();
    own.close();
    builds.close();
    printer.close();
    if (!result.ok) {
      process.stderr.write(held.join(''));
      for (const f of result.failures) {
        if (!f.lastLines.length) continue;
        process.stderr.write(`--- last lines of ${f.service} ---\n${f.lastLines.join('\n')}\n`);
      }
      throw settledError(result);
    }
    const ready = new Set(plan.services.map((sp) => sp.service)).size;
    process.stderr.write(`foxdev: ${project.name}: ${ready} service${ready === 1 ? '' : 's'} ready\n`);
    if (plan.services.some((sp) => project.services[sp.service].sync.length && sp.kind !== 'process') && process.env.FOXDEV_DETACHED_SYNC !== '0') {
      const pid = await daemon.startSyncDaemon(project);
      process.stderr.write(`foxdev: live sync goes on in the background (pid ${pid}, log ${daemon.syncDaemonLog(project)}); foxdev down stops it\n`);
    }
    return 0;
  }

  let stopping: Promise<void> | undefined;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const stop = () => {
    if (stopping) {
      // Second request: kill at once.
      void session.stop({ force: true }).then(resolveDone);
      return;
    }
    stopping = session.stop().then(resolveDone);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The terminal went away (SIGHUP) or the reader of our output did (`up --no-tui | head`):
  // stop as Ctrl-C would, never leave the services running with nobody supervising them.
  const hangUp = () => {
    if (!stopping) stop(); // a closed pipe errors on every later write: that is not a second Ctrl-C
  };
  process.on('SIGHUP', hangUp);
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') hangUp();
  };
  process.stdout.on('error', onStdoutError);
  // The session's API: other terminals and programs reach this session through it.
  const { serveSession } = await import('../engine/session-server.js');
  const server = await serveSession({ project, store, session, stop });
  const web = await serveWeb({ project, store, session, stop, runtime, flags: o.web ?? {}, print: (s) => process.stdout.write(s) }).catch(async (err: unknown) => {
    await server.close();
    throw err;
  });

  // The services whose output this up shows (compose's attach rules); all when undefined.
  const shown = o.attach ?? notAttached(project);
  let view: { close(): void };
  if (o.tui) {
    const { renderDashboard } = await loadDashboard();
    const dash = renderDashboard(store, (intent) => {
      if (intent.type === 'quit') return stop();
      handleIntent(session, project, intent).catch((err) => reportError(err, (s) => store.dispatch({ type: 'log', service: intent.service ?? project.name, stream: 'system', line: s.trim(), at: Date.now() })));
    }, { webUrl: web?.url });
    view = { close: () => dash.unmount() };
  } else {
    const printer = createLinePrinter(store, (s) => process.stdout.write(s), { color: o.color, timestamps: o.timestamps, services: shown, writeStderr: (s) => process.stderr.write(s) });
    if (o.watch) announceWatch(store, () => printer.flush(), (s) => process.stdout.write(s));
    const unitService = (unit: string) => session.runs.get(unit)?.svc.name ?? unit;
    const offExits = composeExitLines(store, project.name, (unit) => session.runs.get(unit)?.containerName, (s) => {
      printer.flush();
      process.stdout.write(s);
    }, (unit) => !shown || shown.includes(unitService(unit)));
    const offProgress = composeProgressLines(store, (unit) => session.runs.get(unit)?.containerName, (s) => process.stderr.write(s));
    view = { close: () => (offExits(), offProgress(), printer.close()) };
  }
  let exitCode = 0;
  let exitCodeSeen = false;
  if (!o.tui && !o.watch && !o.abortOnExit && !o.abortOnFailure) {
    // As compose's attached up: once every followed container has ended, return (what still
    // runs, e.g. a dependency, keeps running: the session lets go of it as -d does).
    const followed = targets.length ? targets : (shown ?? Object.keys(project.services));
    whenAllEnded(store, () => [...session.runs.values()].filter((r) => followed.includes(r.svc.name)).map((r) => r.name), ({ failed }) => {
      if (stopping) return;
      if (failed) exitCode = 1;
      stopping = session.detach().then(resolveDone);
    });
  }
  if (o.abortOnExit || o.abortOnFailure) {
    // As compose: the first container to exit stops the rest — a job that completed with 0
    // counts too, except under --abort-on-container-failure — and its code is up's;
    // --exit-code-from takes that service's first exit instead.
    let first: number | undefined;
    const codes = new Map<string, number>();
    store.onAction((a) => {
      if (a.type !== 'service/phase' || (a.phase !== 'exited' && a.phase !== 'failed' && a.phase !== 'completed' && a.phase !== 'crash-loop')) return;
      if (a.phase === 'failed' && a.exitCode === undefined) return; // never ran (a dependency failed): no exit
      // Replicas (`web-2`) count for their service.
      const service = session.runs.get(a.service)?.svc.name ?? a.service;
      const code = a.exitCode ?? (a.phase === 'completed' ? 0 : 1);
      if (!codes.has(service)) codes.set(service, code);
      if (first === undefined && !stopping && !(o.abortOnFailure && code === 0)) {
        first = code;
        process.stdout.write('Aborting on container exit...\n');
        stop();
      }
      exitCodeSeen = o.exitCodeFrom ? codes.has(o.exitCodeFrom) : first !== undefined;
      exitCode = o.exitCodeFrom ? (codes.get(o.exitCodeFrom) ?? 0) : (first ?? 0);
    });
  }
  try {
    await session.start(plan);
    // Nothing to run (`--all-resources up` of a file with only networks and volumes): made, done.
    if (session.runs.size === 0 && !o.watch && !stopping) stopping = session.detach().then(resolveDone);
    if (!o.tui) {
      // compose's line before the attached containers' output.
      const names = [...session.runs.values()].filter((r) => !shown || shown.includes(r.svc.name)).map((r) => (r.containerName ? composeLabel(project.name, r.containerName) : r.name));
      if (names.length) process.stdout.write(`Attaching to ${names.sort().join(', ')}\n`);
    }
  } catch (err) {
    await session.stop();
    await server.close();
    await web?.close();
    view.close();
    throw err;
  }
  const reload = o.reload;
  const configWatch = reload
    ? await (await import('./config-reload.js'))
        .watchConfig({
          project,
          reload: async () => (o.stopTimeoutMs === undefined ? reload() : withStopTimeout(await reload(), o.stopTimeoutMs)),
          apply: (next) => session.applyConfig(next),
          say: (line) => store.dispatch({ type: 'log', service: project.name, stream: 'system', line, at: Date.now() }),
        })
        .catch(() => undefined) // no watch (e.g. too many watchers): the session runs on without it
    : undefined;
  await done;
  // --exit-code-from a service the abort stopped: its code is the one the stop gave it (143), as compose reports.
  if (o.exitCodeFrom && !exitCodeSeen) exitCode = (await stoppedExitCode(runtime, session.runs.get(o.exitCodeFrom)?.containerName)) ?? exitCode;
  await configWatch?.close();
  await server.close();
  await web?.close();
  view.close();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  process.off('SIGHUP', hangUp);
  process.stdout.off('error', onStdoutError);
  return exitCode;
}

async function stoppedExitCode(runtime: Runtime, name: string | undefined): Promise<number | undefined> {
  if (!name) return undefined;
  const info = await runtime.inspectContainer(name).catch(() => undefined);
  return info && !info.running ? info.exitCode : undefined;
}

function withStopTimeout(project: Project, ms: number): Project {
  const services = Object.fromEntries(Object.entries(project.services).map(([k, s]) => [k, { ...s, stopGracePeriodMs: ms }]));
  return { ...project, services };
}

/** Without --attach, services with compose's `attach: false` stay out of the output (all others in). */
function notAttached(project: Project): string[] | undefined {
  const quiet = Object.values(project.services).filter((s) => s.extra.attach === false);
  return quiet.length ? Object.keys(project.services).filter((n) => project.services[n].extra.attach !== false) : undefined;
}
