// The one interface the session core acts through: containers, images and builds, exec, files
// into containers, logs, networks and volumes, and host processes. The engine decides what to do
// and asks a Runtime to do it; it never names dockerode or execa. docker/runtime.ts implements it
// over the Engine API; test/helpers/fake-runtime.ts implements it in memory so the session's
// failure paths (a create that fails, a job that exits 1, a stop that times out) have unit tests.
//
// Errors: a call the engine refused throws an error carrying the engine's HTTP status
// (`statusOf`), so callers can tell "no such image" (404) from the rest without knowing the client.
import type { ResolvedHealthcheck, ResolvedRun } from '../config/project.js';
import type { PreparedBuild } from './docker/build.js';
import type { ExecOptions, ExecResult } from './docker/exec.js';
import type { LogLine, LogOptions } from './docker/logs.js';
import type { ProjectContainer } from './docker/containers.js';
import type { EngineEvent, EventQuery } from './docker/events.js';
import type { EngineStats } from './docker/stats.js';
import type { HostProcess } from './process.js';
import type { ContainerHandle } from './container-handle.js';
import type { ContainerDetails, EngineVersion, ImageDetails, PortBinding, ProcessTable } from './container-info.js';

export type { ExecOptions, ExecResult, LogLine, LogOptions, PreparedBuild, ProjectContainer, HostProcess, ContainerHandle };
export type { ContainerDetails, EngineEvent, EngineStats, EngineVersion, EventQuery, ImageDetails, PortBinding, ProcessTable };

/** How `foxdev exec` runs its command: the user's terminal attached. */
export interface InteractiveExec {
  tty: boolean;
  /** `exec -d`: start the command in the background and return at once (0). */
  detach?: boolean;
  user?: string;
  workdir?: string;
  env?: string[];
  privileged?: boolean;
}

export interface RestartPolicy {
  Name: string;
  MaximumRetryCount: number;
}

export interface FileIntoContainer {
  path: string;
  content: string;
  uid: number;
  gid: number;
  mode: number;
}

export interface ExitInfo {
  /** The kernel's OOM killer ended it. */
  oomKilled: boolean;
  /** The memory limit in bytes, when one was set. */
  memoryLimit?: number;
}

export interface Runtime {
  /** The engine's API version, or undefined when it does not say (asked once). */
  apiVersion(): Promise<string | undefined>;
  /** Answers when the engine does; throws when it cannot be reached. */
  ping(): Promise<void>;
  /** The engine's version and platform (`foxdev doctor`). */
  engineVersion(): Promise<EngineVersion>;

  // Containers
  listProjectContainers(project: string): Promise<ProjectContainer[]>;
  /** Containers carrying every one of `labels`: running and paused ones, every one with `all`; `status` keeps only those states. */
  listContainersByLabel(labels: string[], opts?: { all?: boolean; status?: string[] }): Promise<ProjectContainer[]>;
  /** The fields the compose verbs read (image, ports, whether it runs, its last exit code). */
  inspectContainer(id: string): Promise<ContainerDetails>;
  /** Create under `name`; a leftover of the same project and service under that name is replaced. Returns the id. */
  createContainer(name: string, body: Record<string, unknown>): Promise<string>;
  /** Start; one already running is fine. */
  startContainer(id: string): Promise<void>;
  /** Stop with the container's stop signal, kill after `graceMs`; one already stopped or gone is fine. */
  stopContainer(id: string, graceMs: number): Promise<void>;
  killContainer(id: string): Promise<void>;
  /** Send `signal` (SIGKILL, SIGHUP, "9"…); unlike killContainer the engine's errors (409: not running) reach the caller. */
  signalContainer(id: string, signal: string): Promise<void>;
  /** Remove with force (anonymous volumes too only with `volumes`); one already gone is fine. */
  removeContainer(id: string, opts?: { volumes?: boolean }): Promise<void>;
  /** Stop (grace as for stopContainer) and start again. */
  restartContainer(id: string, graceMs: number): Promise<void>;
  pauseContainer(id: string): Promise<void>;
  unpauseContainer(id: string): Promise<void>;
  /** Resolves with the exit code of the current run; `signal` lets go of the wait. */
  waitContainer(id: string, signal: AbortSignal): Promise<number>;
  exitInfo(id: string): Promise<ExitInfo | undefined>;
  /** The engine's state now: status (running, exited, …), last exit code, health ('' without a healthcheck). */
  containerState(id: string): Promise<{ status: string; exitCode: number; health: string }>;
  /** The healthcheck the container runs with (its image's when the compose file sets none), with the engine's defaults filled in. */
  containerHealthcheck(id: string): Promise<ResolvedHealthcheck | undefined>;
  setRestartPolicy(id: string, policy: RestartPolicy): Promise<void>;
  connectNetwork(id: string, network: string, endpoint: Record<string, unknown>): Promise<void>;
  disconnectNetwork(id: string, network: string): Promise<void>;
  /** Write one file into a created (not yet started) container. */
  putFile(id: string, file: FileIntoContainer): Promise<void>;
  containerLogs(id: string, opts: LogOptions, onLine: (l: LogLine) => void): Promise<void>;
  exec(id: string, cmd: string[], opts?: ExecOptions): Promise<ExecResult>;
  /** `foxdev exec`: the command with this terminal wired to it; resolves with its exit code. */
  execInteractive(id: string, cmd: string[], opts: InteractiveExec): Promise<number>;
  /** `foxdev run`: start a created container attached to this terminal; resolves with its exit code. */
  runAttached(id: string, opts: { tty: boolean; interactive: boolean }): Promise<number>;
  /** The processes it runs (`foxdev top`). */
  topContainer(id: string): Promise<ProcessTable>;
  /** One resource sample (`foxdev stats`, the web page's column). */
  containerStats(id: string): Promise<EngineStats>;
  /** A tar stream of `path` in the container; 404 when it does not exist. */
  copyFromContainer(id: string, path: string): Promise<NodeJS.ReadableStream>;
  /** Extract a tar archive under `dir` in the container. */
  copyIntoContainer(id: string, dir: string, tar: Buffer, o?: { copyUIDGID?: boolean }): Promise<void>;
  /** Where a symbolic link in the container points ('' when `path` is not one). */
  containerLinkTarget(id: string, path: string): Promise<string>;
  /** Whether `path` in the container is a directory (false when it does not exist); works on stopped containers. */
  containerPathIsDir(id: string, path: string): Promise<boolean>;
  /** For the seeding and live-sync libraries, which stream archives and exec sessions themselves. */
  handle(id: string): ContainerHandle;

