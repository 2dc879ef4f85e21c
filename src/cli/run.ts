// `foxdev run SERVICE [CMD…]`: compose's one-off verb with compose's flags. As compose's (pflag
// with interspersed flags off), every word after SERVICE belongs to the command, so
// `run web ls -la` never reads -la as foxdev's.
import { Option, type Command } from 'commander';
import { fstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectAndEngine } from './engine-verb.js';
import { FoxdevError } from '../errors.js';
import { parsePort, type LongPort } from '../config/ports.js';
import { parseDotenv } from '../config/dotenv.js';
import { resolveBareEnv } from './bare-env.js';

interface RunFlags {
  rm?: boolean;
  build?: boolean;
  pull?: string;
  useAliases?: boolean;
  detach?: boolean;
  env: string[];
  envFromFile: string[];
  label: string[];
  labels: string[];
  volume: string[];
  volumes: string[];
  publish: string[];
  servicePorts?: boolean;
  capAdd: string[];
  capDrop: string[];
  deps?: boolean;
  entrypoint?: string;
  user?: string;
  workdir?: string;
  name?: string;
  tty?: boolean;
  removeOrphans?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];
/** compose's aliases (--volumes, --labels), hidden as compose normalises them away. */
const alias = (flags: string, description: string) => new Option(flags, description).argParser(collect).default([]).hideHelp();

export function register(program: Command): void {
  program
    .command('run')
    .description('run a one-off command in a new container of SERVICE (named <project>-<service>-run-<id>); its exit code is foxdev’s')
    .argument('<service>')
    .argument('[command...]', 'command and arguments, instead of the service’s command')
    .option('-d, --detach', 'run the container in the background and print its id')
    .option('--rm', 'remove the container when it exits')
    .option('-e, --env <KEY=VALUE>', 'set an environment variable (repeatable; KEY alone takes it from this shell)', collect, [])
    .option('--env-from-file <file>', 'set environment variables from a file (repeatable)', collect, [])
    .option('-l, --label <KEY=VALUE>', 'add or override a label (repeatable)', collect, [])
    .addOption(alias('--labels <KEY=VALUE>', 'same as --label'))
    .option('-v, --volume <HOST:CONTAINER[:MODE]>', 'bind mount a host path (repeatable)', collect, [])
    .addOption(alias('--volumes <HOST:CONTAINER[:MODE]>', 'same as --volume'))
    .option('-p, --publish <[IP:]HOST:CONTAINER>', 'publish a container port to the host (repeatable)', collect, [])
    .option('-P, --service-ports', 'publish the service’s own ports')
    .option('--cap-add <capability>', 'add a Linux capability (repeatable)', collect, [])
    .option('--cap-drop <capability>', 'drop a Linux capability (repeatable)', collect, [])
    .option('--no-deps', 'do not start the services it depends on')
    .option('--entrypoint <command>', 'override the image’s entrypoint')
    .option('-u, --user <user>', 'run as this user')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .option('--name <name>', 'container name instead of <project>-<service>-run-<id>')
    .option('-T, --no-tty', 'do not allocate a TTY')
    .option('-i, --interactive', 'keep stdin open (the default on a terminal)')
    .option('--remove-orphans', 'remove containers of services no longer in the config, and exited one-offs')
    .option('--quiet-pull', 'accepted (pull progress is not shown)')
    .option('--build', 'build the service’s image before starting the container')
    .option('--pull <policy>', 'pull the image before running: always, missing (default) or never')
    .option('--use-aliases', 'join the service’s networks with its network aliases')
    .passThroughOptions()
    .action(async (service: string, command: string[], flags: RunFlags, cmd: Command) => {
      if (flags.publish.length && flags.servicePorts) throw new FoxdevError('usage', '--service-ports and --publish are incompatible');
      const publish = flags.publish.flatMap((p): LongPort[] => {
        const parsed = parsePort(p);
        if (typeof parsed === 'string') throw new FoxdevError('usage', `--publish ${p}: ${parsed}`);
        return parsed;
      });
      if (flags.pull !== undefined && !['always', 'missing', 'never'].includes(flags.pull)) throw new FoxdevError('usage', `--pull ${flags.pull}: expected always, missing or never`);
      const fileEnv = flags.envFromFile.flatMap((f) => envFromFile(f));
      const { project, runtime } = await projectAndEngine(cmd, [service]);
      const { runOneOff } = await import('../engine/verbs/run.js');
      // compose's run keeps stdin open (-i is its default): a terminal, or input piped or redirected
      // in (`echo q | foxdev run -T db psql`, `< dump.sql`). Anything else (a socket a parent left
      // open, /dev/null) is not wired, so a command that reads stdin is not left waiting on it.
      const interactive = flags.detach !== true && (process.stdin.isTTY === true || stdinIsInput());
      process.exitCode = await runOneOff(runtime, project, service, {
        command,
        env: [...fileEnv, ...resolveBareEnv(flags.env, project.dotenv ?? {})],
        labels: [...flags.label, ...flags.labels],
        volumes: [...flags.volume, ...flags.volumes].map(absoluteHost),
        publish,
        servicePorts: flags.servicePorts === true,
        capAdd: flags.capAdd,
        capDrop: flags.capDrop,
        entrypoint: flags.entrypoint === undefined ? undefined : flags.entrypoint.split(/\s+/).filter(Boolean),
        user: flags.user,
        workdir: flags.workdir,
        name: flags.name,
        tty: flags.tty !== false && interactive && process.stdout.isTTY === true,
        interactive,
        openStdin: flags.detach === true,
        rm: flags.rm,
        detach: flags.detach === true,
        removeOrphans: flags.removeOrphans === true,
        noDeps: flags.deps === false,
        build: flags.build === true,
        pull: flags.pull as 'always' | 'missing' | 'never' | undefined,
        useAliases: flags.useAliases === true,
        onLine: (s) => void process.stderr.write(s),
        onId: (id) => void process.stdout.write(`${id}\n`),
      });
    });
}

/** Standard input is a pipe or a file: the user gave the command something to read. */
function stdinIsInput(): boolean {
  try {
    const s = fstatSync(0);
    return s.isFIFO() || s.isFile();
  } catch {
    return false;
  }
}

/** KEY=VALUE lines of an --env-from-file, as `-e` words; a missing or bad file is one line. */
function envFromFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FoxdevError('usage', `--env-from-file ${file}: no such file`);
  }
  const { values, errors } = parseDotenv(text, (k) => process.env[k]);
  if (errors.length) throw new FoxdevError('usage', `--env-from-file ${file}:${errors[0].line}: ${errors[0].message}`);
  return Object.entries(values).map(([k, v]) => `${k}=${v}`);
}

/** `./data:/data` → an absolute host path (the engine takes a bare name for a named volume). */
function absoluteHost(bind: string): string {
  const [host, ...rest] = bind.split(':');
  return host.startsWith('.') || host.startsWith('~') ? [resolve(host.replace(/^~/, process.env.HOME ?? '~')), ...rest].join(':') : bind;
}
