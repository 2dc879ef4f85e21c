import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { plainText, wrapRows } from '../../src/logfmt/index.js';
import { fcOptions } from '../fc-options.js';

describe('wrapRows', () => {
  it('wraps the body under the text column and drops the spaces at breaks', () => {
    expect(wrapRows('api | ', 'aaaa bbbb cccc dddd eeee ffff', 6, 20)).toEqual(['api | aaaa bbbb cccc', '      dddd eeee ffff']);
  });
  it("keeps the body's own indentation on every row", () => {
    const rows = wrapRows('w | ', '    at handler (src/server/routes/users.ts:42:7)', 4, 36);
    expect(rows[0].startsWith('w |     at handler')).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect(r.startsWith('        ')).toBe(true);
  });
  it('hard-wraps a long word and keeps every row within the width, colours closed per row', () => {
    const rows = wrapRows('x | ', '\x1b[31m' + 'z'.repeat(50) + '\x1b[39m', 4, 20);
    for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(20);
    expect(rows.map((r) => stripAnsi(r).trim().replace('x | ', '')).join('')).toBe('z'.repeat(50));
    expect(rows[1]).toContain('\x1b[31m');
    expect(rows[0].endsWith('\x1b[39m')).toBe(true);
  });
  it('falls back to full-width rows when the text column is too narrow', () => {
    const rows = wrapRows('a-very-long-name | ', 'hello world again', 19, 24);
    expect(rows[0].startsWith('a-very-long-name | ')).toBe(true);
    for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(24);
  });
  it('plainText strips escapes', () => {
    expect(plainText('\x1b[1mbold\x1b[22m')).toBe('bold');
  });
});

describe('wrapPlain (the ASCII fast path)', () => {
  it('agrees with wrap-ansi on ordinary text', async () => {
    const { default: wrapAnsi } = await import('wrap-ansi');
    const { wrapPlain } = await import('../../src/logfmt/wrap.js');
    const texts = ['GET /api/items/1234 200 12ms trace=99 user=u1 payload=' + 'x'.repeat(30), 'a b c d e f g h i j k l m n o p', 'exactly-twenty-chars here', 'two  spaces  between  words  here  ok', '', '   ', ' lead and trail ', 'x'.repeat(40) + ' y ' + 'z'.repeat(11)];
    for (const t of texts) for (const w of [1, 5, 11, 12, 20, 33]) expect(wrapPlain(t, w), `${w}: ${t}`).toEqual(wrapAnsi(t, w, { hard: true }).split('\n'));
  });
  it('cuts a word longer than the row', async () => {
    const { wrapPlain } = await import('../../src/logfmt/wrap.js');
    expect(wrapPlain('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });
});

describe('wrapPlain property', () => {
  it('equals wrap-ansi (hard, trimmed) for any printable ASCII text and width', async () => {
    const fc = (await import('fast-check')).default;
    const { default: wrapAnsi } = await import('wrap-ansi');
    const { wrapPlain } = await import('../../src/logfmt/wrap.js');
    const ascii = fc.string({ unit: fc.constantFrom(' ', ' ', 'a', 'b', 'c', '-', '/', '1'), maxLength: 80 });
    fc.assert(
      fc.property(ascii, fc.integer({ min: 1, max: 30 }), (t, w) => {
        expect(wrapPlain(t, w)).toEqual(wrapAnsi(t, w, { hard: true }).split('\n'));
      }),
      fcOptions(2000),
    );
  });
});
