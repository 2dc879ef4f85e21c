import type { Command } from 'commander';
import { projectOrName } from './project-or-name.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { progress, timeoutMs } from './engine-verb.js';

export function register(program: Command): void {
  program
    .command('down')
    .description('stop and remove the containers, host processes and network that up created (only the named services and their dependents, when named)')
    .argument('[services...]')
    .option('-v, --volumes', 'also remove the named volumes (their data is lost)')
    .option('--remove-orphans', 'also remove containers of services no longer in the config')
    .option('-t, --timeout <seconds>', 'grace period before killing, instead of each service’s stop_grace_period')
    .option('--rmi <type>', 'also remove images: local (the ones built for services without an image) or all')
    .action((services: string[], flags: DownFlags, cmd: Command) => runDown(cmd, services, flags));
}

export interface DownFlags { volumes?: boolean; removeOrphans?: boolean; timeout?: string; rmi?: string }

/** The whole of `down`, also what `wait --down-project` ends with. */
export async function runDown(cmd: Command, services: string[], flags: DownFlags): Promise<void> {
  if (flags.rmi !== undefined && flags.rmi !== 'local' && flags.rmi !== 'all') throw new FoxdevError('usage', `invalid --rmi ${flags.rmi}: local or all`);
  const graceMs = timeoutMs(flags.timeout);
  // -p NAME without files: every container labelled NAME goes, as compose's down does.
  const { project, byName } = await projectOrName(cmd, process.env, services);
  const { connectRuntime } = await import('../runtime/engine-runtime.js');
  const { down } = await import('../engine/down.js');
  const runtime = await connectRuntime();
  // As compose's down: stdout stays empty; what it did goes to stderr beside the progress lines.
  const onLine = (l: string) => void process.stderr.write(`${l}\n`);
  // compose: a service the file does not have is an error; by name alone a typo cannot be told from one already gone.
  if (!byName) for (const s of services) if (!project.services[s]) throw noSuchService(s, Object.keys(project.services));
  // A running session stops its services itself first (its supervisor would restart them).
  if (!byName) {
    const { runningSession } = await import('../api/client.js');
    const live = await runningSession(project);
    if (live && services.length) {
      live.close();
      throw new FoxdevError('usage', `a foxdev session runs for ${project.name}: its supervisor would bring ${services.join(', ')} back`, {
        hint: 'stop the session first (foxdev down, or q there), or foxdev stop the services there',
      });
    }
    if (live) {
      await live.intent({ kind: 'stop' });
      await live.closed;
      onLine('stopped the running session');
    }
    // The background live sync of an `up -d` goes first: nothing is synced into what is removed.
    if (!services.length && (await (await import('./sync-daemon.js')).stopSyncDaemon(project))) onLine('stopped the background live sync');
  }
  // One-off `run` containers go too, as compose's down removes them (before the network).
  const { removeOneOffs } = await import('../engine/verbs/remove-oneoffs.js');
  const oneOffs = services.length ? [] : await removeOneOffs(runtime, project.name, graceMs ?? 10_000, progress);
  const r = await down(runtime, project, {
    volumes: flags.volumes,
    removeOrphans: flags.removeOrphans || (byName && !services.length),
    services,
    timeoutMs: graceMs,
    onLine: progress,
  });
  if (flags.rmi) {
    const { imagesToRemove, removeImages } = await import('../engine/verbs/remove-images.js');
    await removeImages(runtime, imagesToRemove(project, flags.rmi), onLine);
  }
  if (r.orphansLeft.length) onLine(`left orphan containers ${r.orphansLeft.join(', ')} (use --remove-orphans)`);
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  onLine(`foxdev: ${project.name} down (${n(r.containers.length + oneOffs.length, 'container')}, ${(r.processes.length === 1 ? '1 host process' : `${r.processes.length} host processes`)}, ${n(r.volumes.length, 'volume')} removed)`);
}
