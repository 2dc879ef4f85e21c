// The store's data model: plain, serialisable values the engine fills in and the views read.
// Kept apart from the actions so a view can import the shapes without the reducer.

export type ServiceKind = 'container' | 'process' | 'job';

export type Phase =
  | 'pending'
  | 'building'
  | 'creating'
  | 'starting'
  | 'waiting'
  | 'running'
  | 'ready'
  | 'unhealthy'
  | 'crash-loop'
  | 'exited'
  | 'completed'
  | 'failed'
  | 'stopping'
  | 'stopped';

/** The reason of the starting phase of a container found running and unchanged (compose's "Running"). */
export const REATTACHED = 'reattached';
/** The reason of the creating phase of a container that replaces an outdated one (compose's "Recreate"). */
export const RECREATING = 'replacing the old container';

export type Health = 'none' | 'starting' | 'healthy' | 'unhealthy';

/** `build`: the image builder's output for the service (compose prints it on stdout, also for `up -d`). */
export type LogStream = 'stdout' | 'stderr' | 'system' | 'build';

export type SeedState = 'seeding' | 'seeded' | 'changed' | 'failed';

export interface PortInfo {
  published?: number;
  target: number;
  protocol: string;
}

/** What the engine knows about a service before anything runs (from the resolved Project). */
export interface ServiceInfo {
  name: string;
  /** For a replica of a scaled service (`web-2`): the compose service it belongs to. */
  service?: string;
  kind: ServiceKind;
  /** The name compose prints before its lines (`db-1`, a container_name), for plain output. */
  label?: string;
  ports: PortInfo[];
  dependsOn: string[];
  hasSync: boolean;
  hasSeed: boolean;
}

export interface SyncInfo {
  at: number;
  files: number;
  pending: number;
  error?: string;
}

export interface SeedInfo {
  at: number;
  state: SeedState;
  message?: string;
}

export interface ServiceState extends ServiceInfo {
  phase: Phase;
  phaseAt?: number;
  /** Why the service is in its phase: what it waits for, or the error it failed with. */
  reason?: string;
  exitCode?: number;
  /** Crash-loop only: epoch ms of the next restart attempt. */
  nextRetryAt?: number;
  health: Health;
  healthAt?: number;
  lastProbe?: string;
  /** Uptime counts from here; cleared when the service stops. */
  startedAt?: number;
  restarts: number;
  sync?: SyncInfo;
  seed?: SeedInfo;
}

/** One stored log line. `seq` is global and strictly increasing across all services. */
export interface LogLine {
  seq: number;
  service: string;
  stream: LogStream;
  line: string;
  at: number;
}

export interface LogEntry {
  service: string;
  stream: LogStream;
  line: string;
  at: number;
}

export interface StoreConfig {
  /** Lines kept per service; older lines are dropped (the dashboard only needs a window). */
  logBufferLines: number;
}
