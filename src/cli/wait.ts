import type { Command } from 'commander';
import { projectAndEngine, say } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('wait')
    .description('wait for the services’ containers to exit and print their exit codes (foxdev exits with the first)')
    .argument('<services...>')
    .action(async (services: string[], _flags: object, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { waitServices } = await import('../engine/verbs/wait.js');
      const codes = await waitServices(runtime, project, services);
      for (const c of codes) say(String(c.code));
      process.exitCode = codes[0]?.code ?? 0;
    });
}
