// Restart decisions: 1 s doubling to a 30 s cap, and which policies restart on which exits.
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, shouldRestart } from '../../src/plan/backoff.js';

describe('backoffDelay', () => {
  it('starts at 1 s and doubles per consecutive crash', () => {
    expect([1, 2, 3, 4, 5].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('is capped at 30 s however long the loop goes on', () => {
    expect(backoffDelay(6)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(60)).toBe(30_000);
    expect(backoffDelay(10_000)).toBe(30_000); // 2 ** 9999 is Infinity; the cap still holds
  });

  it('treats zero or negative counts as the first crash', () => {
    expect(backoffDelay(0)).toBe(1000);
    expect(backoffDelay(-3)).toBe(1000);
  });
});

describe('shouldRestart', () => {
  it('never restarts with "no"', () => {
    expect(shouldRestart('no', 1, 0)).toBe(false);
    expect(shouldRestart('no', 0, 0)).toBe(false);
  });

  it('always restarts with "always" and "unless-stopped", clean exits included', () => {
    for (const policy of ['always', 'unless-stopped'] as const) {
      expect(shouldRestart(policy, 0, 100)).toBe(true);
      expect(shouldRestart(policy, 137, 0)).toBe(true);
    }
  });

  it('on-failure restarts only non-zero exits, up to its retry limit', () => {
    expect(shouldRestart('on-failure', 0, 0)).toBe(false);
    expect(shouldRestart('on-failure', 2, 0)).toBe(true);
    expect(shouldRestart('on-failure', 2, 1000)).toBe(true); // no limit given
    expect(shouldRestart('on-failure', 2, 2, 3)).toBe(true);
    expect(shouldRestart('on-failure', 2, 3, 3)).toBe(false);
  });
});
