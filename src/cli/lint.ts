// `foxdev lint [paths...]`: check Dockerfiles and compose files for root users, missing
// healthchecks, unpinned images, literal secrets and missing .dockerignore files. Exit 1 when
// anything is found, so CI can gate on it.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { globalOptions } from './options.js';

export async function runLint(paths: string[], cwd: string, opts: { json?: boolean }, write: (s: string) => void): Promise<number> {
  const { collectLintInputs } = await import('../generate/lint/collect.js');
  const { lintFiles, formatFinding } = await import('../generate/lint/index.js');
  const inputs = collectLintInputs(paths, cwd);
  const findings = lintFiles(inputs, (p) => existsSync(resolve(cwd, p)));
  if (opts.json) write(JSON.stringify(findings, null, 2) + '\n');
  else {
    for (const f of findings) write(`${formatFinding(f)}\n`);
    const files = `${inputs.length} file${inputs.length === 1 ? '' : 's'}`;
    write(findings.length ? `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files}\n` : `${files} checked, no findings\n`);
  }
  return findings.length ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('lint [paths...]')
    .description('check Dockerfiles and compose files for container best practices')
    .option('--json', 'print the findings as JSON')
    .action(async (paths: string[], opts: { json?: boolean }, cmd: Command) => {
      const cwd = resolve(globalOptions(cmd).projectDir ?? process.cwd());
      process.exitCode = await runLint(paths, cwd, opts, (s) => process.stdout.write(s));
    });
}
