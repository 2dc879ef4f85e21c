import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { say } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('ls')
    .description('list the projects on the engine (running ones; -a for all) with their status and config files')
    .option('-a, --all', 'also projects whose containers are all stopped')
    .option('--format <format>', 'table or json', 'table')
    .option('-q, --quiet', 'only the project names')
    .option('--filter <filter>', 'as compose: name=NAME (exact, or a regular expression); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (flags: { all?: boolean; format: string; quiet?: boolean; filter?: string[] }) => {
      if (flags.format !== 'table' && flags.format !== 'json') throw new FoxdevError('usage', `invalid format ${flags.format}: table or json`);
      // No project is loaded: ls works from any directory, as compose's does.
      const runtime = await (await import('../runtime/engine-runtime.js')).connectRuntime();
      const { filterProjects, listProjects } = await import('../engine/verbs/ls.js');
      filterProjects([], flags.filter ?? []); // a bad filter is refused before the engine is asked
      const rows = filterProjects(await listProjects(runtime, { all: flags.all }), flags.filter ?? []);
      if (flags.quiet) return rows.forEach((r) => say(r.Name));
      if (flags.format === 'json') return say(JSON.stringify(rows));
      const { table } = await import('../engine/verbs/table.js');
      say(table([['NAME', 'STATUS', 'CONFIG FILES'], ...rows.map((r) => [r.Name, r.Status, r.ConfigFiles])]));
    });
}
