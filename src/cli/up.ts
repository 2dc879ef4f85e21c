import type { Command } from 'commander';
import { loadFromOptions } from './options.js';
import { wantColor } from './apply-globals.js';

interface UpFlags {
  detach?: boolean;
  tui?: boolean;
  waitTimeout: string;
  dryRun?: boolean;
  color?: boolean;
  timestamps?: boolean;
}

export function register(program: Command): void {
  program
    .command('up')
    .description('build and start services in dependency order (all, or the named ones and what they need)')
    .argument('[services...]', 'services to start, with their dependencies')
    .option('-d, --detach', 'return once everything is ready (exit 0) or something failed (exit 1)')
    .option('--no-tui', 'print prefixed log lines instead of the dashboard')
    .option('--wait-timeout <seconds>', 'with --detach: give up after this many seconds', '300')
    .option('--dry-run', 'print the plan and change nothing')
    .option('--no-color', 'plain output')
    .option('-t, --timestamps', 'show timestamps in log lines')
    .action(async (services: string[], flags: UpFlags, cmd: Command) => {
      // Load the engine code while the config loads: both sit on the path to the first container.
      const engine = import('./up-run.js');
      // Named services enable their profiles; only they (and what they need) need their env_file.
      const project = await loadFromOptions(cmd, services.length ? services : undefined);
      // compose prints its load warnings (unset variables, optional dependencies left out) on up too.
      for (const w of project.warnings ?? []) process.stderr.write(`foxdev: warning: ${w}\n`);
      const { runUp } = await engine;
      process.exitCode = await runUp(project, services, {
        detach: flags.detach === true,
        tui: flags.tui !== false && process.stdout.isTTY === true && !flags.detach,
        waitTimeoutMs: Number(flags.waitTimeout) * 1000,
        dryRun: flags.dryRun === true,
        color: wantColor(flags.color),
        timestamps: flags.timestamps === true,
      });
    });
}
