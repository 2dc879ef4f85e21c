// `foxdev logs`: a service's output from the engine (not from the dashboard's bounded buffer), or
// from the log file of a host process.
import { open, stat } from 'node:fs/promises';
import type { Project } from '../config/project.js';
import { FoxdevError, noSuchService } from '../errors.js';
import { sleep } from '../sleep.js';
import type { LogEntry } from '../store/types.js';
import { isOneOff } from '../names/compose-labels.js';
import { composeLabel } from '../names/labels.js';
import type { Runtime } from '../runtime/runtime.js';
import type { ProjectContainer } from '../runtime/runtime.js';
import { processLogFile, stateDir } from '../runtime/process-state.js';

export interface LogsOptions {
  follow: boolean;
  tail?: number;
  /** Unix seconds. */
  since?: number;
  /** Unix seconds: nothing after it (compose's --until; a follow ends there). */
  until?: number;
  signal?: AbortSignal;
  /** Only this replica (compose's `logs --index`). */
  index?: number;
}

export async function serviceLogs(runtime: Runtime, project: Project, services: string[], o: LogsOptions, onEntry: (e: LogEntry) => void): Promise<void> {
  const names = services.length ? services : Object.keys(project.services);
  for (const n of names) if (!project.services[n]) throw noSuchService(n, Object.keys(project.services));
  const containers = await runtime.listProjectContainers(project.name);
  const follower = new ContainerFollower(runtime, project.name, o, onEntry);
  await Promise.all([
    ...names.map(async (service) => {
      if (project.services[service].kind === 'process') return processLogs(project, service, o, onEntry);
      // The service's own containers (not `foxdev run` one-offs); each replica under its unit name.
      const own = containers.filter((x) => x.service === service && !isOneOff(x.labels)).sort((a, b) => a.number - b.number);
      const picked = o.index === undefined ? own : own.filter((c) => c.number === o.index);
      if (o.index !== undefined && !picked.length && services.length)
        throw new FoxdevError('usage', `${service} has no container number ${o.index} (have: ${own.map((c) => c.number).join(', ') || 'none'})`);
      await Promise.all(picked.map((c) => follower.attach(c, o.since)));
    }),
    // compose's logs -f also follows what appears later: a container a later up creates, a new
    // replica, one that starts again after a restart.
    o.follow ? follower.watch((c) => names.includes(c.service) && !isOneOff(c.labels) && (o.index === undefined || c.number === o.index)) : undefined,
  ]);
}

const WATCH_MS = 250;

/** Follows containers' output, each container once at a time, and picks up new and restarted ones. */
export class ContainerFollower {
  private readonly open = new Set<string>();
  /** When a followed stream ended (the container stopped), in unix seconds: where a restart resumes. */
  private readonly ended = new Map<string, number>();
  private readonly streams: Promise<void>[] = [];

  constructor(
    private readonly runtime: Pick<Runtime, 'containerLogs' | 'listProjectContainers'>,
    private readonly project: string,
    private readonly o: LogsOptions,
    private readonly onEntry: (e: LogEntry) => void,
  ) {}

  async attach(c: ProjectContainer, since: number | undefined): Promise<void> {
    this.open.add(c.id);
    // compose's name for the lines: `db-1`, `web-2`, or the container_name.
    const label = composeLabel(this.project, c.name);
    try {
      await this.runtime.containerLogs(c.id, { follow: this.o.follow, tail: since === undefined ? this.o.tail : undefined, since, until: this.o.until, signal: this.o.signal }, (l) =>
        this.onEntry({ service: label, stream: l.stream, line: l.line, at: l.at ?? Date.now() }),
      );
    } finally {
      this.open.delete(c.id);
      this.ended.set(c.id, Date.now() / 1000);
    }
  }

  /** Until the signal: attach to each wanted container not followed now (new, or running again). */
  async watch(want: (c: ProjectContainer) => boolean): Promise<void> {
    const signal = this.o.signal;
    while (!signal?.aborted) {
      await sleep(WATCH_MS, signal).catch(() => undefined);
      if (signal?.aborted) break;
      const list = await this.runtime.listProjectContainers(this.project).catch(() => []);
      for (const c of list) {
        if (this.open.has(c.id) || !want(c)) continue;
        const endedAt = this.ended.get(c.id);
        if (endedAt !== undefined && !c.running) continue; // stopped and already read: nothing new
        this.streams.push(this.attach(c, endedAt).catch(() => undefined));
      }
    }
    await Promise.all(this.streams);
  }
}

/** Lines in the file are "<iso time> <stream> <text>", as the process runtime writes them. */
async function processLogs(project: Project, service: string, o: LogsOptions, onEntry: (e: LogEntry) => void): Promise<void> {
  const file = processLogFile(stateDir(project), service);
  const parse = (raw: string): LogEntry => {
    const m = /^(\S+) (stdout|stderr) (.*)$/.exec(raw);
    if (!m) return { service, stream: 'stdout', line: raw, at: Date.now() };
    return { service, stream: m[2] as 'stdout' | 'stderr', line: m[3], at: Date.parse(m[1]) || Date.now() };
  };
  let pos = 0;
  let rest = '';
  const readMore = async (first: boolean) => {
    const st = await stat(file).catch(() => undefined);
    if (!st || st.size <= pos) return;
    const fh = await open(file, 'r');
    const buf = Buffer.alloc(st.size - pos);
    await fh.read(buf, 0, buf.length, pos);
    await fh.close();
    pos = st.size;
    const lines = (rest + buf.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    let entries = lines.filter(Boolean).map(parse);
    if (first && o.since) entries = entries.filter((e) => e.at >= o.since! * 1000);
    if (o.until !== undefined) entries = entries.filter((e) => e.at <= o.until! * 1000);
    if (first && o.tail !== undefined) entries = entries.slice(-o.tail);
    for (const e of entries) onEntry(e);
  };
  await readMore(true);
  while (o.follow && !o.signal?.aborted) {
    await sleep(200, o.signal);
    await readMore(false);
  }
}
