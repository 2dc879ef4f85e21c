import type { Command } from 'commander';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('restart')
    .description('restart services, all of them when none is named (containers with their stop grace period; host processes are respawned)')
    .argument('[services...]')
    .option('-t, --timeout <seconds>', 'grace period before killing')
    .option('--no-deps', 'do not restart the services that depend on the named ones with restart: true')
    .action(async (services: string[], flags: { timeout?: string; deps?: boolean }, cmd: Command) => {
      const project = await loadFromOptions(cmd, services.length ? services : undefined);
      // A running session restarts them itself (its supervisor would otherwise see a crash).
      const { runningSession } = await import('../api/client.js');
      const live = await runningSession(project);
      if (live) {
        try {
          for (const s of services.length ? services : [undefined]) {
            const r = (await live.intent({ kind: 'restart', service: s })) as { restarted: string[] };
            process.stdout.write(`restarted ${r.restarted.join(', ')} (by the running session)\n`);
          }
        } finally {
          live.close();
        }
        return;
      }
      const { engineRuntime } = await import('../runtime/engine-runtime.js');
      const { restartServices } = await import('../engine/restart.js');
      await restartServices(engineRuntime(), project, services, {
        timeoutMs: flags.timeout ? Number(flags.timeout) * 1000 : undefined,
        noDeps: flags.deps === false,
        onLine: (l) => process.stderr.write(`${l}\n`), // progress lines, on stderr as compose's
      });
    });
}
