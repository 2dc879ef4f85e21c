// The whole session state: one value, replaced (never mutated) by the reducer.

import type { LogBuffer } from './log-buffer.js';
import type { ServiceState, StoreConfig } from './types.js';

export interface State {
  project: { name: string } | null;
  /** Service names in dependency order, as the engine loaded them. */
  order: readonly string[];
  services: Readonly<Record<string, ServiceState>>;
  /** Per-service bounded buffers; may hold names outside `order` (e.g. foxdev's own "system"). */
  logs: Readonly<Record<string, LogBuffer>>;
  /** The seq the next log line gets; also a cheap "did anything log" version number. */
  nextSeq: number;
  config: StoreConfig;
}

export const DEFAULT_LOG_BUFFER_LINES = 5000;

export function initialState(config: Partial<StoreConfig> = {}): State {
  return {
    project: null,
    order: [],
    services: {},
    logs: {},
    nextSeq: 1,
    config: { logBufferLines: config.logBufferLines ?? DEFAULT_LOG_BUFFER_LINES },
  };
}
