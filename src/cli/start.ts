import type { Command } from 'commander';
import { progress, projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('start')
    .description('start existing stopped containers, dependencies first (creates nothing; use up for that)')
    .argument('[services...]')
    .action(async (services: string[], _flags: object, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { startServices } = await import('../engine/verbs/start.js');
      await startServices(runtime, project, services, progress);
    });
}
