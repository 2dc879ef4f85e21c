// Keys that arrive together. A terminal hands over several key presses in one read when they
// come quickly (typing ahead, a slow ssh link, tmux send-keys), and Ink then passes the whole
// chunk to useInput as one `input`, e.g. "jj\r". No binding matches such a string, so every key
// in it was lost. This splits a chunk back into single keys, as if each had been read alone.

import type { KeyInfo } from './keys.js';

export type KeyPress = [input: string, key: KeyInfo];

/** One code point → the key Ink would have reported had it arrived by itself. */
function single(ch: string): KeyPress {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return ['', { return: true }];
  if (ch === '\t') return ['', { tab: true }];
  // Terminals send DEL for Backspace; Ink reports it as `delete` (see keys.ts).
  if (ch === '\x7f') return ['', { delete: true }];
  if (ch === '\b') return ['', { backspace: true }];
  // Ctrl-A … Ctrl-Z: Ink gives the letter with ctrl set.
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ctrl: true }];
  return [ch, {}];
}

/**
 * The keys in one useInput call. Only a chunk of plain characters is split: escape sequences
 * (arrows, PgUp, Alt-x) reach useInput one at a time already, and Ink has parsed them into `key`.
 */
export function splitKeys(input: string, key: KeyInfo): KeyPress[] {
  const chars = Array.from(input);
  if (chars.length <= 1 || key.meta || key.escape || input.includes('\x1b')) return [[input, key]];
  return chars.map(single);
}
