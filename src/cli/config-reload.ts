// While a foreground `up` runs, its config files (the compose files, foxdev.config.ts, and .env)
// are watched; a change is loaded again after a quiet moment and handed to the session, which
// shows the plan and applies only the difference (Session.applyConfig). A config that no longer
// loads is reported as one line and nothing running is touched. Changes are applied one at a time.
import path from 'node:path';
import type { Project } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { watchRoots } from '../watch/watcher.js';

export interface ConfigReloadOptions {
  project: Project;
  reload: () => Promise<Project>;
  apply: (next: Project) => Promise<unknown>;
  say: (line: string) => void;
  quietMs?: number;
}

export async function watchConfig(o: ConfigReloadOptions): Promise<{ close(): Promise<void> }> {
  const files = new Set([...o.project.files, path.join(o.project.dir, '.env')]);
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      chain = chain.then(async () => {
        if (closed) return;
        let next: Project;
        try {
          next = await o.reload();
        } catch (err) {
          const msg = err instanceof FoxdevError ? err.message : (err as Error).message;
          return o.say(`config not applied (nothing was changed): ${msg.split('\n')[0]}`);
        }
        if (closed) return;
        await o.apply(next).catch((err: Error) => o.say(`config change failed: ${err.message.split('\n')[0]}`));
      });
    }, o.quietMs ?? 300);
  };
  const watcher = await watchRoots({
    roots: [...files].map((f) => ({ path: f, watched: (abs: string) => abs === f })),
    onEvent: (p, ev) => {
      if (ev !== 'hint' || files.has(p)) changed();
    },
    onError: (err) => o.say(`config watch: ${err.message}`),
  });
  await watcher.ready;
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await chain;
    },
  };
}
