import type { Command } from 'commander';
import { progress, projectAndEngine, say } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('kill')
    .description('send a signal to running containers and host processes (SIGKILL unless -s)')
    .argument('[services...]')
    .option('-s, --signal <signal>', 'signal to send, e.g. SIGTERM, HUP or 15', 'SIGKILL')
    .action(async (services: string[], flags: { signal: string }, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { killServices } = await import('../engine/verbs/kill.js');
      const n = await killServices(runtime, project, services, flags.signal, progress);
      if (n === 0) say('no running containers to kill');
    });
}
