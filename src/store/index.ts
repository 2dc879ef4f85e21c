// Public face of the store: what the engine dispatches and what views read.

export type * from './types.js';
export type * from './actions.js';
export { initialState, DEFAULT_LOG_BUFFER_LINES, type State } from './state.js';
export { reducer } from './reducer.js';
export { createStore, timeoutScheduler, DEFAULT_FRAME_MS, type Store, type StoreOptions, type Scheduler, type Listener, type ActionListener } from './store.js';
export { logsBackward, logsForward, type LogScope } from './log-query.js';
export { logBufferSize, logBufferLines, type LogBuffer } from './log-buffer.js';
export * from './selectors.js';
