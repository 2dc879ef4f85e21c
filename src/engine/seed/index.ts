// Public surface of the seeding engine.
export { applySeed, ensureSeeded, resetAndSeed, restoreSnapshot, saveSnapshot, seedPlanFor, seedStatus, type SeedOptions, type SeedStatus } from './api.js';
export { snapshotDir, type SnapshotMeta } from './snapshot.js';
export { SeedSqlError } from './sql-error.js';
