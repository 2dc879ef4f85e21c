// An in-memory Runtime (src/runtime/runtime.ts) for unit tests of the whole Session: containers
// are created, started, stopped and exit as a script per service says, so failure paths that are
// slow or hard to provoke on a real engine (a create that fails, a job that exits 1, a stop that
// times out, a healthcheck that never passes) are tested in milliseconds. Every call is recorded
// as "verb service" in `calls`, in order. The e2e tests prove the same paths on Docker.
import type { ExecResult, HostProcess, LogLine, LogOptions, ProjectContainer, Runtime } from '../../src/runtime/runtime.js';
import { LABEL_CONFIG_HASH, LABEL_PROJECT, LABEL_SERVICE } from '../../src/names/labels.js';

/** How one service's containers behave. */
export interface Script {
  /** create throws this (an engine error: `statusCode` 404 means "no such image"), `times` times (default: always). */
  createFails?: { message: string; statusCode?: number; times?: number };
  /** Each start ends by itself after `afterMs` with `code` (a job, or a crash). */
  exits?: { afterMs: number; code: number };
  /** Exit codes of successive runs (overrides `exits.code` while it lasts). */
  codes?: number[];
  /** The healthcheck's exec answers this exit code (default 0). */
  probeExit?: number;
  /** Ignores its stop signal: stop waits the whole grace period, then kills (137). */
  ignoresStop?: boolean;
  /** Lines written on each start. */
  logs?: string[];
}

interface FakeContainer {
  id: string;
  name: string;
  service: string;
  labels: Record<string, string>;
  state: 'created' | 'running' | 'exited' | 'paused';
  exitCode: number;
  runs: number;
  waiters: Array<(code: number) => void>;
  listeners: Array<(l: LogLine) => void>;
  timer?: NodeJS.Timeout;
}

export class FakeRuntime implements Runtime {
  readonly calls: string[] = [];
  readonly containers = new Map<string, FakeContainer>();
  private next = 1;

  constructor(private readonly scripts: Record<string, Script> = {}) {}

  private script(c: FakeContainer): Script {
    return this.scripts[c.service] ?? {};
  }

  private get(id: string): FakeContainer {
    const c = this.containers.get(id) ?? [...this.containers.values()].find((x) => x.name === id);
    if (!c) throw Object.assign(new Error(`no such container: ${id}`), { statusCode: 404 });
    return c;
  }

  private end(c: FakeContainer, code: number): void {
    clearTimeout(c.timer);
    if (c.state !== 'running' && c.state !== 'paused') return;
    c.state = 'exited';
    c.exitCode = code;
    for (const w of c.waiters.splice(0)) w(code);
  }

  /** The containers of one service, in creation order. */
  of(service: string): FakeContainer[] {
    return [...this.containers.values()].filter((c) => c.service === service);
  }

  /** End a running container from the test (a crash). */
  crash(service: string, code: number): void {
    for (const c of this.of(service)) this.end(c, code);
  }

  async apiVersion(): Promise<string | undefined> {
    return '1.41';
  }

  async listProjectContainers(project: string): Promise<ProjectContainer[]> {
    return [...this.containers.values()]
      .filter((c) => c.labels[LABEL_PROJECT] === project)
      .map((c) => ({
        id: c.id,
        name: c.name,
        service: c.service,
        hash: c.labels[LABEL_CONFIG_HASH] ?? '',
        running: c.state === 'running',
        state: c.state,
        status: c.state,
        labels: c.labels,
        ports: [],
        number: Number(c.labels['com.docker.compose.container-number'] ?? 1) || 1,
      }));
  }

  async createContainer(name: string, body: Record<string, unknown>): Promise<string> {
    const labels = (body.Labels ?? {}) as Record<string, string>;
    const service = labels[LABEL_SERVICE] ?? name;
    this.calls.push(`create ${service}`);
    const fail = this.scripts[service]?.createFails;
    if (fail && (fail.times === undefined || fail.times-- > 0)) throw Object.assign(new Error(fail.message), { statusCode: fail.statusCode ?? 500 });
    const id = `c${this.next++}`;
    this.containers.set(id, { id, name, service, labels, state: 'created', exitCode: 0, runs: 0, waiters: [], listeners: [] });
    return id;
  }

