import type { Command } from 'commander';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('ps')
    .description('list the project’s services: state, health, uptime, restarts, ports')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      // Start loading the ps modules while the config loads; neither waits for the other.
      const modules = Promise.all([import('../runtime/engine-endpoint.js'), import('../engine/ps.js')]);
      const project = await loadFromOptions(cmd);
      const [{ engineEndpoint, engineUnreachable }, { ps, formatPs, httpPsEngine }] = await modules;
      // The small HTTP reader, not dockerode: importing dockerode alone would use up most of ps's time.
      const rows = await ps(httpPsEngine(engineEndpoint()), project).catch((err) => {
        throw engineUnreachable(err);
      });
      process.stdout.write((flags.json ? JSON.stringify(rows, null, 2) : formatPs(rows)) + '\n');
    });
}
