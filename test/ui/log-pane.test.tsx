// The log pane on screen: follow, scroll, filter (text and regex), wrapping, ANSI kept.

import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../src/store/index.js';
import { log, project } from '../store/fixtures.js';
import { KEYS, renderScreen, type Screen } from './harness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const many = (n: number, from = 0): Action => ({
  type: 'logs',
  entries: Array.from({ length: n }, (_, i) => ({ service: i % 2 ? 'api' : 'db', stream: 'stdout' as const, line: `line-${String(from + i).padStart(4, '0')}`, at: 0 })),
});
const shown = (s: Screen): string[] => [...(s.frame().match(/line-\d{4}/g) ?? [])];

describe('log pane', () => {
  it('follows the newest lines, interleaved with padded prefixes', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api']), many(100));
    expect(shown(screen).at(-1)).toBe('line-0099');
    expect(screen.lines()).toContain('api | line-0099');
    await screen.act(many(1, 100));
    expect(shown(screen).at(-1)).toBe('line-0100');
    expect(screen.frame()).toContain('following');
  });

  it('PgUp pauses and shows older lines, new lines do not move it, PgDn / G come back', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api']), many(100));
    const page = shown(screen);
    await screen.press(KEYS.pageUp);
    const older = shown(screen);
    expect(older.at(-1)! < page[0]).toBe(true); // the line above the old top is now at the bottom
    expect(screen.frame()).toContain('paused — G to follow');
    await screen.act(many(5, 100));
    expect(shown(screen)).toEqual(older);
    await screen.press(KEYS.pageDown);
    expect(shown(screen).at(-1)! > older.at(-1)!).toBe(true);
    await screen.press('G');
    expect(shown(screen).at(-1)).toBe('line-0104');
    expect(screen.frame()).toContain('following');
  });

  it('g goes to the oldest line', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api']), many(100));
    await screen.press('g');
    expect(shown(screen)[0]).toBe('line-0000');
  });

  it('/ filters by text as you type; Enter keeps it; Esc clears it', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api']), log('db', 'connection ready'), log('api', 'GET / 200'), log('api', 'ERROR: boom'), log('db', 'checkpoint'));
    await screen.press('/', 'e', 'r', 'r');
    expect(screen.frame()).toContain('/err');
    expect(screen.frame()).toContain('ERROR: boom'); // smart case: lower-case text ignores case
    expect(screen.frame()).not.toContain('GET / 200');
    await screen.press(KEYS.enter);
    expect(screen.frame()).toContain('filter: err');
    expect(screen.frame()).not.toContain('checkpoint');
    await screen.press(KEYS.esc);
    expect(screen.frame()).toContain('checkpoint');
    expect(screen.frame()).not.toContain('filter:');
  });

  it('filters by regex, falls back to text for an invalid one, Backspace edits', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api']), log('api', 'timeout after 3s'), log('api', 'timed out'), log('api', 'time is [x]'), log('db', 'unrelated'));
    await screen.press('/', ...'time(out|d)', KEYS.enter);
    expect(screen.frame()).toContain('timeout after 3s');
    expect(screen.frame()).toContain('timed out');
    expect(screen.frame()).not.toContain('time is [x]');
    await screen.press('/', ...'X'.repeat(1), KEYS.backspace);
    await screen.press(KEYS.esc); // cancel editing: the applied filter stays
    expect(screen.frame()).toContain('filter: time(out|d)');
    await screen.press(KEYS.esc, '/', '[', 'x', KEYS.enter);
    expect(screen.frame()).toContain('filter: [x (text)');
    expect(screen.frame()).toContain('time is [x]');
    expect(screen.frame()).not.toContain('timed out');
  });

  it('says when nothing matches', async () => {
    screen = await renderScreen();
    await screen.act(project(['db']), log('db', 'hello'));
    await screen.press('/', 'z', 'z', KEYS.enter);
    expect(screen.frame()).toContain('no lines match the filter');
  });

  it('wraps long lines under the text column, and w turns wrapping off', async () => {
    screen = await renderScreen();
    const long = 'word '.repeat(30).trim();
    await screen.act(project(['db', 'api']), log('api', long));
    const rows = screen.lines().filter((l) => l.includes('word'));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0].startsWith('api | word')).toBe(true);
    expect(rows[1].startsWith('      word')).toBe(true);
    await screen.press('w');
    const cut = screen.lines().filter((l) => l.includes('word'));
    expect(cut).toHaveLength(1);
    expect(cut[0].length).toBeLessThanOrEqual(80);
    expect(screen.frame()).toContain('no wrap');
  });

  it('t shows the time of each line', async () => {
    screen = await renderScreen();
    const at = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    await screen.act(project(['db']), log('db', 'stamped', at));
    expect(screen.lines()).toContain('db | stamped');
    await screen.press('t');
    expect(screen.lines()).toContain('03:04:05.006 db | stamped');
  });

  it("keeps the services' own colours", async () => {
    screen = await renderScreen();
    await screen.act(project(['db']), log('db', '\x1b[31mred alert\x1b[39m plain'));
    expect(screen.stdout.frames.at(-1)).toContain('\x1b[31mred alert');
  });
});
