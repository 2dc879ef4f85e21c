import type { Command } from 'commander';
import { projectAndEngine } from './engine-verb.js';

interface RunFlags {
  rm?: boolean;
  env: string[];
  deps?: boolean;
  entrypoint?: string;
  user?: string;
  workdir?: string;
  name?: string;
  tty?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('run')
    .description('run a one-off command in a new container of SERVICE (named <project>-<service>-run-<id>); its exit code is foxdev’s')
    .argument('<service>')
    .argument('[command...]', 'command and arguments, instead of the service’s command (after --)')
    .option('--rm', 'remove the container when it exits')
    .option('-e, --env <KEY=VALUE>', 'set an environment variable (repeatable; KEY alone takes it from this shell)', collect, [])
    .option('--no-deps', 'do not start the services it depends on')
    .option('--entrypoint <command>', 'override the image’s entrypoint')
    .option('-u, --user <user>', 'run as this user')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .option('--name <name>', 'container name instead of <project>-<service>-run-<id>')
    .option('-T, --no-tty', 'do not allocate a TTY')
    // The command's own flags (sh -c …) are not foxdev's; a flag foxdev's run also has needs `--` before the command.
    .allowUnknownOption()
    .action(async (service: string, command: string[], flags: RunFlags, cmd: Command) => {
      const { project, docker } = await projectAndEngine(cmd, [service]);
      const { runOneOff } = await import('../engine/verbs/run.js');
      const interactive = process.stdin.isTTY === true;
      process.exitCode = await runOneOff(docker, project, service, {
        command,
        env: flags.env,
        entrypoint: flags.entrypoint === undefined ? undefined : flags.entrypoint.split(/\s+/).filter(Boolean),
        user: flags.user,
        workdir: flags.workdir,
        name: flags.name,
        tty: flags.tty !== false && interactive && process.stdout.isTTY === true,
        interactive,
        rm: flags.rm,
        noDeps: flags.deps === false,
        onLine: (s) => void process.stderr.write(s),
      });
    });
}
