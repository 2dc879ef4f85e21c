import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../src/ui/split-keys.js';

describe('splitKeys: keys that arrive in one read', () => {
  it('splits plain characters into single key presses', () => {
    expect(splitKeys('jj\r', {})).toEqual([
      ['j', {}],
      ['j', {}],
      ['', { return: true }],
    ]);
  });

  it('maps control characters as Ink would for a single key', () => {
    expect(splitKeys('k\x03', {})).toEqual([
      ['k', {}],
      ['c', { ctrl: true }],
    ]);
    expect(splitKeys('a\x7f', {})).toEqual([
      ['a', {}],
      ['', { delete: true }],
    ]);
  });

  it('leaves single keys and escape sequences alone', () => {
    expect(splitKeys('q', {})).toEqual([['q', {}]]);
    expect(splitKeys('\x1b[A', { upArrow: true } as never)).toEqual([['\x1b[A', { upArrow: true }]]);
    expect(splitKeys('x', { meta: true } as never)).toEqual([['x', { meta: true }]]);
  });
});
