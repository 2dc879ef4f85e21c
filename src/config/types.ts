// The shape a user writes in foxdev.config.ts. Keys mirror the compose specification where
// compose has the concept (snake_case, as in compose files) so a compose user reads them without
// a dictionary; foxdev's own additions (ready, sync, seed, run) are camelCase-free single words.
// This file is types only: it is re-exported from the package root for editor completion.

export type Duration = string | number; // "1m30s", "500ms", or milliseconds as a number

export type DependsCondition =
  | 'service_started'
  | 'service_healthy'
  | 'service_completed_successfully'
  /** foxdev: every `ready` probe of the dependency passes. */
  | 'service_ready'
  /** foxdev: the dependency's seed has been applied. */
  | 'service_seeded';

export interface DependsOnEntry {
  condition?: DependsCondition;
  /** compose: when false, a missing or disabled dependency is ignored. */
  required?: boolean;
  /** compose: restart this service when the dependency restarts. */
  restart?: boolean;
}

export interface BuildConfig {
  context?: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string | number | boolean | null> | string[];
  labels?: Record<string, string> | string[];
}

export interface PortConfig {
  target: number;
  published?: number | string;
  host_ip?: string;
  protocol?: 'tcp' | 'udp';
  mode?: string;
}

export interface VolumeMountConfig {
  type: 'bind' | 'volume' | 'tmpfs';
  source?: string;
  target: string;
  read_only?: boolean;
}

export interface HealthcheckConfig {
  test?: string | string[];
  interval?: Duration;
  timeout?: Duration;
  retries?: number;
  start_period?: Duration;
  start_interval?: Duration;
  disable?: boolean;
}

interface ProbeTiming {
  /** Time between probes; default 100ms so readiness is seen almost as soon as it is true. */
  interval?: Duration;
  /** Time one probe may take before it counts as failed; default 1s. */
  timeout?: Duration;
  /** Consecutive failures, after start_period, before the service is unhealthy; default 3. */
  retries?: number;
  /** Failures during this time after start do not count; default 0. */
  start_period?: Duration;
}

/** `http` expects status 200 unless told; `tcp` connects to host 127.0.0.1 unless told. */
export type ReadyProbeConfig =
  | ({ http: string | { url: string; status?: number } } & ProbeTiming)
  | ({ tcp: number | { port: number; host?: string } } & ProbeTiming)
  | ({ exec: string | string[] } & ProbeTiming)
  | ({ log: string } & ProbeTiming);

export type SyncAction = 'sync' | 'sync+restart' | 'sync+exec' | 'rebuild' | 'restart';

export interface SyncRuleConfig {
  /** Host path, relative to the project directory. */
  path: string;
  /** Path in the container; required for the sync actions. */
  target?: string;
  action?: SyncAction;
  /** Command run in the container after copying (sync+exec). */
  exec?: string | string[];
  /** Glob patterns relative to `path` that this rule ignores. */
  ignore?: string[];
  /** Only these globs trigger the rule (compose `include`). */
  include?: string[];
  /** Copy the whole tree when the container starts (compose `initial_sync`). */
  initial_sync?: boolean;
}

export interface PostgresSeedConfig {
  postgres: {
    database: string;
    user?: string;
    password?: string;
    /** SQL files or globs, relative to the project; applied in order in one transaction. */
    files: string[];
  };
  /** Default 'recreate'. */
  reset?: 'recreate' | 'truncate' | { command: string | string[] };
  /** What to do with dependents around a reset; default 'restart'. */
  dependents?: 'restart' | 'pause' | 'none';
}

export interface CommandSeedConfig {
  command: string | string[];
  /** Where the command runs: inside the service's container (default) or on the host. */
  where?: 'container' | 'host';
  files?: string[];
  reset?: { command: string | string[] };
  dependents?: 'restart' | 'pause' | 'none';
}

export type SeedConfig = PostgresSeedConfig | CommandSeedConfig;

export interface RunConfig {
  command: string | string[];
  cwd?: string;
  env?: Record<string, string | number | boolean>;
}

export interface ServiceConfig {
  image?: string;
  build?: string | BuildConfig;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: string | string[];
  ports?: Array<string | number | PortConfig>;
  expose?: Array<string | number>;
  volumes?: Array<string | VolumeMountConfig>;
  depends_on?: string[] | Record<string, DependsOnEntry>;
  healthcheck?: HealthcheckConfig;
  profiles?: string[];
  /** Default 'no', as in compose. */
  restart?: 'no' | 'always' | 'on-failure' | 'unless-stopped' | `on-failure:${number}`;
  /** Default 10s, as in compose. */
  stop_grace_period?: Duration;
  stop_signal?: string;
  working_dir?: string;
  user?: string;
  labels?: Record<string, string> | string[];
  /** foxdev: readiness probes run by foxdev itself. */
  ready?: ReadyProbeConfig | ReadyProbeConfig[];
  /** foxdev: live sync rules. compose's develop.watch maps onto these. */
  sync?: SyncRuleConfig[];
  /** foxdev: how to fill and reset this database. */
  seed?: SeedConfig;
  /** foxdev: a host process instead of a container. */
  run?: RunConfig;
  /** foxdev: a one-shot job; dependents may wait for it to complete. A service that others
   * depend on with `service_completed_successfully` is a job too. */
  oneshot?: boolean;
}

export interface FoxdevConfig {
  /** Project name; defaults to the directory's name. */
  name?: string;
  /** Compose files to import before applying `services` on top. */
  compose?: string | string[];
  services?: Record<string, ServiceConfig>;
  volumes?: Record<string, { name?: string; external?: boolean; labels?: Record<string, string> } | null>;
  /** Lines kept per service in the dashboard's log buffer (default 5000). */
  logBuffer?: number;
  /** Serve the web dashboard on 127.0.0.1 while `foxdev up` runs (default true; `--no-web` too). */
  web?: boolean;
}
