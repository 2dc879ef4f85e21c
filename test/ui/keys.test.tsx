// Keys on the real screen: selection, scope, intents, the seed confirmation, help, quit.

import { afterEach, describe, expect, it } from 'vitest';
import { log, project } from '../store/fixtures.js';
import { KEYS, renderScreen, type Screen } from './harness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const selectedName = (s: Screen) => s.lines().find((l) => l.startsWith('▸ '))?.slice(2).split(' ')[0];

async function withLogs(): Promise<Screen> {
  const s = await renderScreen();
  await s.act(project(['db', 'api', 'web']), log('db', 'db says hi'), log('api', 'api says hi'), log('web', 'web says hi'));
  return s;
}

describe('keys', () => {
  it('↓/↑ and j/k move the selection, clamped to the list', async () => {
    screen = await withLogs();
    expect(selectedName(screen)).toBe('db');
    await screen.press(KEYS.down);
    expect(selectedName(screen)).toBe('api');
    await screen.press('j', 'j', 'j');
    expect(selectedName(screen)).toBe('web');
    await screen.press('k');
    expect(selectedName(screen)).toBe('api');
    await screen.press(KEYS.up, KEYS.up);
    expect(selectedName(screen)).toBe('db');
  });

  it("Enter or l shows one service's logs, following the selection; a shows all", async () => {
    screen = await withLogs();
    await screen.press('j', KEYS.enter);
    expect(screen.frame()).toContain('logs: api');
    expect(screen.frame()).toContain('api says hi');
    expect(screen.frame()).not.toContain('db says hi');
    await screen.press('j');
    expect(screen.frame()).toContain('logs: web');
    expect(screen.frame()).toContain('web says hi');
    expect(screen.frame()).not.toContain('api says hi');
    await screen.press('a');
    expect(screen.frame()).toContain('logs: all');
    for (const s of ['db', 'api', 'web']) expect(screen.frame()).toContain(`${s} says hi`);
    await screen.press('k', 'l');
    expect(screen.frame()).toContain('logs: api');
  });

  it('r and b ask the engine to restart / rebuild the selected service', async () => {
    screen = await withLogs();
    await screen.press('j', 'r', 'j', 'b');
    expect(screen.intents).toEqual([
      { type: 'restart', service: 'api' },
      { type: 'rebuild', service: 'web' },
    ]);
    expect(screen.frame()).toContain('rebuild web requested');
  });

  it('s asks for confirmation; y seeds, n cancels', async () => {
    screen = await withLogs();
    await screen.press('s');
    expect(screen.frame()).toContain('Seed db? Its data will be reset. (y/n)');
    expect(screen.intents).toEqual([]);
    await screen.press('x'); // any other key keeps asking
    expect(screen.frame()).toContain('(y/n)');
    await screen.press('n');
    expect(screen.frame()).toContain('seed cancelled');
    expect(screen.intents).toEqual([]);
    await screen.press('s', 'y');
    expect(screen.intents).toEqual([{ type: 'seed', service: 'db' }]);
  });

  it('s on a service without a seed offers to seed every seedable service', async () => {
    screen = await withLogs();
    await screen.press('j', 's');
    expect(screen.frame()).toContain('Seed every seedable service?');
    await screen.press('Y');
    expect(screen.intents).toEqual([{ type: 'seed' }]);
  });

  it('s says so when nothing can be seeded', async () => {
    screen = await renderScreen();
    await screen.act(project(['api', 'web']));
    await screen.press('s');
    expect(screen.frame()).toContain('no service has a seed');
    expect(screen.intents).toEqual([]);
  });

  it('q and Ctrl-C emit quit', async () => {
    screen = await withLogs();
    await screen.press('q', KEYS.ctrlC);
    expect(screen.intents).toEqual([{ type: 'quit' }, { type: 'quit' }]);
  });

  it('? toggles the help in place of the logs', async () => {
    screen = await withLogs();
    await screen.press('?');
    expect(screen.frame()).toContain('restart the selected service');
    expect(screen.frame()).not.toContain('db says hi');
    await screen.press('?');
    expect(screen.frame()).toContain('db says hi');
  });
});
