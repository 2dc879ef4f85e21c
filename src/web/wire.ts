// PURE: what the web dashboard's live stream carries (server: src/web/events.ts, page: web/src/live.ts).
// First a `snapshot` event with the whole state the page needs to build the same State the
// session holds (services, every buffered log line, the next log seq and the buffer size), then
// `actions` events: the session's store actions in the order it applied them, in batches.
import type { Action, LogLine, ServiceState } from '../store/index.js';
import type { Timeline } from './timeline.js';

export interface WebSnapshot {
  project: { name: string } | null;
  order: readonly string[];
  services: Readonly<Record<string, ServiceState>>;
  logs: Record<string, LogLine[]>;
  /** The seq the session's next log line gets: the page's reducer must number lines the same. */
  nextSeq: number;
  logBufferLines: number;
  /** When the session sent this (epoch ms): the page's uptime clock is the session's. */
  at: number;
  /** The startup timeline so far (timeline.ts); the page folds later actions in itself. */
  timeline: Timeline;
}

export type ActionBatch = Action[];

/** One unit's resource use from the engine's stats (containers only). */
export interface UnitStats {
  cpuPercent: number;
  /** Bytes, without the reclaimable page cache (as docker stats shows it). */
  memory: number;
  memoryLimit: number;
}

/** A `stats` event: the latest sample, at most one a second, only while a page is open. */
export interface StatsSample {
  at: number;
  units: Record<string, UnitStats>;
}

/** POST /api/intent body: what the page's buttons ask for. */
export type WebIntent =
  | { kind: 'restart'; service?: string }
  | { kind: 'rebuild'; service: string }
  | { kind: 'reseed'; services?: string[] }
  | { kind: 'stop' };

export type IntentReply = { ok: true; result: unknown } | { ok: false; error: string };
