// The session behind `foxdev watch`: up's Session in the foreground (so live sync runs) with the
// line printer; --quiet passes only foxdev's own lines (sync, restarts, states), not the services'
// output nor build logs. Ctrl-C detaches — the containers keep running — and exits 130.
// With --no-up the services' running containers are synced as they are (engine/verbs/watch.ts).
import type { Project } from '../config/project.js';
import { createStore, initialState, type Action, type Store } from '../store/index.js';
import { createLinePrinter } from '../logfmt/index.js';
import { connectRuntime } from '../runtime/engine-runtime.js';
import { Session } from '../engine/session.js';
import { dockerReseed, dockerSeeder } from '../engine/seeder.js';
import { announceWatch } from './watch-announce.js';

export interface RunWatchOptions {
  up: boolean;
  quiet: boolean;
  color: boolean;
}

/** The store as a printer sees it, without the services' stdout/stderr lines. */
function withoutServiceOutput(store: Store): Store {
  const keep = (a: Action): Action | undefined => {
    if (a.type === 'log') return a.stream === 'system' ? a : undefined;
    if (a.type === 'logs') {
      const entries = a.entries.filter((e) => e.stream === 'system');
      return entries.length ? { ...a, entries } : undefined;
    }
    return a;
  };
  return {
    ...store,
    onAction: (fn) =>
      store.onAction((a, s) => {
        const k = keep(a);
        if (k) fn(k, s);
      }),
  };
}

export async function runWatch(project: Project, targets: string[], o: RunWatchOptions): Promise<number> {
  const runtime = await connectRuntime();
  const write = (s: string) => void process.stdout.write(s);
  let interrupted!: () => void;
  const done = new Promise<void>((r) => (interrupted = r));
  process.once('SIGINT', () => interrupted());
  process.once('SIGTERM', () => interrupted());

  if (!o.up) {
    const { watchRunning } = await import('../engine/verbs/watch.js');
    const stop = await watchRunning(runtime, project, targets, (service, line) => write(`${service} | ${line}\n`));
    write('Watch enabled\n');
    await done;
    await stop();
    write('Watch disabled\n');
    return 130;
  }

  const store = createStore(initialState({ logBufferLines: project.logBuffer }));
  const session = new Session({ runtime, project, dispatch: store.dispatch, seeder: dockerSeeder(runtime, project.dir), reseed: dockerReseed(runtime, project.dir) });
  const printer = createLinePrinter(o.quiet ? withoutServiceOutput(store) : store, write, { color: o.color });
  const off = announceWatch(store, () => printer.flush(), write);
  const plan = await session.prepare(targets);
  try {
    await session.start(plan);
  } catch (err) {
    await session.stop();
    printer.close();
    throw err;
  }
  await done;
  off();
  await session.detach();
  printer.close();
  write('Watch disabled\n');
  return 130;
}
