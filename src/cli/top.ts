import type { Command } from 'commander';
import { projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('top')
    .description('show the processes running in each of the project’s running containers')
    .argument('[services...]')
    .action(async (services: string[], _flags: unknown, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { projectTop, formatTop } = await import('../engine/verbs/top.js');
      const blocks = await projectTop(runtime, project, services);
      if (blocks.length) process.stdout.write(`${formatTop(blocks)}`);
    });
}
