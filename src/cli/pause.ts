import type { Command } from 'commander';
import { progress, projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('pause')
    .description('freeze running containers (the engine’s cgroup freezer)')
    .argument('[services...]')
    .action(async (services: string[], _flags: object, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { pauseServices } = await import('../engine/verbs/pause.js');
      await pauseServices(runtime, project, services, true, progress);
    });
}
