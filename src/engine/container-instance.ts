// A service's container: created (or reused) once per session, started again on restarts. Its
// output is followed from the moment foxdev attaches, line by line, into the session's log.
import type { Instance } from './instance.js';
import { FoxdevError } from '../errors.js';
import type { Hook, Hooks } from '../plan/hooks.js';
import type { Runtime } from '../runtime/runtime.js';
import { sleep } from '../sleep.js';

export class ContainerInstance implements Instance {
  private logAbort?: AbortController;
  /** Settles when the followed log stream ends (it ends when the container stops). */
  private logsDone: Promise<void> = Promise.resolve();
  /** Aborts the pending wait-for-exit request when foxdev lets go of the container. */
  private readonly waitAbort = new AbortController();

  constructor(
    private readonly runtime: Runtime,
    readonly id: string,
    private readonly onLine: (stream: 'stdout' | 'stderr', line: string) => void,
    private readonly hooks: Hooks = { postStart: [], preStop: [] },
    /** The session's clock (ms). */
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    // Follow from now: a container started again (a stopped one from an earlier up, a restart)
    // keeps its old output, which belongs to `foxdev logs`, not to this session's view.
    const since = Math.floor(this.now() / 1000);
    await this.runtime.startContainer(this.id);
    this.follow(since);
    // compose's post_start: each hook in order; one that fails stops the container.
    for (const h of this.hooks.postStart) {
      const r = await this.runHook(h);
      if (r.exitCode !== 0) {
        await this.runtime.stopContainer(this.id, 0).catch(() => {});
        throw new FoxdevError('engine', `post_start hook ${JSON.stringify(h.command.join(' '))} exited with code ${r.exitCode}${r.last ? `: ${r.last}` : ''}`);
      }
    }
  }

  private async runHook(h: Hook): Promise<{ exitCode: number; last: string }> {
    const r = await this.runtime.exec(this.id, h.command, { user: h.user, workdir: h.workdir, env: h.env });
    const out = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
    for (const l of out) if (l) this.onLine('stdout', l);
    return { exitCode: r.exitCode, last: out.at(-1) ?? '' };
  }

  /** Reattach to an already running container without replaying its history. */
  attach(): void {
    this.follow(Math.floor(this.now() / 1000));
  }

  private follow(since: number | undefined): void {
    this.logAbort?.abort();
    const ac = new AbortController();
    this.logAbort = ac;
    this.logsDone = this.runtime.containerLogs(this.id, { follow: true, since, signal: ac.signal }, (l) => this.onLine(l.stream, l.line)).catch(() => {
      /* the container went away; its exit is reported by waitExit */
    });
  }

  async waitExit(): Promise<number> {
    const code = await this.runtime.waitContainer(this.id, this.waitAbort.signal);
    // Let the log stream deliver the last lines before the exit is reported: it ends by itself
    // once the container stopped (usually before wait answers), so wait for that, 50 ms at most.
    // A job's exit is on the dependency chain's critical path; a fixed 50 ms sleep was not.
    const cap = new AbortController();
    await Promise.race([this.logsDone, sleep(50, cap.signal)]);
    cap.abort();
    this.note = code === 137 ? await this.oomNote() : undefined;
    return code;
  }

  private note: string | undefined;

  builtInHealthcheck() {
    return this.runtime.containerHealthcheck(this.id).catch(() => undefined);
  }

  exitNote(): string | undefined {
    return this.note;
  }

  /** 137 is SIGKILL from anyone; the engine knows whether it was the kernel's OOM killer. */
  private async oomNote(): Promise<string | undefined> {
    const info = await this.runtime.exitInfo(this.id);
    if (!info?.oomKilled) return undefined;
    const limit = info.memoryLimit;
    return `killed: out of memory (OOMKilled${limit ? `, memory limit ${Math.round(limit / 1024 / 1024)} MiB` : ''})`;
  }

  async exec(cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    const signal = AbortSignal.timeout(timeoutMs);
    const r = await this.runtime.exec(this.id, cmd, { signal }).catch((err: unknown) => {
      throw signal.aborted ? new Error(`timed out after ${timeoutMs} ms`) : err;
    });
    return { exitCode: r.exitCode, output: r.stdout + r.stderr };
  }

  async stop(graceMs: number): Promise<void> {
    // compose's pre_stop. A failing hook is reported and the stop goes on: foxdev is stopping
    // because someone asked it to (Ctrl-C, down), and a stop that never happens helps nobody.
    for (const h of this.hooks.preStop) {
      const r = await this.runHook(h).catch((err: Error) => ({ exitCode: -1, last: err.message }));
      if (r.exitCode !== 0) this.onLine('stderr', `pre_stop hook ${JSON.stringify(h.command.join(' '))} exited with code ${r.exitCode}${r.last ? `: ${r.last}` : ''}; stopping anyway`);
    }
    await this.runtime.stopContainer(this.id, graceMs);
    this.logAbort?.abort();
  }

  release(): void {
    this.logAbort?.abort();
    this.waitAbort.abort();
  }

  async kill(): Promise<void> {
    await this.runtime.killContainer(this.id).catch(() => {});
    this.logAbort?.abort();
  }
}
