// The frame fits the terminal: 80×24 with a busy project, and after resizes.

import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../src/store/index.js';
import { computeLayout } from '../../src/ui/layout.js';
import { project } from '../store/fixtures.js';
import { NOW, renderScreen, type Screen } from './harness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const names = ['postgres', 'redis', 'migrate', 'api', 'worker', 'web', 'mailhog', 'search', 'proxy', 'scheduler'];

function busy(): Action[] {
  const actions: Action[] = [project(names)];
  names.forEach((n, i) => {
    if (i % 3 === 0) actions.push({ type: 'service/phase', service: n, phase: 'waiting', at: NOW, reason: `waiting for ${names[0]}: healthy — last probe: connection refused (${'x'.repeat(60)})` });
    else if (i % 3 === 1) actions.push({ type: 'service/phase', service: n, phase: 'crash-loop', at: NOW, exitCode: 1, nextRetryAt: NOW + 9000 });
    else actions.push({ type: 'service/phase', service: n, phase: 'ready', at: NOW });
  });
  actions.push({
    type: 'logs',
    entries: Array.from({ length: 300 }, (_, i) => ({ service: names[i % names.length], stream: 'stdout' as const, line: `${i} ${'\x1b[32mgreen\x1b[39m lorem ipsum '.repeat(i % 12)}\t|tab|`, at: NOW })),
  });
  return actions;
}

function expectFits(s: Screen, columns: number, rows: number) {
  const lines = s.lines();
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
}

describe('layout', () => {
  it('an 80×24 frame fits: no line wider than 80, no more than 24 lines', async () => {
    screen = await renderScreen({ columns: 80, rows: 24 });
    await screen.act(...busy());
    expectFits(screen, 80, 24);
    if (process.env.SHOW_FRAME) console.log(screen.frame());
    expect(screen.lines().length).toBe(23); // one spare row keeps Ink from clearing the screen
    expect(screen.frame()).toContain('logs: all');
    expect(screen.frame()).toContain('q quit');
  });

  it('keeps the selected service visible when the list scrolls', async () => {
    screen = await renderScreen({ columns: 80, rows: 24 });
    await screen.act(...busy());
    for (let i = 0; i < 9; i++) await screen.press('j');
    expect(screen.lines().find((l) => l.startsWith('▸ '))).toMatch(/^▸ scheduler/);
    expectFits(screen, 80, 24);
  });

  it('adapts to resizes', async () => {
    screen = await renderScreen({ columns: 80, rows: 24 });
    await screen.act(...busy());
    const before = screen.lines().length;
    await screen.resize(120, 40);
    expectFits(screen, 120, 40);
    expect(screen.lines().length).toBe(39);
    expect(screen.lines().length).toBeGreaterThan(before);
    expect(screen.frame()).toMatch(/postgres\s+container/); // wide: long kind names
    await screen.resize(50, 12);
    expectFits(screen, 50, 12);
    await screen.resize(20, 5);
    expectFits(screen, 20, 5);
  });

  it('shares rows between the list and the logs', () => {
    expect(computeLayout(24, 3)).toEqual({ frameRows: 23, listRows: 4, logRows: 16 });
    expect(computeLayout(24, 30)).toEqual({ frameRows: 23, listRows: 9, logRows: 11 });
    expect(computeLayout(2, 3).logRows).toBe(0);
  });
});
