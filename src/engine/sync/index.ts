// Public surface of live sync for the engine.
export { startSync, type StartSyncOptions, type SyncSession, type SyncStatus, type SyncActionRequest } from './start-sync.js';
export { startProcessWatch, type ProcessWatch, type ProcessWatchOptions } from './process-watch.js';
export type { Transport } from '../../runtime/archive.js';
