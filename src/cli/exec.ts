import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('exec')
    .description('run a command in a running service’s container (exit code passed through)')
    .argument('<service>')
    .argument('<command...>', 'the command, after --')
    .option('-T, --no-tty', 'do not allocate a TTY even when interactive')
    .option('-u, --user <user>', 'run as this user')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .action(async (service: string, command: string[], flags: { tty?: boolean; user?: string; workdir?: string }, cmd: Command) => {
      const project = await loadFromOptions(cmd);
      if (!project.services[service]) throw new FoxdevError('usage', `no service named ${service} (have: ${Object.keys(project.services).join(', ')})`);
      if (project.services[service].kind === 'process') throw new FoxdevError('usage', `${service} is a host process; run the command on the host instead`);
      const { dockerClient } = await import('../runtime/docker-client.js');
      const { execInteractive } = await import('../runtime/docker/exec-interactive.js');
      const { listProjectContainers } = await import('../runtime/docker/containers.js');
      const docker = dockerClient();
      const c = (await listProjectContainers(docker, project.name)).find((x) => x.service === service && x.running);
      if (!c) throw new FoxdevError('usage', `${service} is not running`, { hint: `start it with foxdev up ${service}` });
      const tty = flags.tty !== false && process.stdin.isTTY === true && process.stdout.isTTY === true;
      process.exitCode = await execInteractive(docker, c.id, command, { tty, user: flags.user, workdir: flags.workdir });
    });
}
