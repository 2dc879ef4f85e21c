// `foxdev watch`: compose's `watch` verb — build and start the services (unless --no-up), then
// live-sync their sync rules / develop.watch into the containers, printing each sync and rebuild.
// Ctrl-C ends the watch and leaves the services running, exit 130, as compose does.
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import type { Project } from '../config/project.js';
import { loadFromOptions } from './options.js';

interface WatchFlags {
  up?: boolean;
  quiet?: boolean;
  prune?: boolean;
}

/** compose's refusal when nothing selected has anything to watch. */
export function checkWatchable(project: Project, selected: string[]): void {
  if (!selected.some((n) => project.services[n]?.sync.length)) throw new FoxdevError('usage', "none of the selected services is configured for watch, consider setting a 'develop' section");
}

export function register(program: Command): void {
  program
    .command('watch')
    .description('watch the services’ sync rules / develop.watch paths and sync, restart or rebuild their containers when files change')
    .argument('[services...]')
    .option('--no-up', 'do not build & start the services before watching')
    .option('--quiet', 'hide build output and the services’ logs (sync lines stay)')
    .option('--prune', 'prune dangling images on rebuild (accepted; foxdev retags the one image)')
    .option('--no-prune', 'do not prune dangling images on rebuild')
    .action(async (services: string[], flags: WatchFlags, cmd: Command) => {
      const project = await loadFromOptions(cmd, services.length ? services : undefined);
      const { selectForUp } = await import('../engine/verbs/create.js');
      checkWatchable(project, selectForUp(project, services));
      const { runWatch } = await import('./watch-run.js');
      process.exitCode = await runWatch(project, services, { up: flags.up !== false, quiet: flags.quiet === true, color: process.stdout.isTTY === true });
    });
}
