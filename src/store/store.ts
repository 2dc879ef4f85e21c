// The store: holds State, applies actions synchronously, and tells subscribers at most once per
// frame. Under a log flood the engine may dispatch thousands of actions a second; views only
// need the latest state ~15 times a second, so notifications are coalesced on a scheduler that
// tests replace with fake timers.

import type { Action } from './actions.js';
import { reducer } from './reducer.js';
import { initialState, type State } from './state.js';

/** Runs `flush` later (once); returns a function that cancels it. */
export type Scheduler = (flush: () => void) => () => void;

export const DEFAULT_FRAME_MS = 66; // ≈15 frames a second

export function timeoutScheduler(ms: number = DEFAULT_FRAME_MS): Scheduler {
  return (flush) => {
    const t = setTimeout(flush, ms);
    // A pending frame must not keep a finished CLI alive.
    t.unref?.();
    return () => clearTimeout(t);
  };
}

export type Listener = () => void;
export type ActionListener = (action: Action, state: State) => void;

export interface Store {
  /** The latest state, including actions not yet announced to subscribers. */
  getState(): State;
  /** The state as of the last notification: what views render (stable between frames). */
  getSnapshot(): State;
  dispatch(action: Action): void;
  /** Coalesced: called at most once per frame after one or more dispatches. */
  subscribe(listener: Listener): () => void;
  /**
   * Synchronous and uncoalesced: called for every action after it was applied. For consumers that
   * must see every event (the --no-tui printer), never for rendering.
   */
  onAction(listener: ActionListener): () => void;
  /** Announce pending changes now (e.g. before exit) instead of waiting for the frame. */
  flush(): void;
}

export interface StoreOptions {
  schedule?: Scheduler;
}

export function createStore(initial: State = initialState(), opts: StoreOptions = {}): Store {
  const schedule = opts.schedule ?? timeoutScheduler();
  let state = initial;
  let snapshot = initial;
  let cancelPending: (() => void) | null = null;
  const listeners = new Set<Listener>();
  const actionListeners = new Set<ActionListener>();

  function flush(): void {
    if (cancelPending) {
      cancelPending();
      cancelPending = null;
    }
    if (snapshot === state) return;
    snapshot = state;
    // Copy: a listener may unsubscribe itself or others while we iterate.
    for (const l of [...listeners]) l();
  }

  return {
    getState: () => state,
    getSnapshot: () => snapshot,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...actionListeners]) l(action, state);
      if (!cancelPending && listeners.size > 0) {
        cancelPending = schedule(() => {
          cancelPending = null;
          flush();
        });
      }
      if (listeners.size === 0) snapshot = state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onAction(listener) {
      actionListeners.add(listener);
      return () => {
        actionListeners.delete(listener);
      };
    },
    flush,
  };
}
