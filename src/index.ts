// Public API: what `import { defineConfig } from 'foxdev'` gives a foxdev.config.ts.
import type { FoxdevConfig } from './config/types.js';

export type * from './config/types.js';
export type { Project, Service } from './config/project.js';
export { FoxdevError, ConfigError } from './errors.js';

/** Identity at run time; exists so editors check and complete every key of the config. */
export function defineConfig(config: FoxdevConfig): FoxdevConfig {
  return config;
}

// A running session's API (`foxdev up` serves it on a Unix socket in the project's state folder).
export { connect, runningSession, type SessionClient } from './api/client.js';
export type { Intent, Hello, StateSnapshot } from './api/protocol.js';