  async startContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`start ${c.service}`);
    if (c.state === 'running') return;
    c.state = 'running';
    c.runs++;
    const s = this.script(c);
    // After the caller had a chance to follow (as the engine's `since` would catch them).
    setImmediate(() => {
      for (const line of s.logs ?? []) for (const l of c.listeners) l({ stream: 'stdout', line });
    });
    if (s.exits || s.codes?.length) {
      const code = s.codes?.length ? s.codes.shift()! : s.exits!.code;
      c.timer = setTimeout(() => this.end(c, code), s.exits?.afterMs ?? 5);
    }
  }

  async stopContainer(id: string, graceMs: number): Promise<void> {
    const c = this.get(id);
    this.calls.push(`stop ${c.service}`);
    if (c.state !== 'running') return;
    if (this.script(c).ignoresStop) {
      await new Promise((r) => setTimeout(r, graceMs));
      return this.end(c, 137);
    }
    this.end(c, 143);
  }

  async killContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`kill ${c.service}`);
    this.end(c, 137);
  }

  async removeContainer(id: string): Promise<void> {
    const c = this.containers.get(id);
    if (!c) return;
    this.calls.push(`remove ${c.service}`);
    this.end(c, 137);
    this.containers.delete(id);
  }

  async restartContainer(id: string, graceMs: number): Promise<void> {
    await this.stopContainer(id, graceMs);
    await this.startContainer(id);
  }

  async pauseContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`pause ${c.service}`);
    c.state = 'paused';
  }

  async unpauseContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`unpause ${c.service}`);
    c.state = 'running';
  }

  waitContainer(id: string, signal: AbortSignal): Promise<number> {
    const c = this.get(id);
    if (c.state === 'exited' || c.state === 'created') return Promise.resolve(c.exitCode);
    return new Promise((resolve, reject) => {
      c.waiters.push(resolve);
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  }

  async ping(): Promise<void> {}

  async containerState(id: string): Promise<{ status: string; exitCode: number; health: string }> {
    const c = this.get(id);
    return { status: c.state, exitCode: c.exitCode, health: '' };
  }

  async containerHealthcheck(): Promise<undefined> {
    return undefined; // the scripted images have no HEALTHCHECK of their own
  }

  async exitInfo(): Promise<{ oomKilled: boolean }> {
    return { oomKilled: false };
  }

  async setRestartPolicy(id: string, policy: { Name: string }): Promise<void> {
    this.calls.push(`policy ${this.get(id).service} ${policy.Name}`);
  }

  async connectNetwork(): Promise<void> {}
  async putFile(): Promise<void> {}

  async containerLogs(id: string, opts: LogOptions, onLine: (l: LogLine) => void): Promise<void> {
    const c = this.get(id);
    if (!opts.follow) return;
    c.listeners.push(onLine);
    await new Promise<void>((resolve) => {
      c.waiters.push(() => resolve());
      opts.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    c.listeners = c.listeners.filter((l) => l !== onLine);
  }

  async exec(id: string): Promise<ExecResult> {
    const c = this.get(id);
    const code = this.script(c).probeExit ?? 0;
    return { exitCode: code, stdout: code === 0 ? 'ok\n' : 'not yet\n', stderr: '' };
  }

  handle(): never {
    throw new Error('the fake runtime has no container handles (seeding and sync are tested on the engine)');
  }

  async imageBuildHash(): Promise<string | undefined> {
    return undefined;
  }
  async buildImage(): Promise<void> {
    this.calls.push('build');
  }
  async pullImage(image: string): Promise<void> {
    this.calls.push(`pull ${image}`);
  }
  async networkExists(): Promise<boolean> {
    return true;
  }
  async createNetworkIfMissing(body: Record<string, unknown>): Promise<boolean> {
    this.calls.push(`network ${String(body.Name)}`);
    return true;
  }
  async missingVolumes(names: string[]): Promise<string[]> {
    return names;
  }
  async createVolume(_project: string, name: string): Promise<void> {
    this.calls.push(`volume ${name}`);
  }

  async removeProjectNetworks(project: string): Promise<string[]> {
    return [`${project}_default`];
  }
  async removeProjectVolumes(): Promise<string[]> {
    return [];
  }

  async spawnProcess(): Promise<HostProcess> {
    throw new Error('the fake runtime runs no host processes');
  }
  async stopProcessGroup(): Promise<void> {}
  async execOnHost(): Promise<{ exitCode: number; output: string }> {
    return { exitCode: 0, output: '' };
  }
  processAlive(): boolean {
    return false;
  }
}
