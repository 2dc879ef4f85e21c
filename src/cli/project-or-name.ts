// compose's "project or name": commands that only act on what exists (down, ps, logs) need just
// the project name, found by label. With -p (or COMPOSE_PROJECT_NAME) and no -f, a project that
// cannot be loaded (no file here or above, or one with problems) is not an error: the command
// works on the name alone, as `docker compose -p NAME down` does from any directory.
import type { Command } from 'commander';
import path from 'node:path';
import type { Project } from '../config/project.js';
import { ConfigError, FoxdevError } from '../errors.js';
import { loadOptionsOf } from './options.js';

export interface ProjectOrName {
  project: Project;
  /** The project was named without files: every container with its label belongs to it. */
  byName: boolean;
}

/** `named`: the services the command names, whose profiles that enables (compose's rule). */
export async function projectOrName(cmd: Command, env: NodeJS.ProcessEnv = process.env, named: string[] = []): Promise<ProjectOrName> {
  const opts = loadOptionsOf(cmd, named); // starts nothing: env_file problems only for the named ones
  const { loadProject, DEFAULT_LOG_BUFFER } = await import('../config/load.js');
  const noFiles = !opts.files?.length;
  // compose: -p without -f means the project is its name; the files found here only add detail.
  const byName = opts.projectName !== undefined && noFiles;
  const name = opts.projectName ?? env.COMPOSE_PROJECT_NAME;
  try {
    return { project: await loadProject(opts), byName };
  } catch (err) {
    if (!name || !noFiles || !(err instanceof ConfigError)) throw err;
    const { isValidProjectName } = await import('../config/project-name.js');
    if (!isValidProjectName(name)) throw new FoxdevError('usage', `project name "${name}" must be lower case letters, digits, "-" and "_", starting with a letter or digit`);
    const dir = path.resolve(opts.cwd);
    return { project: { name, dir, files: [], services: {}, volumes: {}, networks: {}, profiles: [], logBuffer: DEFAULT_LOG_BUFFER }, byName: true };
  }
}
