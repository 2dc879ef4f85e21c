// Renders the dashboard into fake streams of a chosen size (ink-testing-library's stdout is fixed
// at 100 columns and has no rows) and offers helpers to drive it like a user.

import { EventEmitter } from 'node:events';
import { render } from 'ink';
import stripAnsi from 'strip-ansi';
import { App } from '../../src/ui/index.js';
import type { Intent } from '../../src/ui/index.js';
import { createStore, initialState, type Action, type Scheduler, type Store } from '../../src/store/index.js';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = false;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  write(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
  read = () => this.queue.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

/** A store whose frames are flushed by hand (`store.flush()`), so tests decide when a frame is. */
export function manualStore(): Store {
  const never: Scheduler = () => () => {};
  return createStore(initialState(), { schedule: never });
}

export interface Screen {
  store: Store;
  intents: Intent[];
  stdout: FakeStdout;
  /** The last frame without ANSI, trailing newline removed. */
  frame(): string;
  lines(): string[];
  /** Dispatch, publish a frame and let React render it. */
  act(...actions: Action[]): Promise<void>;
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

export async function renderScreen(opts: { columns?: number; rows?: number; store?: Store; clock?: () => number; ticks?: boolean } = {}): Promise<Screen> {
  const store = opts.store ?? manualStore();
  const stdout = new FakeStdout(opts.columns ?? 80, opts.rows ?? 24);
  const stdin = new FakeStdin();
  const intents: Intent[] = [];
  const instance = render(<App store={store} onIntent={(i) => intents.push(i)} clock={opts.clock ?? (() => NOW)} ticks={opts.ticks ?? false} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await tick();
  const frame = () => stripAnsi(stdout.frames.at(-1) ?? '').replace(/\n$/, '');
  return {
    store,
    intents,
    stdout,
    frame,
    lines: () => frame().split('\n'),
    async act(...actions) {
      for (const a of actions) store.dispatch(a);
      store.flush();
      await tick();
    },
    async press(...keys) {
      for (const k of keys) {
        stdin.write(k);
        await tick();
      }
      // Ink holds a lone ESC briefly to tell it from an escape sequence.
      if (keys.includes('\x1b')) await tick(50);
    },
    async resize(columns, rows) {
      stdout.resize(columns, rows);
      await tick();
    },
    unmount: () => instance.unmount(),
  };
}

export const KEYS = { up: '\x1b[A', down: '\x1b[B', enter: '\r', esc: '\x1b', pageUp: '\x1b[5~', pageDown: '\x1b[6~', ctrlC: '\x03', backspace: '\x7f' };
