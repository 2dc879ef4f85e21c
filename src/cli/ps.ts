import type { Command } from 'commander';
import { projectOrName } from './project-or-name.js';
import { FoxdevError, noSuchService } from '../errors.js';

interface PsFlags {
  json?: boolean;
  all?: boolean;
  quiet?: boolean;
  services?: boolean;
  format?: string;
  trunc?: boolean;
  status?: string[];
  filter?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('ps')
    .description('list the project’s containers in compose’s columns (running ones unless -a); --format foxdev for kind, health, uptime and restarts')
    .argument('[services...]', 'only these services')
    .option('-a, --all', 'also show stopped containers (completed jobs, exited services)')
    .option('-q, --quiet', 'only print container ids')
    .option('--services', 'only print service names')
    .option('--format <format>', 'table (default, compose’s columns), json (compose’s keys: Name, Service, State, Health, ExitCode, Publishers, …), foxdev (service, kind, state, health, uptime, restarts, ports), or a Go template as compose: \'{{.Name}} {{.Status}}\', \'table {{.Name}}\\t{{.Ports}}\' (default: psFormat of the Docker CLI config)')
    .option('--no-trunc', 'do not truncate ids and commands in a --format template')
    .option('--status <state>', 'only containers in this state (repeatable): running, exited, created, paused, restarting, removing, dead', collect)
    .option('--filter <filter>', 'filter as compose: status=<state> (repeatable)', collect)
    .option('--json', 'print foxdev’s own rows as JSON')
    .action(async (services: string[], flags: PsFlags, cmd: Command) => {
      const isTemplate = (f: string | undefined) => f !== undefined && f.includes('{{');
      if (flags.format && !['json', 'table', 'foxdev'].includes(flags.format) && !isTemplate(flags.format)) throw new FoxdevError('usage', `unsupported --format ${flags.format}`, { hint: 'use table, json, foxdev or a Go template such as {{.Name}}' });
      // Start loading the ps modules while the config loads; neither waits for the other.
      const modules = Promise.all([import('../runtime/engine-endpoint.js'), import('../engine/ps.js'), import('./ps-select.js'), import('../runtime/ps-readers.js')]);
      const { project } = await projectOrName(cmd, process.env, services); // -p NAME alone lists by label, as compose does
      const [{ engineEndpoint, engineUnreachable }, { psEntries, formatPs }, { selectPs }, { httpPsEngine, clientPsEngine }] = await modules;
      for (const s of services) if (project.files.length > 0 && !project.services[s]) throw noSuchService(s, Object.keys(project.services));
      // The small HTTP reader, not dockerode: importing dockerode alone would use up most of ps's time.
      const ep = engineEndpoint();
      // ssh:// engines need dockerode's ssh transport; everything else takes the small reader.
      const reader = ep.options.protocol === 'ssh' ? await clientPsEngine() : httpPsEngine(ep);
      const all = await psEntries(reader, project).catch((err) => {
        throw engineUnreachable(err);
      });
      const entries = selectPs(all, { all: flags.all, services, status: flags.status, filter: flags.filter });
      const out = (s: string): void => void process.stdout.write(s ? `${s}\n` : '');
      if (flags.quiet) return out(entries.filter((e) => e.info).map((e) => e.info!.Id).join('\n'));
      if (flags.services) return out([...new Set(entries.map((e) => e.row.service))].join('\n'));
      // As compose: without --format, the Docker CLI config's psFormat applies.
      const format = flags.format ?? (flags.json ? undefined : (await import('../runtime/docker-context.js')).configPsFormat(process.env));
      if (format === 'json') {
        const { composePsRow } = await import('../engine/ps-compose.js');
        // One object a line, as compose 2.21+ prints it.
        return out(entries.map((e) => JSON.stringify(composePsRow(project, e))).join('\n'));
      }
      if (isTemplate(format)) return out((await import('../engine/ps-template.js')).formatPsTemplate(format!, entries, project, { trunc: flags.trunc !== false }));
      const rows = entries.map((e) => e.row);
      if (flags.json) return out(JSON.stringify(rows, null, 2));
      if (format === 'foxdev') return out(formatPs(rows));
      out((await import('../engine/ps-table.js')).formatComposePs(entries));
    });
}
