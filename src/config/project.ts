// The resolved Project: plain data every later stage reads. Compose fields keep compose's
// canonical shape (what `docker compose config` prints: long-form ports, maps for environment
// and depends_on, absolute paths) so `foxdev config` can print it as is; foxdev's own keys are
// normalised (durations in milliseconds) because only foxdev reads them.

import type { DependsCondition, SyncAction } from './types.js';

export type ServiceKind = 'container' | 'process' | 'job';
export type RestartPolicy = 'no' | 'always' | 'on-failure' | 'unless-stopped';

export interface ResolvedBuild {
  context: string; // absolute
  dockerfile: string; // relative to context, as compose prints it
  target?: string;
  args: Record<string, string>;
  /** Other compose build keys (labels, cache_from, ssh, ...), kept as compose normalises them. */
  extra?: Record<string, unknown>;
}

export interface ResolvedPort {
  target: number;
  published?: number;
  host_ip?: string;
  protocol: 'tcp' | 'udp';
  mode?: string;
  /** Last port of a host range ("8000-8010:80"): the engine picks a free one in the range. */
  publishedEnd?: number;
  name?: string;
  app_protocol?: string;
}

export interface ResolvedMount {
  type: 'bind' | 'volume' | 'tmpfs' | 'image' | 'npipe' | 'cluster';
  source?: string; // absolute for binds, volume key for volumes, none for anonymous volumes
  target: string;
  read_only: boolean;
  consistency?: string;
  /** compose's per-type options, as written (e.g. bind.create_host_path, volume.nocopy). */
  bind?: Record<string, unknown>;
  volume?: Record<string, unknown>;
  tmpfs?: Record<string, unknown>;
  image?: Record<string, unknown>;
}

export interface ResolvedDepends {
  condition: DependsCondition;
  required: boolean;
  restart: boolean;
  /** Set when the dependency also (or only) comes from this key, as compose adds it. */
  implicit?: 'network_mode' | 'ipc' | 'pid' | 'volumes_from' | 'links';
}

export interface ResolvedHealthcheck {
  test: string[]; // ["CMD", ...] / ["CMD-SHELL", "..."] / ["NONE"]
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  startIntervalMs?: number;
  /** start_interval was given without start_period: compose refuses it when it creates the container. */
  startIntervalWithoutPeriod?: true;
}

interface ProbeTimingMs {
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

export type ResolvedProbe =
  | ({ kind: 'http'; url: string; status: number } & ProbeTimingMs)
  | ({ kind: 'tcp'; port: number; host: string } & ProbeTimingMs)
  | ({ kind: 'exec'; command: string[] } & ProbeTimingMs)
  | ({ kind: 'log'; pattern: string } & ProbeTimingMs);

export interface ResolvedSyncRule {
  path: string; // absolute host path
  target?: string; // container path
  action: SyncAction;
  exec?: string[];
  ignore: string[];
  include: string[];
  initialSync: boolean;
}

export type ResolvedSeed =
  | {
      kind: 'postgres';
      database: string;
      user: string;
      password?: string;
      files: string[]; // absolute, expanded, in order
      reset: 'recreate' | 'truncate' | { command: string[] };
      dependents: 'restart' | 'pause' | 'none';
    }
  | {
      kind: 'command';
      command: string[];
      where: 'container' | 'host';
      files: string[];
      reset?: { command: string[] };
      dependents: 'restart' | 'pause' | 'none';
    };

export interface ResolvedRun {
  command: string[]; // ["sh", "-c", "..."] when given as a string
  cwd: string; // absolute
  env: Record<string, string>;
}

export interface Service {
  name: string;
  kind: ServiceKind;
  image?: string;
  build?: ResolvedBuild;
  command?: string[];
  entrypoint?: string[];
  environment: Record<string, string>;
  /**
   * `environment: [NAME]` with NAME set nowhere: compose passes the bare name, which makes the
   * engine unset it (an image's ENV NAME=… is gone in the container); `config` prints `NAME: null`.
   */
  unsetEnv?: string[];
  ports: ResolvedPort[];
  volumes: ResolvedMount[];
  depends_on: Record<string, ResolvedDepends>;
  healthcheck?: ResolvedHealthcheck;
  profiles: string[];
  restart: RestartPolicy;
  /** Only for on-failure:N. */
  restartMaxRetries?: number;
  stopGracePeriodMs: number;
  stop_signal?: string;
  working_dir?: string;
  user?: string;
  labels: Record<string, string>;
  networks: string[];
  /** Per-network settings (aliases, ipv4_address, ...) for the networks that have any. */
  networkConfig?: Record<string, Record<string, unknown>>;
  ready: ResolvedProbe[];
  sync: ResolvedSyncRule[];
  seed?: ResolvedSeed;
  run?: ResolvedRun;
  /** Compose keys foxdev does not model, kept verbatim for `foxdev config` and generators. */
  extra: Record<string, unknown>;
}

export interface ResolvedVolume {
  name: string; // engine-side name, "<project>_<key>" unless set
  external: boolean;
  labels: Record<string, string>;
  /** driver, driver_opts, ... as written. */
  extra?: Record<string, unknown>;
}

export interface Project {
  name: string;
  dir: string; // absolute
  files: string[]; // config files read, absolute
  services: Record<string, Service>;
  volumes: Record<string, ResolvedVolume>;
  networks: Record<string, { name: string; external: boolean; extra?: Record<string, unknown> }>;
  /** Top-level secrets and configs, file paths absolute. */
  secrets?: Record<string, Record<string, unknown>>;
  configs?: Record<string, Record<string, unknown>>;
  /** Values of the variables that `environment:` secrets and configs name (never printed). */
  secretEnv?: Record<string, string>;
  /** Top-level `x-` extension keys, kept verbatim. */
  extensions?: Record<string, unknown>;
  /** Things worth telling a person that do not stop loading (e.g. a variable that is not set). */
  warnings?: string[];
  /** Profiles that were active when the project was resolved. */
  profiles: string[];
  /** Services the files define that were not loaded (other profiles, not needed here): never orphans, as compose counts. */
  disabledServices?: string[];
  /** COMPOSE_* variables from the shell over .env (compose reads settings such as COMPOSE_REMOVE_ORPHANS there). */
  composeVars?: Record<string, string>;
  /** What the project's .env (or --env-file) files set: `run -e KEY` takes KEY from the shell, then from here, as compose does. */
  dotenv?: Record<string, string>;
  logBuffer: number;
  /** false: `foxdev up` serves no web dashboard (foxdev.config.ts `web: false`). */
  web?: boolean;
  /** --all-resources: `up` makes every network and volume the files define, used or not. */
  allResources?: boolean;
}
