// renderDashboard: mounts on the given streams, uses the alternate screen on a terminal, turns
// Ctrl-C into a quit intent instead of exiting, and gives the terminal back on unmount.

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { renderDashboard, type Intent } from '../../src/ui/index.js';
import { project } from '../store/fixtures.js';

function streams(isTTY: boolean) {
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { isTTY, columns: 80, rows: 24, write: (s: string) => (written.push(s), true) });
  const queue: string[] = [];
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    read: () => queue.shift() ?? null,
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    press(s: string) {
      queue.push(s);
      stdin.emit('readable');
    },
  });
  return { written, stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream & { press(s: string): void } };
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe('renderDashboard', () => {
  it('draws on the alternate screen and restores it on unmount', async () => {
    const { written, stdout, stdin } = streams(true);
    const store = createStore();
    store.dispatch(project());
    const intents: Intent[] = [];
    const dash = renderDashboard(store, (i) => intents.push(i), { stdout, stdin, stderr: stdout, patchConsole: false });
    await tick();
    expect(written[0]).toContain('\x1b[?1049h');
    expect(written.join('')).toContain('foxdev');
    stdin.press('\x03');
    await tick();
    expect(intents).toEqual([{ type: 'quit' }]);
    const exited = dash.waitUntilExit();
    dash.unmount();
    await exited;
    expect(written.join('').lastIndexOf('\x1b[?1049l')).toBeGreaterThan(written.join('').lastIndexOf('\x1b[?1049h'));
    dash.unmount(); // twice is harmless
  });

  it('stays on the normal screen when stdout is not a terminal', async () => {
    const { written, stdout, stdin } = streams(false);
    const dash = renderDashboard(createStore(), () => {}, { stdout, stdin, stderr: stdout, patchConsole: false });
    await tick();
    dash.unmount();
    expect(written.join('')).not.toContain('\x1b[?1049h');
  });
});
