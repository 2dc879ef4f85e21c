// What the global options do before any command runs (commander's preAction hook): --ansi and
// --progress choose colour and the dashboard, --dry-run reaches the commands that have one.
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { ANSI_MODES, PROGRESS_MODES, hasOwnOption } from './global-options.js';
import { globalOptions } from './options.js';

export interface OutputModes {
  ansi: (typeof ANSI_MODES)[number];
  progress: (typeof PROGRESS_MODES)[number];
}

/** Flags win over COMPOSE_ANSI / COMPOSE_PROGRESS; the two combinations compose refuses are refused. */
export function outputModes(flags: { ansi?: string; progress?: string }, env: NodeJS.ProcessEnv): OutputModes {
  const ansi = flags.ansi ?? (env.COMPOSE_ANSI || 'auto');
  const progress = flags.progress ?? (env.COMPOSE_PROGRESS || 'auto');
  if (!(ANSI_MODES as readonly string[]).includes(ansi)) throw new FoxdevError('usage', `COMPOSE_ANSI=${ansi}: expected one of ${ANSI_MODES.join(', ')}`);
  if (!(PROGRESS_MODES as readonly string[]).includes(progress)) throw new FoxdevError('usage', `COMPOSE_PROGRESS=${progress}: expected one of ${PROGRESS_MODES.join(', ')}`);
  if (progress === 'tty' && ansi === 'never') throw new FoxdevError('usage', "can't use --progress tty while ANSI support is disabled");
  if (progress === 'plain' && ansi === 'always') throw new FoxdevError('usage', "can't use --progress plain while ANSI support is forced");
  return { ansi, progress } as OutputModes;
}

let ansi: OutputModes['ansi'] = 'auto';

/** Colour in line output: never with --no-color or --ansi never, always with --ansi always, else on a terminal. */
export function wantColor(flag: boolean | undefined, isTTY = process.stdout.isTTY === true): boolean {
  return flag !== false && ansi !== 'never' && (ansi === 'always' || isTTY);
}

export function applyGlobals(action: Command, env: NodeJS.ProcessEnv = process.env): void {
  const g = globalOptions(action);
  const modes = outputModes(g, env);
  ansi = modes.ansi;
  if (modes.ansi === 'never') {
    // chalk (the dashboard) reads FORCE_COLOR when first imported, which is after this; children see NO_COLOR.
    env.NO_COLOR = '1';
    env.FORCE_COLOR = '0';
    if (hasOwnOption(action, 'color')) action.setOptionValue('color', false);
  } else if (modes.ansi === 'always') env.FORCE_COLOR ??= '1';
  // No dashboard unless it may draw: plain/quiet/json progress, or no terminal control at all.
  if ((modes.ansi === 'never' || ['plain', 'quiet', 'json'].includes(modes.progress)) && hasOwnOption(action, 'tui')) action.setOptionValue('tui', false);
  // The docker CLI gives --context precedence over DOCKER_HOST; engine-endpoint.ts reads the env.
  if (g.context) {
    env.DOCKER_CONTEXT = g.context;
    env.FOXDEV_CONTEXT_FLAG = g.context;
    delete env.DOCKER_HOST;
  }
  // compose v1's names (project_service_1); read where names are made (plan/compose-vars.ts), as compose reads it.
  if (g.compatibility) env.COMPOSE_COMPATIBILITY = 'true';
  if (g.dryRun) {
    if (!hasOwnOption(action, 'dryRun')) throw new FoxdevError('usage', `--dry-run: foxdev ${action.name()} has no dry run (up, generate and init have one)`);
    action.setOptionValue('dryRun', true);
  }
}
