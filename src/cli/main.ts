#!/usr/bin/env node
// Entry point: argv → command → exit code. Each command lives in its own file and is imported
// lazily, so `foxdev --version` does not pay for loading Ink or dockerode.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from './commands.js';
import { reportError } from './report.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('foxdev')
    .description('Local multi-service development orchestrator')
    .version(pkg.version, '-V, --version')
    .option('-f, --file <file...>', 'config or compose file(s) to use (repeatable)')
    .option('-C, --project-dir <dir>', 'run as if started in <dir>')
    .option('-p, --project-name <name>', 'project name (default: directory name)')
    .option('--profile <name...>', 'enable compose profile(s)')
    .showHelpAfterError('(run foxdev --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  // React's development build is several times slower; the dashboard is imported lazily, after this.
  process.env.NODE_ENV ??= 'production';
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // commander signals --help / --version / usage errors by throwing with a code.
    const code = (err as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help'
        ? 0
        : 2;
    }
    return reportError(err);
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.exitCode = reportError(err);
  },
);
