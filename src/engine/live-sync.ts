// Live sync inside a session: one sync per container service with rules (one watcher per host
// process), restarted with the container on a rebuild, caught up after every restart. The sync
// library decides what to copy; this file only connects it to the session's lifecycle.
import type { Runtime } from '../runtime/runtime.js';
import type { Project, Service } from '../config/project.js';
import type { Action } from '../store/actions.js';
import { startProcessWatch, startSync, type SyncActionRequest, type SyncSession } from './sync/index.js';

export interface LiveSyncHooks {
  dispatch(a: Action): void;
  say(service: string, line: string): void;
  restart(service: string): Promise<void>;
  rebuild(service: string, because: string): Promise<void>;
  signal: AbortSignal;
}

export class LiveSync {
  private readonly syncs = new Map<string, SyncSession>();
  private readonly watches = new Map<string, { close(): Promise<void> }>();

  constructor(
    private readonly runtime: Runtime,
    private readonly project: Project,
    private readonly hooks: LiveSyncHooks,
  ) {}

  private onAction(service: string) {
    return async (a: SyncActionRequest): Promise<void> => {
      const file = a.file.startsWith(this.project.dir) ? a.file.slice(this.project.dir.length + 1) : a.file;
      if (a.kind === 'rebuild') await this.hooks.rebuild(service, `${file} changed`);
      else {
        this.hooks.say(service, `restarting: ${file} changed`);
        await this.hooks.restart(service);
      }
    };
  }

  /**
   * A container started (first time, or new after a rebuild): sync into it from now on. `unit`
   * names the replica when the service runs several: each of its containers is synced.
   */
  async attachContainer(svc: Service, containerId: string, unit = svc.name): Promise<void> {
    if (!svc.sync.length) return;
    // Not awaited: a rebuild asked for by the old sync's own batch would otherwise wait on itself.
    void this.syncs.get(unit)?.close();
    try {
      const session = await startSync({
        container: this.runtime.handle(containerId),
        serviceName: svc.name,
        rules: svc.sync,
        projectDir: this.project.dir,
        buildContext: svc.build?.context,
        catchUpOnStart: true,
        signal: this.hooks.signal,
        onLog: (l) => this.hooks.say(unit, l),
        onStatus: (s) => this.hooks.dispatch({ type: 'sync/status', service: unit, at: Date.now(), files: s.files, pending: s.pending, error: s.error }),
        onAction: this.onAction(unit),
      });
      this.syncs.set(unit, session);
    } catch (err) {
      // A bad rule (outside the project, escaping symlink) must not take the service down.
      this.hooks.say(unit, `sync not started: ${(err as Error).message}`);
      this.hooks.dispatch({ type: 'sync/status', service: unit, at: Date.now(), files: 0, pending: 0, error: (err as Error).message });
    }
  }

  /** The container restarted: anything synced into its writable layer is still there, but changes made while it was down are not. */
  async restarted(service: string): Promise<void> {
    await this.syncs.get(service)?.catchUp().catch((err) => this.hooks.say(service, `catch-up failed: ${(err as Error).message}`));
  }

  async watchProcess(svc: Service): Promise<void> {
    if (!svc.sync.length || this.watches.has(svc.name)) return;
    try {
      this.watches.set(
        svc.name,
        await startProcessWatch({
          rules: svc.sync,
          projectDir: this.project.dir,
          serviceName: svc.name,
          signal: this.hooks.signal,
          onAction: this.onAction(svc.name),
          onError: (err) => this.hooks.say(svc.name, `watch error: ${err.message}`),
        }),
      );
    } catch (err) {
      this.hooks.say(svc.name, `watch not started: ${(err as Error).message}`);
    }
  }

  /** A unit left the session (removed, or about to be recreated): stop syncing into it. */
  async detach(unit: string): Promise<void> {
    const sync = this.syncs.get(unit);
    this.syncs.delete(unit);
    await sync?.close().catch(() => {});
  }

  async close(): Promise<void> {
    await Promise.all([...this.syncs.values(), ...this.watches.values()].map((s) => s.close().catch(() => {})));
    this.syncs.clear();
    this.watches.clear();
  }
}
