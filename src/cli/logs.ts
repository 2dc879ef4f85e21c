import type { Command } from 'commander';
import { FoxdevError } from '../errors.js';
import { projectOrName } from './project-or-name.js';
import { wantColor } from './apply-globals.js';

interface LogsFlags {
  follow?: boolean;
  tail?: string;
  since?: string;
  until?: string;
  timestamps?: boolean;
  color?: boolean;
  logPrefix?: boolean;
  index?: string;
}

/** "10m", "2h", "30s" ago, or an RFC 3339 timestamp → unix seconds. */
export function parseSince(text: string, now = Date.now(), flag = '--since'): number {
  const rel = /^(\d+)(s|m|h|d)$/.exec(text);
  if (rel) return Math.floor((now - Number(rel[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }[rel[2] as 's']!) / 1000);
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new FoxdevError('usage', `${flag} ${text}: expected a duration like 10m or a timestamp like 2026-01-02T15:04:05Z`);
  return Math.floor(t / 1000);
}

export function register(program: Command): void {
  program
    .command('logs')
    .description('print the output of services (all, or the named ones)')
    .argument('[services...]')
    .option('-f, --follow', 'keep printing new output')
    .option('--tail <n>', 'only the last n lines of each service')
    .option('--since <when>', 'only output since a duration ago (10m) or a timestamp')
    .option('--until <when>', 'only output before a duration ago (10m) or a timestamp')
    .option('-t, --timestamps', 'show timestamps')
    .option('--no-color', 'plain output')
    .option('--no-log-prefix', 'print lines without the service-name prefix')
    .option('--index <n>', 'only this replica of a scaled service')
    .action(async (services: string[], flags: LogsFlags, cmd: Command) => {
      const { project } = await projectOrName(cmd, process.env, services); // -p NAME alone reads the labelled containers, as compose does
      const { engineRuntime } = await import('../runtime/engine-runtime.js');
      const { serviceLogs } = await import('../engine/logs.js');
      const byName = project.files.length === 0 ? await import('./logs-by-name.js') : undefined;
      const runtime = engineRuntime();
      const { formatLogLine, widestName } = await import('../logfmt/index.js');
      const tail = flags.tail === undefined ? undefined : Number(flags.tail);
      if (tail !== undefined && !(Number.isInteger(tail) && tail >= 0)) throw new FoxdevError('usage', `--tail ${flags.tail}: expected a whole number`);
      const shown = services.length ? services : byName ? await byName.labelledServices(runtime, project.name) : Object.keys(project.services);
      // compose's width: the widest `<service>-<n>` plus one (a longer container_name widens it as it comes).
      // -t as compose's: the engine's RFC 3339 time after the prefix (`db-1  | 2026-…Z text`), so
      // scripts that parse compose's output read foxdev's.
      const fmt = { width: widestName(shown) + 3, color: wantColor(flags.color), timestamps: false };
      const stamp = (e: { at: number }) => (flags.timestamps === true ? `${new Date(e.at).toISOString()} ` : '');
      const ac = new AbortController();
      process.once('SIGINT', () => ac.abort());
      const index = flags.index === undefined ? undefined : Number(flags.index);
      if (index !== undefined && !(Number.isInteger(index) && index >= 1)) throw new FoxdevError('usage', `--index ${flags.index}: expected a replica number (1, 2, …)`);
      const o = { follow: flags.follow === true, tail, since: flags.since ? parseSince(flags.since) : undefined, until: flags.until ? parseSince(flags.until, Date.now(), '--until') : undefined, signal: ac.signal, index };
      const print = (e: Parameters<typeof formatLogLine>[0]) => {
        if (e.service.length >= fmt.width) fmt.width = e.service.length + 1;
        (e.stream === 'stderr' ? process.stderr : process.stdout).write((flags.logPrefix === false ? stamp(e) + e.line : formatLogLine({ ...e, line: stamp(e) + e.line }, fmt)) + '\n');
      };
      if (byName) await byName.logsByName(runtime, project.name, services, o, print);
      else await serviceLogs(runtime, project, services, o, print);
    });
}
