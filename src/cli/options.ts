// Global options shared by every command (defined on the root program, see global-options.ts),
// and how they become LoadOptions. Environment fallbacks (COMPOSE_FILE, COMPOSE_PROFILES,
// COMPOSE_PROJECT_NAME, COMPOSE_ENV_FILES) are applied in config/load.ts, because a project's
// .env may set them too; flags always win.
import type { Command } from 'commander';
import type { Project } from '../config/project.js';
import type { LoadOptions } from '../config/load.js';

export interface GlobalOptions {
  file?: string[];
  projectDir?: string;
  projectDirectory?: string;
  projectName?: string;
  profile?: string[];
  envFile?: string[];
  ansi?: string;
  progress?: string;
  compatibility?: boolean;
  allResources?: boolean;
  context?: string;
  dryRun?: boolean;
}

const LISTS = ['file', 'profile', 'envFile'] as const;

/**
 * The global options as given before the command, plus those given after it (see
 * addTrailingGlobals): lists add up in order, a single value given later wins.
 */
export function globalOptions(cmd: Command): GlobalOptions {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  const out: Record<string, unknown> = {};
  for (const c of chain) {
    for (const [k, v] of Object.entries(c.opts())) {
      if (v === undefined) continue;
      if ((LISTS as readonly string[]).includes(k)) out[k] = [...((out[k] as string[] | undefined) ?? []), ...(v as string[])];
      else out[k] = v;
    }
  }
  const g: GlobalOptions = {};
  for (const k of GLOBAL_KEYS) if (out[k] !== undefined) (g as Record<string, unknown>)[k] = out[k];
  return g;
}

const GLOBAL_KEYS = ['file', 'projectDir', 'projectDirectory', 'projectName', 'profile', 'envFile', 'ansi', 'progress', 'context', 'compatibility', 'allResources', 'dryRun'] as const;

/** LoadOptions for the project the global options point at. */
export function loadOptionsOf(cmd: Command, services?: string[]): LoadOptions {
  const g = globalOptions(cmd);
  return {
    cwd: g.projectDir ?? process.cwd(),
    files: g.file,
    profiles: g.profile,
    projectName: g.projectName,
    projectDirectory: g.projectDirectory,
    envFiles: g.envFile,
    services,
    ...(g.allResources ? { allResources: true } : {}),
    // Commands that create containers refuse the compose keys foxdev cannot apply.
    creates: ['up', 'run', 'ci', 'create', 'scale', 'watch'].includes(cmd.name()),
    builds: cmd.name() === 'build',
  };
}

/**
 * The project the global options point at (-f, -C, -p, --profile, --env-file,
 * --project-directory). `services`: what the command names (see LoadOptions.services).
 */
export async function loadFromOptions(cmd: Command, services?: string[]): Promise<Project> {
  const { loadProject } = await import('../config/load.js');
  return loadProject(loadOptionsOf(cmd, services));
}
