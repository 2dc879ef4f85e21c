// A host process service. Each start spawns a new process group.
import type { ResolvedRun } from '../config/project.js';
import { spawnHostProcess, stopGroup, type HostProcess } from '../runtime/process.js';
import type { Instance } from './instance.js';

export class ProcessInstance implements Instance {
  private current?: HostProcess;

  constructor(
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
    this.current = { pid, exited: waitForPidExit(pid), stop: (graceMs) => stopGroup(pid, graceMs) };
  }

  async start(): Promise<void> {
    if (this.current && isAlive(this.current.pid)) return; // adopted and still running
    this.current = await spawnHostProcess(this.state, this.service, this.run, this.onLine, { detached: this.detached });
  }

  waitExit(): Promise<number> {
    if (!this.current) return Promise.resolve(0);
    return this.current.exited;
  }

  async exec(cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    const [file, ...args] = cmd;
    const { execa } = await import('execa'); // lazily: see runtime/process.ts
    const r = await execa(file, args, { cwd: this.run.cwd, env: this.run.env, reject: false, timeout: timeoutMs, all: true });
    return { exitCode: typeof r.exitCode === 'number' ? r.exitCode : 1, output: String(r.all ?? '') };
  }

  async stop(graceMs: number): Promise<void> {
    if (this.current) await this.current.stop(graceMs);
  }

  release(): void {
    // Detached processes write their own log file; there is nothing to let go of.
  }

  async kill(): Promise<void> {
    if (this.current) await stopGroup(this.current.pid, 0, this.current.exited);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** No child handle for an adopted process: notice its exit by polling. */
async function waitForPidExit(pid: number): Promise<number> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 500).unref());
  return 0;
}
