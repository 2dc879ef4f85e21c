// compose's global options, as a compose user types them before the command: each repeatable
// option takes ONE value per use (`-f a.yaml -f b.yaml`), so the command name after them is never
// swallowed (`foxdev -f compose.yaml ci` runs ci). Shorthands accept compose's (pflag's) `-f=x`.
import { Command, Option } from 'commander';
import { FoxdevError } from '../errors.js';

/** pflag reads `-f=x` as x; commander would keep the "=". No file, name or folder starts with "=". */
const value = (v: string): string => (v.startsWith('=') ? v.slice(1) : v);
const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), value(v)];

export const ANSI_MODES = ['never', 'always', 'auto'] as const;
export const PROGRESS_MODES = ['auto', 'tty', 'plain', 'quiet', 'json'] as const;

/** The options compose defines on its root command, plus foxdev's -C. */
export function globalOptionList(): Option[] {
  return [
    new Option('-f, --file <file>', 'compose or foxdev config file (repeatable; default: discovered from here upwards)').argParser(collect),
    new Option('-p, --project-name <name>', 'project name (default: COMPOSE_PROJECT_NAME, the file’s name:, the directory name)').argParser(value),
    new Option('--profile <name>', 'enable a compose profile (repeatable; default: COMPOSE_PROFILES)').argParser(collect),
    new Option('--project-directory <dir>', 'the project directory (default: the directory of the first file)').argParser(value),
    new Option('-C, --project-dir <dir>', 'run as if started in <dir>').argParser(value),
    new Option('--env-file <file>', 'environment file for interpolation instead of .env (repeatable; default: COMPOSE_ENV_FILES)').argParser(collect),
    new Option('--ansi <when>', 'when to print colours and terminal control: never, always or auto (default: COMPOSE_ANSI, else auto)').argParser(choice('--ansi', ANSI_MODES)),
    new Option('--progress <mode>', 'progress output: auto, tty, plain, quiet or json (default: COMPOSE_PROGRESS, else auto)').argParser(choice('--progress', PROGRESS_MODES)),
    new Option('--context <name>', 'the Docker context to use (default: DOCKER_HOST, DOCKER_CONTEXT, then docker’s current context)').argParser(value),
    new Option('--compatibility', 'name containers as compose v1 did (project_service_1); also COMPOSE_COMPATIBILITY=true'),
    new Option('--all-resources', 'include the networks and volumes no selected service uses (up makes them too)'),
    new Option('--verbose', 'accepted for compose compatibility: foxdev already shows each step'),
    new Option('--dry-run', 'show what would be done and change nothing (commands that support it)'),
  ];
}

function choice(flag: string, allowed: readonly string[]): (v: string) => string {
  return (raw) => {
    const v = value(raw);
    if (!allowed.includes(v)) throw new FoxdevError('usage', `${flag} ${v}: expected one of ${allowed.join(', ')}`);
    return v;
  };
}

const trailing = new WeakSet<Option>();

/** Whether `cmd` defines an option of its own (not a trailing global) with this attribute name. */
export function hasOwnOption(cmd: Command, attribute: string): boolean {
  return cmd.options.some((o) => o.attributeName() === attribute && !trailing.has(o));
}

/**
 * Global options also after the command (`foxdev config -C dir`), as foxdev always allowed,
 * but only those the command does not define itself: `logs -f` is --follow, `rm -f` is --force.
 * Hidden, so each command's help lists only its own options.
 */
export function addTrailingGlobals(cmd: Command): void {
  const taken = new Set(cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => !!f)));
  for (const o of globalOptionList()) {
    if ((o.short && taken.has(o.short)) || (o.long && taken.has(o.long))) continue;
    trailing.add(o);
    cmd.addOption(o.hideHelp());
  }
  for (const sub of cmd.commands) addTrailingGlobals(sub);
}
