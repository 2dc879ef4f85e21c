// Global options shared by every command (defined on the root program).
import type { Command } from 'commander';

export interface GlobalOptions {
  file?: string[];
  projectDir?: string;
  projectName?: string;
  profile?: string[];
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}
