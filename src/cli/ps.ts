import type { Command } from 'commander';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('ps')
    .description('list the project’s services: state, health, uptime, restarts, ports')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const project = await loadFromOptions(cmd);
      const { dockerClient, engineUnreachable } = await import('../runtime/docker-client.js');
      const { ps, formatPs } = await import('../engine/ps.js');
      const docker = dockerClient();
      const rows = await ps(docker, project).catch((err) => {
        throw engineUnreachable(err);
      });
      process.stdout.write((flags.json ? JSON.stringify(rows, null, 2) : formatPs(rows)) + '\n');
    });
}
