// `foxdev attach`: the dashboard of a session that runs elsewhere (another terminal's `foxdev up`),
// as one more client of it: the same view, and its keys (r, b, s) carried out by that session.
// `q` detaches: this dashboard closes and the session keeps running; `foxdev down` ends it.
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import type { Intent as KeyIntent } from '../ui/intent.js';
import type { Intent } from '../api/protocol.js';
import { projectOrName } from './project-or-name.js';
import { loadDashboard } from './load-dashboard.js';

export function register(program: Command): void {
  program
    .command('attach')
    .description('open the dashboard of the running session (q detaches; the session keeps running)')
    .action(async (_flags: unknown, cmd: Command) => {
      const { project } = await projectOrName(cmd);
      const { runningSession } = await import('../api/client.js');
      const live = await runningSession(project);
      if (!live) throw new FoxdevError('usage', `no foxdev session runs for ${project.name}`, { hint: 'start one with foxdev up (in another terminal)' });
      if (!process.stdout.isTTY) {
        live.close();
        throw new FoxdevError('usage', 'foxdev attach needs a terminal', { hint: 'use foxdev logs -f or foxdev events --json from scripts' });
      }
      const { mirrorSession } = await import('../api/client-store.js');
      const store = await mirrorSession(live, project.files.length ? project.logBuffer : undefined);
      const { renderDashboard } = await loadDashboard();
      const say = (service: string, line: string) => store.dispatch({ type: 'log', service, stream: 'system', line, at: Date.now() });
      let resolveDone!: () => void;
      const done = new Promise<void>((r) => (resolveDone = r));
      const dash = renderDashboard(store, (key) => {
        if (key.type === 'quit') return resolveDone();
        const intent = toIntent(key, store.getState().services);
        if (intent) live.intent(intent).catch((err: Error) => say(key.service ?? project.name, err.message));
      });
      let ended = false;
      void live.closed.then(() => {
        ended = true;
        resolveDone();
      });
      await done;
      dash.unmount();
      live.close();
      process.stdout.write(
        ended ? `the session of ${project.name} ended\n` : `detached from ${project.name}; the session keeps running (foxdev attach again, foxdev down to stop it)\n`,
      );
    });
}

function toIntent(key: KeyIntent, services: Record<string, { hasSeed?: boolean }>): Intent | undefined {
  switch (key.type) {
    case 'restart':
      return key.service ? { kind: 'restart', service: key.service } : undefined;
    case 'rebuild':
      return key.service ? { kind: 'rebuild', service: key.service } : undefined;
    case 'seed':
      return { kind: 'reseed', services: key.service ? [key.service] : Object.keys(services).filter((s) => services[s].hasSeed) };
    default:
      return undefined;
  }
}
