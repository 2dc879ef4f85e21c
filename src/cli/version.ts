// `foxdev version`: foxdev's own version as `docker compose version` prints its one: a sentence,
// `--short` the bare number, `--format json` one object. Needs no compose file and no engine.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { FoxdevError } from '../errors.js';

export function foxdevVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** What `version` prints for its flags; `format` as compose: pretty (default) or json. */
export function versionText(version: string, o: { short?: boolean; format?: string }): string {
  const v = version.replace(/^v/, '');
  if (o.short) return `${v}\n`;
  if (o.format === 'json') return `${JSON.stringify({ version: `v${v}` })}\n`;
  return `foxdev version v${v}\n`;
}

export function register(program: Command): void {
  program
    .command('version')
    .description('show the foxdev version information')
    .option('-f, --format <format>', 'format the output: pretty or json (default: pretty)')
    .option('--short', 'show only foxdev’s version number')
    .action((flags: { format?: string; short?: boolean }, cmd: Command) => {
      if (cmd.args.length) throw new FoxdevError('usage', `"foxdev version" accepts no arguments (got ${cmd.args.join(' ')})`);
      if (flags.format !== undefined && flags.format !== 'pretty' && flags.format !== 'json') throw new FoxdevError('usage', `invalid format ${flags.format}: pretty or json`);
      process.stdout.write(versionText(foxdevVersion(), flags));
    });
}
