import type { Command } from 'commander';
import { projectOrName } from './project-or-name.js';

export function register(program: Command): void {
  program
    .command('down')
    .description('stop and remove the containers, host processes and network that up created')
    .option('-v, --volumes', 'also remove the named volumes (their data is lost)')
    .option('--remove-orphans', 'also remove containers of services no longer in the config')
    .option('-t, --timeout <seconds>', 'grace period before killing, instead of each service’s stop_grace_period')
    .action(async (flags: { volumes?: boolean; removeOrphans?: boolean; timeout?: string }, cmd: Command) => {
      // -p NAME without files: every container labelled NAME goes, as compose's down does.
      const { project, byName } = await projectOrName(cmd);
      const { dockerClient, engineUnreachable } = await import('../runtime/docker-client.js');
      const { down } = await import('../engine/down.js');
      const docker = dockerClient();
      await docker.ping().catch((err) => {
        throw engineUnreachable(err);
      });
      const r = await down(docker, project, {
        volumes: flags.volumes,
        removeOrphans: flags.removeOrphans || byName,
        timeoutMs: flags.timeout !== undefined ? Number(flags.timeout) * 1000 : undefined,
        onLine: (l) => process.stdout.write(`${l}\n`),
      });
      if (r.orphansLeft.length) process.stdout.write(`left orphan containers ${r.orphansLeft.join(', ')} (use --remove-orphans)\n`);
      process.stdout.write(`foxdev: ${project.name} down (${r.containers.length} containers, ${r.processes.length} host processes, ${r.volumes.length} volumes removed)\n`);
    });
}
