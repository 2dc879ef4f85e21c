// The engine's view of "the thing that runs" for a service, so gating, probing and restart
// policies are written once for containers and host processes alike.
import type { ResolvedHealthcheck } from '../config/project.js';

export interface Instance {
  /** Start (or start again after an exit). Resolves once it is running. */
  start(): Promise<void>;
  /** Resolves with the exit code of the current run. */
  waitExit(): Promise<number>;
  /** Why the last run ended, when the code alone does not say (a container the kernel killed for memory). */
  exitNote?(): string | undefined;
  /** Run a command beside it: in the container, or on the host for a process. */
  exec(cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }>;
  stop(graceMs: number): Promise<void>;
  kill(): Promise<void>;
  /** A container's own healthcheck (its image's HEALTHCHECK), for a service whose file sets none. */
  builtInHealthcheck?(): Promise<ResolvedHealthcheck | undefined>;
  /** Stop following its output and exit status without stopping it (up --detach). */
  release(): void;
}
