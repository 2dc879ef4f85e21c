// An in-memory Runtime (src/runtime/runtime.ts) for unit tests of the whole Session: containers
// are created, started, stopped and exit as a script per service says, so failure paths that are
// slow or hard to provoke on a real engine (a create that fails, a job that exits 1, a stop that
// times out, a healthcheck that never passes) are tested in milliseconds. Every call is recorded
// as "verb service" in `calls`, in order. The e2e tests prove the same paths on Docker.
import type { ContainerDetails, ContainerHandle, EngineEvent, EngineStats, EngineVersion, EventQuery, ExecResult, HostProcess, ImageDetails, LogLine, LogOptions, ProcessTable, ProjectContainer, Runtime } from '../../src/runtime/runtime.js';
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
  /** The networks named in its create body. */
  networks: string[];
  exitCode: number;
  runs: number;
  waiters: Array<(code: number) => void>;
  listeners: Array<(l: LogLine) => void>;
  timer?: NodeJS.Timeout;
}

export class FakeRuntime implements Runtime {
  readonly calls: string[] = [];
  readonly containers = new Map<string, FakeContainer>();
  /** Images the engine has, by reference: pullImage adds one; `inUse` makes removeImage answer 409. */
  readonly images = new Map<string, ImageDetails & { inUse?: boolean }>();
  /** Files copied in, as "container-id:dir" → the tar's size. */
  readonly copies: string[] = [];
  private next = 1;
  private eventListeners = new Set<(e: EngineEvent) => void>();

  constructor(private readonly scripts: Record<string, Script> = {}) {}

  private script(c: FakeContainer): Script {
    return this.scripts[c.service] ?? {};
  }

  private get(id: string): FakeContainer {
    const c = this.containers.get(id) ?? [...this.containers.values()].find((x) => x.name === id);
    if (!c) throw Object.assign(new Error(`no such container: ${id}`), { statusCode: 404 });
    return c;
  }

  private emit(c: FakeContainer, action: string): void {
    const e: EngineEvent = { Type: 'container', Action: action, Actor: { ID: c.id, Attributes: { ...c.labels, name: c.name } } };
    for (const l of this.eventListeners) l(e);
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
    return this.listed((c) => c.labels[LABEL_PROJECT] === project);
  }

  async listContainersByLabel(labels: string[], opts: { all?: boolean; status?: string[] } = {}): Promise<ProjectContainer[]> {
    // `key=value` must match, a bare `key` must be present: the engine's label filter.
    const has = (c: FakeContainer, l: string) => (l.includes('=') ? c.labels[l.slice(0, l.indexOf('='))] === l.slice(l.indexOf('=') + 1) : l in c.labels);
    return this.listed(
      (c) => labels.every((l) => has(c, l)) && (opts.all === true || c.state === 'running' || c.state === 'paused') && (!opts.status || opts.status.includes(c.state)),
    );
  }

