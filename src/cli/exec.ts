import type { Command } from 'commander';
import { resolveBareEnv } from './bare-env.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { loadFromOptions } from './options.js';

export function register(program: Command): void {
  program
    .command('exec')
    .description('run a command in a running service’s container (exit code passed through)')
    .argument('<service>')
    .argument('<command...>', 'the command, after --')
    .option('-d, --detach', 'run the command in the background')
    .option('-T, --no-tty', 'do not allocate a TTY even when interactive')
    .option('-u, --user <user>', 'run as this user')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .option('-e, --env <KEY=VAL>', 'set an environment variable (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--privileged', 'give the command extended privileges')
    .option('--index <n>', 'which replica of a scaled service (default: 1)')
    // compose's exec stops reading its own flags at SERVICE: `exec web ls -la` passes -la to ls.
    .passThroughOptions()
    .action(async (service: string, command: string[], flags: { detach?: boolean; tty?: boolean; user?: string; workdir?: string; env?: string[]; privileged?: boolean; index?: string }, cmd: Command) => {
      const project = await loadFromOptions(cmd, [service]);
      if (!project.services[service]) throw noSuchService(service, Object.keys(project.services));
      if (project.services[service].kind === 'process') throw new FoxdevError('usage', `${service} is a host process; run the command on the host instead`);
      const { engineRuntime } = await import('../runtime/engine-runtime.js');
      const runtime = engineRuntime();
      const index = flags.index === undefined ? undefined : Number(flags.index);
      if (index !== undefined && !(Number.isInteger(index) && index >= 1)) throw new FoxdevError('usage', `--index ${flags.index}: expected a replica number (1, 2, …)`);
      for (const e of flags.env ?? []) if (!/^[^=]+(=|$)/.test(e)) throw new FoxdevError('usage', `-e ${e}: expected KEY=VALUE`);
      const { isOneOff, COMPOSE_SERVICE } = await import('../names/compose-labels.js');
      // As compose picks it: with --index, that replica (a one-off has no number); without, the
      // lowest-numbered running replica, else a running one-off (`foxdev run -d`).
      const running = (await runtime.listProjectContainers(project.name)).filter((x) => x.running && (x.service || x.labels[COMPOSE_SERVICE]) === service);
      const c =
        index !== undefined
          ? running.find((x) => !isOneOff(x.labels) && x.number === index)
          : [...running].sort((a, b) => Number(isOneOff(a.labels)) - Number(isOneOff(b.labels)) || a.number - b.number)[0];
      if (!c) throw new FoxdevError('not-found', index !== undefined ? `service "${service}" is not running container #${index}` : `service "${service}" is not running`, { hint: `start it with foxdev up ${service}` });
      const tty = flags.tty !== false && process.stdin.isTTY === true && process.stdout.isTTY === true;
      // `exec web -- ls -la`: the `--` only marked where foxdev's flags end.
      const argv = command[0] === '--' ? command.slice(1) : command;
      if (!argv.length) throw new FoxdevError('usage', 'exec: no command given after the service');
      process.exitCode = await runtime.execInteractive(c.id, argv, { tty, detach: flags.detach === true, user: flags.user, workdir: flags.workdir, env: resolveBareEnv(flags.env ?? [], project.dotenv ?? {}), privileged: flags.privileged });
    });
}
