// `foxdev up` with a view: the dashboard on a terminal, prefixed lines otherwise. Ctrl-C (or q)
// stops everything in reverse dependency order; a second one kills at once.
import type { Project } from '../config/project.js';
import { formatPlan } from '../plan/up.js';
import { createStore, initialState } from '../store/index.js';
import { createLinePrinter } from '../logfmt/index.js';
import { dockerClient, engineUnreachable } from '../runtime/docker-client.js';
import { Session } from '../engine/session.js';
import { dockerReseed, dockerSeeder } from '../engine/seeder.js';
import { settledError, waitSettled } from '../engine/up.js';
import { reportError } from './report.js';
import { handleIntent } from './intents.js';
import { loadDashboard } from './load-dashboard.js';

export interface RunUpOptions {
  detach: boolean;
  tui: boolean;
  waitTimeoutMs: number;
  dryRun: boolean;
  color: boolean;
  timestamps: boolean;
}

export async function runUp(project: Project, targets: string[], o: RunUpOptions): Promise<number> {
  const docker = dockerClient();
  await docker.ping().catch((err) => {
    throw engineUnreachable(err);
  });
  const store = createStore(initialState({ logBufferLines: project.logBuffer }));
  const session = new Session({ docker, project, dispatch: store.dispatch, seeder: dockerSeeder(docker, project.dir), reseed: dockerReseed(docker, project.dir), detach: o.detach });
  const plan = await session.prepare(targets);
  if (o.dryRun) {
    process.stdout.write(formatPlan(plan) + '\n');
    return 0;
  }

  if (o.detach) {
    const printer = createLinePrinter(store, (s) => process.stdout.write(s), { color: o.color, timestamps: o.timestamps });
    await session.start(plan);
    const result = await waitSettled(session, o.waitTimeoutMs);
    session.detach();
    printer.close();
    if (!result.ok) {
      // What a CI log needs to explain the failure without a second command.
      for (const f of result.failures) {
        if (!f.lastLines.length) continue;
        process.stderr.write(`--- last lines of ${f.service} ---\n${f.lastLines.join('\n')}\n`);
      }
      throw settledError(result);
    }
    process.stdout.write(`foxdev: ${project.name}: ${plan.services.length} services ready\n`);
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

  let view: { close(): void };
  if (o.tui) {
    const { renderDashboard } = await loadDashboard();
    const dash = renderDashboard(store, (intent) => {
      if (intent.type === 'quit') return stop();
      handleIntent(session, project, intent).catch((err) => reportError(err, (s) => store.dispatch({ type: 'log', service: intent.service ?? project.name, stream: 'system', line: s.trim(), at: Date.now() })));
    });
    view = { close: () => dash.unmount() };
  } else {
    const printer = createLinePrinter(store, (s) => process.stdout.write(s), { color: o.color, timestamps: o.timestamps });
    view = { close: () => printer.close() };
  }
  try {
    await session.start(plan);
  } catch (err) {
    await session.stop();
    view.close();
    throw err;
  }
  await done;
  view.close();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return 0;
}
