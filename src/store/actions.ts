// Everything that happens in a foxdev session, as data. The engine dispatches these; the
// reducer is the only code that turns them into State. Payload names are a contract with the
// engine: add fields or actions, never rename.

import type { Health, LogEntry, Phase, SeedState, ServiceInfo } from './types.js';

export interface ProjectLoaded {
  type: 'project/loaded';
  project: {
    name: string;
    /** Already in dependency order; the dashboard lists them in this order. */
    services: ServiceInfo[];
  };
}

export interface ServicePhase {
  type: 'service/phase';
  service: string;
  phase: Phase;
  at: number;
  /** waiting: on what ("waiting for db: healthy — last probe: …"); failed: the error. */
  reason?: string;
  exitCode?: number;
  /** crash-loop: when the next restart is attempted (epoch ms). */
  nextRetryAt?: number;
}

export interface ServiceHealth {
  type: 'service/health';
  service: string;
  health: Health;
  lastProbe?: string;
  at: number;
}

export interface ServiceStarted {
  type: 'service/started';
  service: string;
  at: number;
}

export interface ServiceRestarted {
  type: 'service/restarted';
  service: string;
  restarts: number;
  at: number;
}

export interface LogAction extends LogEntry {
  type: 'log';
}

/** Many lines at once; the engine batches under floods so the reducer runs once per batch. */
export interface LogsAction {
  type: 'logs';
  entries: LogEntry[];
}

export interface SyncStatus {
  type: 'sync/status';
  service: string;
  at: number;
  files: number;
  pending: number;
  error?: string;
}

export interface SeedStatus {
  type: 'seed/status';
  service: string;
  at: number;
  state: SeedState;
  message?: string;
}

export type Action =
  | ProjectLoaded
  | ServicePhase
  | ServiceHealth
  | ServiceStarted
  | ServiceRestarted
  | LogAction
  | LogsAction
  | SyncStatus
  | SeedStatus;
