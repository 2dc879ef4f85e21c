// Global options shared by every command (defined on the root program).
import type { Command } from 'commander';
import type { Project } from '../config/project.js';

export interface GlobalOptions {
  file?: string[];
  projectDir?: string;
  projectName?: string;
  profile?: string[];
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/**
 * The project the global options point at (-f, -C, -p, --profile). `services`: what the command
 * names (see LoadOptions.services in config/load.ts).
 */
export async function loadFromOptions(cmd: Command, services?: string[]): Promise<Project> {
  const g = globalOptions(cmd);
  const { loadProject } = await import('../config/load.js');
  return loadProject({ cwd: g.projectDir ?? process.cwd(), files: g.file, profiles: g.profile, projectName: g.projectName, services });
}
