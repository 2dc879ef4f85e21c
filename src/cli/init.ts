// `foxdev init [dir]`: look at a project, ask what cannot be guessed (on a terminal, unless --yes),
// write Dockerfile, .dockerignore, compose files and foxdev.config.ts — never over an existing file
// without --force. The decisions live in src/generate/init; this file only gathers and writes.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { FoxdevError } from '../errors.js';
import type { Addon, InitOptions, Stack } from '../generate/init/types.js';

export interface InitFlags {
  stack?: string;
  name?: string;
  service?: string;
  port?: string;
  healthPath?: string;
  with?: string;
  yes?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

export interface InitIO {
  write(s: string): void;
  /** Asks one question; undefined when there is no one to ask (no TTY or --yes). */
  ask?(question: string, suggestion: string): Promise<string>;
}

const STACK_NAMES = ['node', 'python', 'go', 'static'];
const ADDON_NAMES = ['postgres', 'redis'];

function parseStack(s: string): Stack {
  if (!STACK_NAMES.includes(s)) throw new FoxdevError('usage', `unknown stack "${s}"`, { hint: `choose one of ${STACK_NAMES.join(', ')}` });
  return s as Stack;
}

function parseWith(s: string): Addon[] {
  if (s.trim() === '' || s.trim() === 'none') return [];
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((x) => !ADDON_NAMES.includes(x));
  if (bad.length) throw new FoxdevError('usage', `unknown service for --with: ${bad.join(', ')}`, { hint: `foxdev init knows ${ADDON_NAMES.join(', ')}` });
  return [...new Set(list)] as Addon[];
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new FoxdevError('usage', `not a port: ${s}`);
  return n;
}

function parseName(s: string, what: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(s)) throw new FoxdevError('usage', `${what} "${s}" must be lowercase letters, digits, '-' or '_'`);
  return s;
}

export async function runInit(dir: string, flags: InitFlags, io: InitIO): Promise<number> {
  const { scanDir, detectStack, defaultOptions, initFiles } = await import('../generate/init/index.js');
  const { planWrite, writeFiles } = await import('../generate/write.js');
  const abs = resolve(dir);
  const scan = scanDir(abs);
  const detected = detectStack(scan, flags.stack ? parseStack(flags.stack) : undefined);
  const d = defaultOptions(scan, detected);
  // A flag always wins; otherwise ask (with the default as the suggestion) or take the default.
  const choose = async <T>(flag: string | undefined, question: string, suggestion: T, parse: (s: string) => T, show: (v: T) => string = String): Promise<T> => {
    if (flag !== undefined) return parse(flag);
    if (!io.ask) return suggestion;
    const answer = (await io.ask(question, show(suggestion))).trim();
    return answer ? parse(answer) : suggestion;
  };
  io.write(`foxdev: ${scan.name} looks like a ${detected.stack} project${detected.packageManager ? ` (${detected.packageManager})` : ''}\n`);
  const options: InitOptions = {
    ...d,
    project: await choose(flags.name, 'Project name', d.project, (s) => parseName(s, 'project name')),
    service: await choose(flags.service, 'Service name for the app', d.service, (s) => parseName(s, 'service name')),
    port: await choose(flags.port, 'Port the app listens on', d.port, parsePort),
    healthPath: await choose(flags.healthPath, 'Health check path', d.healthPath, (s) => (s.startsWith('/') ? s : `/${s}`)),
    with: await choose(flags.with, `Backing services (${ADDON_NAMES.join(',')} or none)`, d.with, parseWith, (v) => v.join(',') || 'none'),
  };
  const files = initFiles(detected, options);
  if (flags.dryRun) {
    // New files in full; an existing one that would change as a diff.
    const changes = planWrite(abs, files);
    files.forEach((f, i) => {
      const c = changes[i];
      io.write(c.kind === 'create' ? `--- ${f.path}\n${f.content}` : c.kind === 'differs' ? c.diff : `unchanged ${f.path}\n`);
    });
    return 0;
  }
  const result = writeFiles(abs, files, { force: flags.force });
  for (const p of result.written) io.write(`  wrote ${p}\n`);
  for (const p of result.unchanged) io.write(`  same  ${p}\n`);
  for (const p of result.kept) io.write(`  kept  ${p} (exists and differs; --dry-run shows the diff, --force overwrites)\n`);
  io.write(`next: foxdev up${options.with.includes('postgres') ? ' && foxdev seed' : ''}, then foxdev generate k8s\n`);
  return 0;
}

async function terminalAsk(): Promise<{ ask: (q: string, s: string) => Promise<string>; close: () => void }> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (q, s) => rl.question(`${q} [${s}]: `), close: () => rl.close() };
}

export function register(program: Command): void {
  program
    .command('init [dir]')
    .description('write a Dockerfile, .dockerignore, compose files and foxdev.config.ts for a project')
    .option('--stack <stack>', `project kind: ${STACK_NAMES.join(' | ')} (default: detected)`)
    .option('--name <name>', 'project name (default: folder name)')
    .option('--service <name>', 'service name of the app (default: app)')
    .option('--port <port>', 'port the app listens on')
    .option('--health-path <path>', 'HTTP path the healthcheck requests (default: /health)')
    .option('--with <services>', `backing services, comma-separated: ${ADDON_NAMES.join(',')} or none (default: those the code mentions)`)
    .option('-y, --yes', 'take the defaults without asking')
    .option('--force', 'overwrite files that exist')
    .option('--dry-run', 'print the files instead of writing them')
    .action(async (dir: string | undefined, flags: InitFlags) => {
      const interactive = !flags.yes && !flags.dryRun && process.stdin.isTTY === true && process.stdout.isTTY === true;
      const term = interactive ? await terminalAsk() : undefined;
      try {
        process.exitCode = await runInit(dir ?? '.', flags, { write: (s) => process.stdout.write(s), ask: term?.ask });
      } finally {
        term?.close();
      }
    });
}
