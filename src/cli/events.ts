// `foxdev events`: compose's `events` verb. Works by project name (by label), with or without a
// compose file; streams until --until is reached or the user interrupts.
import type { Command } from 'commander';
import { projectOrName } from './project-or-name.js';

export function register(program: Command): void {
  program
    .command('events')
    .description('receive real time events from the project’s containers')
    .argument('[services...]')
    .option('--json', 'output events as a stream of json objects')
    .option('--since <time>', 'show all events created since timestamp (a duration such as 10m, a date, or a Unix time)')
    .option('--until <time>', 'stream events until this timestamp, then exit')
    .action(async (services: string[], flags: { json?: boolean; since?: string; until?: string }, cmd: Command) => {
      const { apiTimestamp } = await import('../engine/verbs/event-format.js');
      const now = Date.now();
      const since = flags.since === undefined ? undefined : apiTimestamp('--since', flags.since, now);
      const until = flags.until === undefined ? undefined : apiTimestamp('--until', flags.until, now);
      const { project, byName } = await projectOrName(cmd);
      // Lazily, as every command's implementation: targets.js brings the container runtime and
      // tar-stream, which every other command would otherwise load at start-up.
      const { checkServices } = await import('../engine/verbs/targets.js');
      if (!byName) checkServices(project, services);
      const runtime = await (await import('../runtime/engine-runtime.js')).connectRuntime();
      const { projectEvents } = await import('../engine/verbs/events.js');
      const out = (l: string) => void process.stdout.write(flags.json ? `${l}\n` : `${l}\n\n`);
      await projectEvents(runtime, project.name, { services, json: flags.json === true, since, until }, out);
    });
}
