import type { Command } from 'commander';
import { progress, projectAndEngine, timeoutMs } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('stop')
    .description('stop running containers without removing them, dependents first (all services, or the named ones)')
    .argument('[services...]')
    .option('-t, --timeout <seconds>', 'grace period before killing, instead of each service’s stop_grace_period')
    .action(async (services: string[], flags: { timeout?: string }, cmd: Command) => {
      const t = timeoutMs(flags.timeout);
      const { project, runtime } = await projectAndEngine(cmd, services);
      // Stopping everything ends the background live sync of an `up -d` too.
      if (!services.length) await (await import('./sync-daemon.js')).stopSyncDaemon(project);
      const { stopServices } = await import('../engine/verbs/stop.js');
      await stopServices(runtime, project, services, { timeoutMs: t, onLine: progress });
    });
}
