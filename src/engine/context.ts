// What every part of a running session shares: where actions go, the other services' runs,
// the session's abort signal and the clock.
import type { Action } from '../store/actions.js';
import type { Service } from '../config/project.js';
import type { ServiceRun } from './service-run.js';
import type { Instance } from './instance.js';
import type { EngineWatch } from './engine-watch.js';

/** Seeding is a separate module; the session only needs these two calls. */
export interface Seeder {
  /** Apply the seed to a fresh database. Throws a FoxdevError('seed') naming the file and line. */
  seed(svc: Service, instance: Instance, log: (line: string) => void): Promise<void>;
  /** 'changed' when the seed inputs differ from what the database recorded. */
  status?(svc: Service, instance: Instance): Promise<'unseeded' | 'seeded' | 'changed'>;
}

export interface SessionContext {
  dispatch(action: Action): void;
  runs: Map<string, ServiceRun>;
  signal: AbortSignal;
  seeder?: Seeder;
  now(): number;
  /** A line from foxdev itself about a service (shown in its log as stream 'system'). */
  say(service: string, line: string): void;
  /** Tells an engine outage from a service's exit (absent in tests that script the engine). */
  engine?: EngineWatch;
}
