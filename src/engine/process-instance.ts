// A host process service. Each start spawns a new process group (through the Runtime).
import type { ResolvedRun } from '../config/project.js';
import type { HostProcess, Runtime } from '../runtime/runtime.js';
import { sleep } from '../sleep.js';
import type { Instance } from './instance.js';

export class ProcessInstance implements Instance {
  private current?: HostProcess;
  /** Ends the polling of an adopted process when foxdev lets go of it. */
  private readonly released = new AbortController();

  constructor(
    private readonly runtime: Runtime,
    private readonly state: string,
    private readonly service: string,
    private readonly run: ResolvedRun,
    private readonly onLine: (stream: 'stdout' | 'stderr', line: string) => void,
    private readonly detached: boolean,
  ) {}

  get pid(): number | undefined {
    return this.current?.pid;
  }

  /** Take over a process an earlier `up -d` left running; its output is in its log file. */
  adopt(pid: number): void {
    this.current = { pid, exited: this.waitForPidExit(pid), stop: (graceMs) => this.runtime.stopProcessGroup(pid, graceMs) };
  }

  async start(): Promise<void> {
    if (this.current && this.runtime.processAlive(this.current.pid)) return; // adopted and still running
    this.current = await this.runtime.spawnProcess(this.state, this.service, this.run, this.onLine, { detached: this.detached });
  }

  waitExit(): Promise<number> {
    if (!this.current) return Promise.resolve(0);
    return this.current.exited;
  }

  exec(cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    return this.runtime.execOnHost(cmd, { cwd: this.run.cwd, env: this.run.env, timeoutMs });
  }

  async stop(graceMs: number): Promise<void> {
    if (this.current) await this.current.stop(graceMs);
  }

  release(): void {
    // Detached processes write their own log file; only the polling of an adopted one ends.
    this.released.abort();
  }

  async kill(): Promise<void> {
    if (this.current) await this.runtime.stopProcessGroup(this.current.pid, 0, this.current.exited);
  }

  /** No child handle for an adopted process: notice its exit by polling. */
  private async waitForPidExit(pid: number): Promise<number> {
    while (this.runtime.processAlive(pid) && !this.released.signal.aborted) await sleep(500, this.released.signal);
    // Let go of (not exited): nobody is waiting for this run any more, so it never settles.
    if (this.released.signal.aborted) return new Promise<number>(() => {});
    return 0;
  }
}
