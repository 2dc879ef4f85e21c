import { describe, expect, it } from 'vitest';
import { compileSearch, highlight, levelOf, matches, plain } from '../../web/src/search.js';

describe('log search', () => {
  it('is a regex, case-insensitive unless it has a capital (smart case)', () => {
    const s = compileSearch('get /api/\\d+');
    expect(s?.re).toBeInstanceOf(RegExp);
    expect(matches(s!.re!, 'GET /api/42 200')).toBe(true);
    expect(matches(s!.re!, 'GET /api/x 200')).toBe(false);
    const cased = compileSearch('GET')!.re!;
    expect(matches(cased, 'get')).toBe(false);
    expect(matches(cased, 'GET')).toBe(true);
  });

  it('matches the same line twice in a row (a global regex keeps lastIndex)', () => {
    const re = compileSearch('a')!.re!;
    expect(matches(re, 'xa')).toBe(true);
    expect(matches(re, 'xa')).toBe(true);
  });

  it('says why an invalid regex is one, and nothing for an empty search', () => {
    expect(compileSearch('(')).toEqual({ error: expect.stringContaining('Unterminated group') });
    expect(compileSearch('')).toBeNull();
  });

  it('matches the text, not the colour codes', () => {
    const line = '\x1b[31mERROR\x1b[0m boom';
    expect(plain(line)).toBe('ERROR boom');
    expect(matches(compileSearch('error boom')!.re!, line)).toBe(true);
    expect(matches(compileSearch('31m')!.re!, line)).toBe(false);
  });

  it('highlights every match and keeps the rest', () => {
    expect(highlight('a1b22c', compileSearch('\\d+')!.re)).toEqual([
      { text: 'a', hit: false },
      { text: '1', hit: true },
      { text: 'b', hit: false },
      { text: '22', hit: true },
      { text: 'c', hit: false },
    ]);
    expect(highlight('abc', undefined)).toEqual([{ text: 'abc', hit: false }]);
    expect(highlight('abc', compileSearch('x*')!.re)).toEqual([{ text: 'abc', hit: false }]);
    expect(highlight('abc', compileSearch('abc')!.re)).toEqual([{ text: 'abc', hit: true }]);
  });

  it('colours by level', () => {
    expect(levelOf('2024 ERROR db gone', 'stdout')).toBe('error');
    expect(levelOf('level=warn slow', 'stderr')).toBe('warn');
    expect(levelOf('[debug] x', 'stdout')).toBe('debug');
    expect(levelOf('INFO ready', 'stdout')).toBe('info');
    expect(levelOf('restart requested', 'system')).toBe('system');
    expect(levelOf('terror', 'stdout')).toBe('plain');
  });
});
