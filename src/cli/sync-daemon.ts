// The live sync a detached `up -d` leaves running. A foreground `foxdev up` syncs by itself; when
// `up -d` returns, nobody would be left to watch the files, so a small background foxdev takes
// over: the same CLI started again with the same arguments and FOXDEV_SYNC_DAEMON=1, which makes
// `up` only sync (engine/verbs/watch.ts with engine events followed) instead of starting anything.
// Its pid is kept in the state folder; `foxdev down`, `stop`, another `up` end it, and it ends by
// itself once the project's synced containers are gone. Restarts stay the engine's (the restart
// policy `up -d` hands over), so compose's verbs from other terminals behave as under compose.
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../config/project.js';
import { processAlive, processEnvironment, spawnDetachedCli, stateDir } from '../runtime/process.js';
import { sleep } from '../sleep.js';

export const DAEMON_ENV = 'FOXDEV_SYNC_DAEMON';

const pidFile = (project: Project) => path.join(stateDir(project), 'sync-daemon.pid');
export const syncDaemonLog = (project: Project) => path.join(stateDir(project), 'logs', 'sync-daemon.log');

export const isSyncDaemon = (): boolean => process.env[DAEMON_ENV] === '1';

/** The running sync daemon's pid, if one runs for this project (a recycled pid is not ours). */
async function runningDaemon(project: Project): Promise<number | undefined> {
  const pid = Number((await readFile(pidFile(project), 'utf8').catch(() => '')).trim());
  if (!pid || !processAlive(pid)) return undefined;
  const env = await processEnvironment(pid);
  return env === undefined || env[DAEMON_ENV] === '1' ? pid : undefined;
}

/** End the project's sync daemon, if any; waits until it is gone (3 s at most, then SIGKILL). */
export async function stopSyncDaemon(project: Project): Promise<boolean> {
  const pid = await runningDaemon(project);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 60 && processAlive(pid); i++) await sleep(50);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile(project), { force: true });
  return true;
}

/** After `up -d`: (re)start the background sync for the services that have sync rules. */
export async function startSyncDaemon(project: Project): Promise<number> {
  await stopSyncDaemon(project);
  const pid = await spawnDetachedCli(process.argv.slice(1), { [DAEMON_ENV]: '1', NO_COLOR: '1' }, syncDaemonLog(project));
  await mkdir(path.dirname(pidFile(project)), { recursive: true });
  await writeFile(pidFile(project), String(pid));
  return pid;
}

/** The daemon itself: sync until SIGTERM, or until nothing synced is left. */
export async function runSyncDaemon(project: Project, services: string[]): Promise<number> {
  const { engineRuntime } = await import('../runtime/engine-runtime.js');
  const { watchRunning } = await import('../engine/verbs/watch.js');
  const stamp = () => new Date().toISOString();
  const say = (service: string, line: string) => process.stdout.write(`${stamp()} ${service} | ${line}\n`);
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const stop = await watchRunning(engineRuntime(), project, services, say, { follow: true, onEmpty: () => (say(project.name, 'no synced container left; stopping'), resolveDone()) });
  say(project.name, `live sync running in the background (pid ${process.pid})`);
  process.once('SIGTERM', resolveDone);
  process.once('SIGINT', resolveDone);
  process.once('SIGHUP', () => {}); // the terminal that started `up -d` may close: keep going
  await done;
  await stop();
  const mine = Number((await readFile(pidFile(project), 'utf8').catch(() => '')).trim());
  if (mine === process.pid) await rm(pidFile(project), { force: true });
  return 0;
}
