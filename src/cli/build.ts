import type { Command } from 'commander';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('build')
    .description('build the images of services with a build section (unchanged contexts are skipped)')
    .argument('[services...]')
    .option('--force', 'build even when the context and config are unchanged')
    .action(async (services: string[], flags: { force?: boolean }, cmd: Command) => {
      const project = await loadFromOptions(cmd, services.length ? services : undefined);
      const { connectRuntime } = await import('../runtime/engine-runtime.js');
      const { buildServices } = await import('../engine/build.js');
      const runtime = await connectRuntime();
      await buildServices(runtime, project, services, { force: flags.force === true, onLine: (s, l) => process.stdout.write(`${s} | ${l}\n`) });
    });
}
