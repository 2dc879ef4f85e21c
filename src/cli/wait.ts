import type { Command } from 'commander';
import { noSuchService } from '../errors.js';
import { say } from './engine-verb.js';
import { projectOrName } from './project-or-name.js';

export function register(program: Command): void {
  program
    .command('wait')
    .description('block until the services’ containers exit, printing each exit; foxdev exits with the code of the last one')
    .argument('<services...>')
    .option('--down-project', 'then take the whole project down (as down --remove-orphans)')
    .action(async (services: string[], flags: { downProject?: boolean }, cmd: Command) => {
      // As compose: -p NAME works without a file; with one, a name it lacks is a typo.
      const { project, byName } = await projectOrName(cmd, process.env, services);
      if (!byName) for (const s of services) if (!project.services[s]) throw noSuchService(s, Object.keys(project.services));
      const { connectRuntime } = await import('../runtime/engine-runtime.js');
      const { waitServices } = await import('../engine/verbs/wait.js');
      const exits = await waitServices(await connectRuntime(), project.name, services, (e) => say(`container "${e.container.id}" exited with status code ${e.code}`));
      process.exitCode = exits.at(-1)?.code ?? 0;
      if (flags.downProject) {
        const { runDown } = await import('./down.js');
        await runDown(cmd, [], { removeOrphans: true });
      }
    });
}
