// Mounting the dashboard on a terminal, for the CLI. The screen is drawn on the terminal's
// alternate buffer (as less and vim do) so quitting gives the user their scrollback back, and
// Ctrl-C reaches the dashboard as a key (an intent to quit) instead of killing the process
// before the engine has stopped the services.

import { render } from 'ink';
import { createElement } from 'react';
import type { Store } from '../store/index.js';
import { App } from './components/App.js';
import type { OnIntent } from './intent.js';

export interface DashboardOptions {
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
  /** Draw on the alternate screen; default: when stdout is a terminal. */
  altScreen?: boolean;
  /**
   * Ink's own frame cap. The store already limits store-driven frames to ~15 a second; a second,
   * unsynchronised throttle at the same rate would beat against it (halving the frame rate) and
   * delay the frame answering a key. So Ink's cap is only a safety net, set well above.
   */
  maxFps?: number;
  clock?: () => number;
  /** Let Ink route console.log above the dashboard (default true); off where console is replaced. */
  patchConsole?: boolean;
  /** Called after every frame Ink writes (benchmarks count frames with it). */
  onRender?: () => void;
  /** The web dashboard's link (with its token), shown in the header. */
  webUrl?: string;
}

export interface Dashboard {
  waitUntilExit(): Promise<void>;
  /** Remove the dashboard and give the terminal back. Safe to call twice. */
  unmount(): void;
}

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';

export function renderDashboard(store: Store, onIntent: OnIntent, opts: DashboardOptions = {}): Dashboard {
  const stdout = opts.stdout ?? process.stdout;
  const alt = opts.altScreen ?? stdout.isTTY === true;
  if (alt) stdout.write(ENTER_ALT);
  const instance = render(createElement(App, { store, onIntent, clock: opts.clock, webUrl: opts.webUrl }), {
    stdout,
    stdin: opts.stdin ?? process.stdin,
    stderr: opts.stderr ?? process.stderr,
    exitOnCtrlC: false,
    patchConsole: opts.patchConsole ?? true,
    maxFps: opts.maxFps ?? 60,
    onRender: opts.onRender ? () => opts.onRender?.() : undefined,
  });
  let done = false;
  const restore = () => {
    if (done) return;
    done = true;
    if (alt) stdout.write(LEAVE_ALT);
  };
  return {
    async waitUntilExit() {
      try {
        await instance.waitUntilExit();
      } finally {
        restore();
      }
    },
    unmount() {
      instance.unmount();
      restore();
    },
  };
}
