import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { projectAndEngine, say } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('images')
    .description('list the images the project’s containers use')
    .argument('[services...]')
    .option('--format <format>', 'table or json', 'table')
    .option('-q, --quiet', 'only the image ids')
    .action(async (services: string[], flags: { format: string; quiet?: boolean }, cmd: Command) => {
      if (flags.format !== 'table' && flags.format !== 'json') throw new FoxdevError('usage', `invalid format ${flags.format}: table or json`);
      const { project, runtime } = await projectAndEngine(cmd, services);
      const { projectImages, shortId } = await import('../engine/verbs/images.js');
      const rows = await projectImages(runtime, project, services);
      if (flags.quiet) return [...new Set(rows.map((r) => shortId(r.ID)))].forEach((id) => say(id));
      if (flags.format === 'json') return say(JSON.stringify(rows));
      const { table, humanSize } = await import('../engine/verbs/table.js');
      say(table([['CONTAINER', 'REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'], ...rows.map((r) => [r.ContainerName, r.Repository, r.Tag, shortId(r.ID), humanSize(r.Size)])]));
    });
}
