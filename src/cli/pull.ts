import type { Command } from 'commander';
import { projectAndEngine } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('pull')
    .description('pull the services’ images (services built from source with no image are skipped)')
    .argument('[services...]')
    .option('--ignore-pull-failures', 'pull what can be pulled; a failure is reported but exits 0')
    .option('-q, --quiet', 'no progress lines, only failures')
    .action(async (services: string[], flags: { ignorePullFailures?: boolean; quiet?: boolean }, cmd: Command) => {
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { pullImages } = await import('../engine/verbs/pull.js');
      const r = await pullImages(runtime, project, services, (l) => {
        if (!flags.quiet) process.stderr.write(`${l}\n`);
      });
      for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
      for (const f of r.failed) process.stderr.write(`foxdev: ${f}\n`);
      if (r.failed.length && !flags.ignorePullFailures) process.exitCode = 1;
    });
}
