// `foxdev seed [svc…]`: reset and reseed databases (default), show their seed status, save or
// restore snapshots. Thin: the work is in engine/seed (runSeedCommand in engine/seed/command.ts).
import type { Command } from 'commander';
import type { SeedCommandOptions } from '../engine/seed/command.js';
import { loadOptionsOf } from './options.js';

async function ask(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export function register(program: Command): void {
  program
    .command('seed')
    .description('reset databases to their seed data (or --status, --save NAME, --restore NAME)')
    .argument('[services...]', 'services to seed (default: every service with a seed)')
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .option('--save <name>', 'save the current data as a snapshot under .foxdev/snapshots/')
    .option('--restore <name>', 'replace the data with a saved snapshot')
    .option('--status', 'show whether each database holds the current seed')
    .option('--dry-run', 'print the reseed plan (dependents stopped, jobs re-run, dependents restarted) and change nothing')
    .action(async (services: string[], opts: SeedCommandOptions, cmd: Command) => {
      const { loadProject } = await import('../config/load.js');
      const { runSeedCommand } = await import('../engine/seed/command.js');
      const project = await loadProject(loadOptionsOf(cmd));
      const { runningSession } = await import('../api/client.js');
      const live = await runningSession(project);
      process.exitCode = await runSeedCommand(project, services, opts, {
        session: live && { reseed: async (s) => void (await live.intent({ kind: 'reseed', services: s })) },
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
        interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
        confirm: ask,
      }).finally(() => live?.close());
    });
}