  private listed(keep: (c: FakeContainer) => boolean): ProjectContainer[] {
    return [...this.containers.values()]
      .filter(keep)
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
        networks: c.networks,
      }));
  }

  async inspectContainer(id: string): Promise<ContainerDetails> {
    const c = this.get(id);
    const image = String(c.labels['foxdev.test/image'] ?? `${c.service}:latest`);
    return { imageId: `sha256:${c.service}`, configuredImage: image, running: c.state === 'running' || c.state === 'paused', exitCode: c.exitCode, ports: {}, mounts: [] };
  }

  async engineVersion(): Promise<EngineVersion> {
    return { version: 'fake', apiVersion: '1.41', os: 'linux', arch: 'amd64' };
  }

  async createContainer(name: string, body: Record<string, unknown>): Promise<string> {
    const labels = (body.Labels ?? {}) as Record<string, string>;
    const service = labels[LABEL_SERVICE] ?? name;
    this.calls.push(`create ${service}`);
    const fail = this.scripts[service]?.createFails;
    if (fail && (fail.times === undefined || fail.times-- > 0)) throw Object.assign(new Error(fail.message), { statusCode: fail.statusCode ?? 500 });
    const id = `c${this.next++}`;
    const networks = Object.keys(((body.NetworkingConfig ?? {}) as { EndpointsConfig?: Record<string, unknown> }).EndpointsConfig ?? {});
    this.containers.set(id, { id, name, service, labels, state: 'created', networks, exitCode: 0, runs: 0, waiters: [], listeners: [] });
    this.emit(this.containers.get(id)!, 'create');
    return id;
  }

  async startContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`start ${c.service}`);
    if (c.state === 'running') return;
    c.state = 'running';
    c.runs++;
    this.emit(c, 'start');
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

  async signalContainer(id: string, signal: string): Promise<void> {
    const c = this.get(id);
    if (c.state !== 'running') throw Object.assign(new Error(`container ${id} is not running`), { statusCode: 409 });
    this.calls.push(`signal ${c.service} ${signal}`);
    this.end(c, 137);
  }

  async removeContainer(id: string): Promise<void> {
    const c = this.containers.get(id);
    if (!c) return;
    this.calls.push(`remove ${c.service}`);
    this.end(c, 137);
    this.containers.delete(id);
    this.emit(c, 'destroy');
  }

  async restartContainer(id: string, graceMs: number): Promise<void> {
    await this.stopContainer(id, graceMs);
    await this.startContainer(id);
  }

  async pauseContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`pause ${c.service}`);
    // The engine's own refusals, which compose passes on.
    if (c.state === 'paused') throw new Error(`Container ${c.id} is already paused`);
    c.state = 'paused';
  }

  async unpauseContainer(id: string): Promise<void> {
    const c = this.get(id);
    this.calls.push(`unpause ${c.service}`);
    if (c.state !== 'paused') throw new Error(`Container ${c.id} is not paused`);
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

  async connectNetwork(id: string, network: string): Promise<void> {
    if (this.networkHashes.has(network)) this.calls.push(`connect ${this.get(id).service} ${network}`);
  }
  async disconnectNetwork(id: string, network: string): Promise<void> {
    this.calls.push(`disconnect ${this.get(id).service} ${network}`);
  }
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

  async execInteractive(id: string): Promise<number> {
    return (await this.exec(id)).exitCode;
  }

  async runAttached(id: string): Promise<number> {
    await this.startContainer(id);
    return this.waitContainer(id, new AbortController().signal);
  }

  async topContainer(id: string): Promise<ProcessTable> {
    const c = this.get(id);
    return { titles: ['PID', 'CMD'], processes: c.state === 'running' ? [['1', c.service]] : [] };
  }

  async containerStats(id: string): Promise<EngineStats> {
    this.get(id);
    return { memory_stats: { usage: 1024, limit: 4096 } };
  }

  async copyFromContainer(id: string, path: string): Promise<NodeJS.ReadableStream> {
    this.get(id);
    throw Object.assign(new Error(`Could not find the file ${path} in container ${id}`), { statusCode: 404 });
  }

  async containerLinkTarget(): Promise<string> {
    return '';
  }

  async copyIntoContainer(id: string, dir: string, tar: Buffer): Promise<void> {
    this.copies.push(`${this.get(id).id}:${dir} ${tar.length}`);
  }

  async containerPathIsDir(id: string, path: string): Promise<boolean> {
    this.get(id);
    return path === '/' || path === '/tmp'; // the scripted containers have nothing else
  }

  async streamEvents(q: EventQuery, onEvent: (e: EngineEvent) => void, signal?: AbortSignal): Promise<void> {
    const has = (e: EngineEvent, l: string) => {
      const attrs = e.Actor?.Attributes ?? {};
      return l.includes('=') ? attrs[l.slice(0, l.indexOf('='))] === l.slice(l.indexOf('=') + 1) : l in attrs;
    };
    const listener = (e: EngineEvent) => {
      if ((!q.type || e.Type === q.type) && q.labels.every((l) => has(e, l))) onEvent(e);
    };
    this.eventListeners.add(listener);
    // The fake's stream has no `until`: it ends when the caller lets go.
    await new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true })));
    this.eventListeners.delete(listener);
  }

  /** Only the id: streaming through it (seeding, live sync) is tested on the engine, and opening it fails clearly. */
  handle(id: string): ContainerHandle {
    return { id: this.get(id).id };
  }

  async imageBuildHash(): Promise<string | undefined> {
    return undefined;
  }
  async buildImage(): Promise<void> {
    this.calls.push('build');
  }
  async pullImage(image: string): Promise<void> {
    this.calls.push(`pull ${image}`);
    this.images.set(image, { repoTags: [image], size: 1000 });
  }
  async pushImage(image: string): Promise<void> {
    this.calls.push(`push ${image}`);
  }
  async inspectImage(ref: string): Promise<ImageDetails> {
    const img = this.images.get(ref);
    if (!img) throw Object.assign(new Error(`No such image: ${ref}`), { statusCode: 404 });
    return { repoTags: img.repoTags, size: img.size };
  }
  async removeImage(ref: string): Promise<void> {
    const img = this.images.get(ref);
    if (!img) throw Object.assign(new Error(`No such image: ${ref}`), { statusCode: 404 });
    if (img.inUse) throw Object.assign(new Error(`conflict: unable to remove repository reference "${ref}"`), { statusCode: 409, json: { message: `conflict: unable to remove repository reference "${ref}" (must force)\n- container is using its referenced image` } });
    this.calls.push(`rmi ${ref}`);
    this.images.delete(ref);
  }
  async networkExists(): Promise<boolean> {
    return true;
  }
  /** Networks a test says exist, with the definition hash recorded on each. */
  readonly networkHashes = new Map<string, string>();
  async networkLabels(name: string): Promise<Record<string, string> | undefined> {
    const h = this.networkHashes.get(name);
    return h === undefined ? undefined : { 'dev.foxdev.network-hash': h };
  }
  async removeNetwork(name: string): Promise<void> {
    this.calls.push(`rm network ${name}`);
    this.networkHashes.delete(name);
  }
  async createNetworkIfMissing(body: Record<string, unknown>): Promise<boolean> {
    this.calls.push(`network ${String(body.Name)}`);
    const hash = ((body.Labels ?? {}) as Record<string, string>)['dev.foxdev.network-hash'];
    if (hash) this.networkHashes.set(String(body.Name), hash);
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
