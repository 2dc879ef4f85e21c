// What the engine tracks about one service while a session runs: its conditions (as latches
// dependents can await), counters for restarts and crash loops, and the last lines it printed
// (so a failure message can show them).
import type { Service } from '../config/project.js';
import type { ServicePlan } from '../plan/up.js';
import type { HostProcess } from '../runtime/process.js';
import { Latch } from './latch.js';
import type { LogWatch } from './probes/log.js';

export const LAST_LINES = 20;

export class ServiceRun {
  /** Its container exists (created or found): dependents are created after it, in compose's order. */
  readonly created = new Latch();
  readonly started = new Latch();
  readonly healthy = new Latch();
  readonly ready = new Latch();
  readonly completed = new Latch();
  readonly seeded = new Latch();
  /** Set once the service has been stopped by the session (dependents stop first). */
  readonly stopped = new Latch();

  containerId?: string;
  process?: HostProcess;
  restarts = 0;
  consecutiveCrashes = 0;
  startedAt = 0;
  stopping = false;
  /** Bumped when the instance is replaced (rebuild): the old one's supervisor then ends quietly. */
  generation = 0;
  /** The next exit is a requested restart (a key press, a dependency's restart), not a crash. */
  restartRequested = false;
  lastProbe = '';
  /** When a dependency's failure kept this service from starting: the service that failed first. */
  blockedBy?: { service: string; reason: string };
  /** The dependency this service is waiting on right now, for the waiting reason. */
  waitingFor?: { service: string; condition: string };
  lastLines: string[] = [];
  /** Set when it ended for good with a non-zero code (no restart follows); cleared on a restart. */
  exit?: { code: number };
  /** The engine's name for it ("<project>-<service>"), for compose-style messages. */
  containerName?: string;
  logWatches: LogWatch[] = [];
  /** Aborts this service's probes and waits (restart, stop). */
  probes = new AbortController();

  constructor(
    readonly svc: Service,
    readonly plan: ServicePlan,
  ) {}

  /** The session's name: the service's, or `<service>-<n>` for a replica (plan/replicas.ts). */
  get name(): string {
    return this.plan.unit;
  }

  remember(line: string): void {
    this.lastLines.push(line);
    if (this.lastLines.length > LAST_LINES) this.lastLines.shift();
    for (const w of this.logWatches) w.feed(line);
  }

  /** Every condition not met yet fails with `reason`, releasing dependents with an explanation. */
  failAll(reason: string): void {
    for (const l of [this.created, this.started, this.healthy, this.ready, this.completed, this.seeded]) l.fail(reason);
  }

  /** A restart: conditions are met again only once the new run meets them. */
  resetForRestart(): void {
    this.probes.abort();
    this.probes = new AbortController();
    this.exit = undefined;
    for (const w of this.logWatches) w.reset();
    for (const l of [this.started, this.healthy, this.ready]) l.reset();
  }

  latchFor(condition: string): Latch {
    switch (condition) {
      case 'service_healthy':
        return this.healthy;
      case 'service_completed_successfully':
        return this.completed;
      case 'service_ready':
        return this.ready;
      case 'service_seeded':
        return this.seeded;
      default:
        return this.started;
    }
  }
}