  /** The engine's container events matching `q`, until the stream ends (`until`) or `signal` aborts it. */
  streamEvents(q: EventQuery, onEvent: (e: EngineEvent) => void, signal?: AbortSignal): Promise<void>;

  // Images
  imageBuildHash(tag: string): Promise<string | undefined>;
  buildImage(build: PreparedBuild, onLine: (line: string) => void, signal?: AbortSignal): Promise<void>;
  pullImage(image: string): Promise<void>;
  /** Push an image to its registry (`build --push`); progress lines go to onLine. */
  pushImage(image: string, onLine: (line: string) => void): Promise<void>;
  /** Throws the engine's error (404) when there is no such image. */
  inspectImage(ref: string): Promise<ImageDetails>;
  /** Throws the engine's error: 404 gone, 409 still used by a container. */
  removeImage(ref: string): Promise<void>;

  // Networks and volumes
  networkExists(name: string): Promise<boolean>;
  /** Its labels (a config hash among them), or undefined when it does not exist. */
  networkLabels(name: string): Promise<Record<string, string> | undefined>;
  removeNetwork(name: string): Promise<void>;
  /** Returns whether it was created (false: one of that name exists). */
  createNetworkIfMissing(body: Record<string, unknown>): Promise<boolean>;
  missingVolumes(names: string[]): Promise<string[]>;
  createVolume(project: string, name: string, labels: Record<string, string>): Promise<void>;
  /** Remove the project's networks (found by label); returns their names. One still in use stays. */
  removeProjectNetworks(project: string): Promise<string[]>;
  /** Remove the project's volumes (found by label); returns their names. */
  removeProjectVolumes(project: string): Promise<string[]>;

  // Host processes (`run:` services)
  spawnProcess(state: string, service: string, run: ResolvedRun, onLine: (stream: 'stdout' | 'stderr', line: string) => void, opts: { detached: boolean }): Promise<HostProcess>;
  /** SIGTERM the process group, SIGKILL it after `graceMs`. */
  stopProcessGroup(pid: number, graceMs: number, exited?: Promise<unknown>): Promise<void>;
  execOnHost(cmd: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<{ exitCode: number; output: string }>;
  processAlive(pid: number): boolean;
}

/** The engine's HTTP status carried by a failed call, if any. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The engine's own words for a refusal, on one line (without the client's "(HTTP code 403) unexpected - " prefix). */
export function engineMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; message?: string };
  return String(e.json?.message ?? e.message ?? err).replace(/^\(HTTP code \d+\) [^-]*- /, '').replace(/\s+/g, ' ').trim();
}
