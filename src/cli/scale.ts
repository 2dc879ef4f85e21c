// `foxdev scale SERVICE=N…`: compose's verb for changing replica counts of a running stack. It is
// `up -d --scale` on the named services: they and their dependencies are brought to the model
// (a dependency scaled by an earlier --scale goes back to its file's count), unless --no-deps.
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { parseScaleFlags } from '../plan/replicas.js';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('scale')
    .description('set the number of containers of services: scale web=3 worker=2 (as up -d --scale)')
    .argument('<service=replicas...>')
    .option('--no-deps', 'do not touch the services they depend on')
    .option('--wait-timeout <seconds>', 'give up waiting for the new containers after this many seconds', '300')
    .action(async (pairs: string[], flags: { deps?: boolean; waitTimeout: string }, cmd: Command) => {
      const names = pairs.map((p) => p.split('=')[0]);
      const project = await loadFromOptions(cmd, names);
      const scale = parseScaleFlags(project, pairs);
      const timeout = Number(flags.waitTimeout);
      if (!(timeout > 0)) throw new FoxdevError('usage', `invalid --wait-timeout ${flags.waitTimeout}`);
      const { runUp } = await import('./up-run.js');
      process.exitCode = await runUp(project, names, {
        detach: true,
        tui: false,
        waitTimeoutMs: timeout * 1000,
        dryRun: false,
        color: false,
        timestamps: false,
        plan: { scale, noDeps: flags.deps === false },
      });
    });
}
