// `foxdev stats`: compose's `stats` verb (docker stats over the project's containers): a live
// table refreshed each sample until Ctrl-C, or one sample with --no-stream; json one object a line.
import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { projectAndEngine } from './engine-verb.js';

interface StatsFlags {
  all?: boolean;
  format?: string;
  stream?: boolean;
  trunc?: boolean;
}

export function register(program: Command): void {
  program
    .command('stats')
    .description('display a live stream of the project’s container(s) resource usage statistics')
    .argument('[services...]')
    .option('-a, --all', 'show all containers (default shows just running)')
    .option('--format <format>', 'table (default) or json (one object a line); Go templates are not supported')
    .option('--no-stream', 'disable streaming stats and only pull the first result')
    .option('--no-trunc', 'do not truncate output')
    .action(async (services: string[], flags: StatsFlags, cmd: Command) => {
      const format = flags.format ?? 'table';
      if (format !== 'table' && format !== 'json') throw new FoxdevError('usage', `invalid format ${format}: table or json (templates are not supported)`);
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { projectStats } = await import('../engine/verbs/stats.js');
      const { STATS_HEADER, statsCells, statsTableRow } = await import('../engine/verbs/stats-math.js');
      const { table } = await import('../engine/verbs/table.js');
      const trunc = flags.trunc !== false;
      const render = (rows: Awaited<ReturnType<typeof projectStats>>): string =>
        format === 'json' ? rows.map((r) => `${JSON.stringify(statsCells(r, trunc))}\n`).join('') : `${table([STATS_HEADER, ...rows.map((r) => statsTableRow(r, trunc))])}\n`;
      if (flags.stream === false) {
        process.stdout.write(render(await projectStats(runtime, project, services, flags.all === true)));
        return;
      }
      const tty = process.stdout.isTTY === true;
      for (;;) {
        const text = render(await projectStats(runtime, project, services, flags.all === true));
        // On a terminal the table is redrawn in place, as docker stats does.
        process.stdout.write(tty ? `\x1b[2J\x1b[H${text}` : text);
        await new Promise((r) => setTimeout(r, 500));
      }
    });
}
