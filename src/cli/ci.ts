import type { Command } from 'commander';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('ci')
    .description('up, wait until every service is ready, exit 0; or print the failing service’s last lines and exit 1')
    .argument('[services...]')
    .option('--wait-timeout <seconds>', 'give up after this many seconds', '300')
    .option('--down', 'remove everything again afterwards (volumes kept)')
    .action(async (services: string[], flags: { waitTimeout: string; down?: boolean }, cmd: Command) => {
      const project = await loadFromOptions(cmd, services.length ? services : undefined);
      const { runUp } = await import('./up-run.js');
      try {
        process.exitCode = await runUp(project, services, {
          detach: true,
          tui: false,
          waitTimeoutMs: Number(flags.waitTimeout) * 1000,
          dryRun: false,
          color: false,
          timestamps: true,
        });
      } finally {
        if (flags.down) {
          const { engineRuntime } = await import('../runtime/engine-runtime.js');
          const { down } = await import('../engine/down.js');
          await down(engineRuntime(), project, { onLine: (l) => process.stdout.write(`${l}\n`) });
        }
      }
    });
}
