// Host processes (`run:` services): each in its own process group so stopping it also stops
// whatever it spawned. The pid is written under .foxdev/ so `foxdev down` can stop it even after
// foxdev itself was killed with -9.
// execa is imported where a process is spawned: loading it costs ~150 ms, which every `foxdev up`
// paid even for projects without host processes.
import type { Options, ResultPromise } from 'execa';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedRun } from '../config/project.js';
import { sleep } from '../sleep.js';
import { pidDir, processLogFile } from './process-state.js';

// Moved to process-state.ts (no execa import there, so `foxdev ps` stays light); re-exported.
export { forgetProcess, pidDir, processLogFile, recordedProcesses, stateDir } from './process-state.js';

export interface HostProcess {
  pid: number;
  /** Resolves with the exit code (signal deaths give 128+n, as a shell reports them). */
  exited: Promise<number>;
  stop(graceMs: number): Promise<void>;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Output always lands in .foxdev/logs/<service>.log too, so `foxdev logs` can read it later.
 * Detached (`up -d`), the process writes that file directly and foxdev keeps no pipe to it, so
 * foxdev can exit while the process goes on.
 */
export async function spawnHostProcess(
  state: string,
  service: string,
  run: ResolvedRun,
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
  opts: { detached?: boolean } = {},
): Promise<HostProcess> {
  const [file, ...args] = run.command;
  const logFile = processLogFile(state, service);
  await mkdir(join(state, 'logs'), { recursive: true });
  const detached = opts.detached === true;
  const options: Options = {
    cwd: run.cwd,
    env: detached ? { ...run.env, FOXDEV_LOG: logFile } : run.env,
    extendEnv: true,
    detached: true, // own process group: a signal to -pid reaches the children too
    reject: false,
    stdin: 'ignore',
    stdout: detached ? 'ignore' : 'pipe',
    stderr: detached ? 'ignore' : 'pipe',
    buffer: false,
    cleanup: !detached,
  };
  // Detached, a shell redirects the output to the log file and then becomes the command.
  const { execa } = await import('execa');
  const child: ResultPromise = detached
    ? execa('/bin/sh', ['-c', 'exec "$0" "$@" >>"$FOXDEV_LOG" 2>&1', file, ...args], options)
    : execa(file, args, options);
  if (!child.pid) {
    const r = await child;
    throw new Error(`cannot start ${run.command.join(' ')}: ${r.message ?? 'spawn failed'}`);
  }
  const pid = child.pid;
  await mkdir(pidDir(state), { recursive: true });
  await writeFile(join(pidDir(state), `${service}.pid`), String(pid));
  const log = detached ? undefined : createWriteStream(logFile, { flags: 'a' });
  const lineOut = (name: 'stdout' | 'stderr', line: string) => {
    log?.write(`${new Date().toISOString()} ${name} ${line}\n`);
    onLine(name, line);
  };
  for (const [name, stream] of [['stdout', child.stdout], ['stderr', child.stderr]] as const) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      rest += chunk;
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        lineOut(name, rest.slice(0, nl).replace(/\r$/, ''));
        rest = rest.slice(nl + 1);
      }
    });
    stream?.on('end', () => rest && lineOut(name, rest));
  }
  const exited = child.then(async (r) => {
    log?.end();
    await rm(join(pidDir(state), `${service}.pid`), { force: true });
    if (typeof r.exitCode === 'number') return r.exitCode;
    return 128 + (SIGNALS[r.signal ?? ''] ?? 1);
  });
  if (detached) child.unref?.();
  return {
    pid,
    exited,
    stop: (graceMs) => stopGroup(pid, graceMs, exited),
  };
}

/** SIGTERM the group, SIGKILL it after the grace period. */
export async function stopGroup(pid: number, graceMs: number, exited?: Promise<unknown>): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const gone = exited ?? waitGone(pid, graceMs);
  const timedOut = await Promise.race([gone.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) signalGroup(pid, 'SIGKILL');
  await Promise.race([gone, sleep(2000)]);
}

function signalGroup(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    try {
      process.kill(pid, sig);
      return true;
    } catch {
      return false; // already gone
    }
  }
}

async function waitGone(pid: number, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs + 2000;
  while (Date.now() < end) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}


/** Run a command on the host beside a process service (its probes), with the service's cwd and env. */
export async function runOnHost(cmd: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<{ exitCode: number; output: string }> {
  const [file, ...args] = cmd;
  const { execa } = await import('execa'); // lazily, as above
  const r = await execa(file, args, { cwd: opts.cwd, env: opts.env, reject: false, timeout: opts.timeoutMs, all: true });
  return { exitCode: typeof r.exitCode === 'number' ? r.exitCode : 1, output: String(r.all ?? '') };
}

/** Whether a pid is alive (signal 0 reaches it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Start this CLI again in the background, in its own session, its output appended to `logFile`:
 * it outlives the command that started it (the live sync a detached `up -d` leaves running).
 */
export async function spawnDetachedCli(args: string[], env: Record<string, string>, logFile: string): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { openSync, closeSync } = await import('node:fs');
  await mkdir(join(logFile, '..'), { recursive: true });
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, [...process.execArgv, ...args], { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    if (!child.pid) throw new Error(`cannot start ${args[0] ?? 'foxdev'} in the background`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** The environment a process was started with (Linux /proc), or undefined when it cannot be read. */
export async function processEnvironment(pid: number): Promise<Record<string, string> | undefined> {
  const { readFile } = await import('node:fs/promises');
  const raw = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  return Object.fromEntries(raw.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}
