// restart: and deploy.restart_policy → the one rule the supervisor applies, as compose maps them.
import { describe, expect, it } from 'vitest';
import { restartDelay, restartRule, shouldRestartBy } from '../../src/plan/backoff.js';

const svc = (restart: 'no' | 'always' | 'on-failure' | 'unless-stopped', extra: Record<string, unknown> = {}, restartMaxRetries?: number) => ({ restart, extra, restartMaxRetries });

describe('restartRule', () => {
  it('maps restart: values; on-failure:N gives max attempts', () => {
    expect(restartRule(svc('no'))).toEqual({ condition: 'none', label: 'restart: no' });
    expect(restartRule(svc('unless-stopped')).condition).toBe('any');
    expect(restartRule(svc('on-failure', {}, 3))).toEqual({ condition: 'on-failure', maxAttempts: 3, label: 'restart: on-failure:3' });
  });

  it('deploy.restart_policy wins over restart:, with durations read', () => {
    const rule = restartRule(svc('always', { deploy: { restart_policy: { condition: 'on-failure', max_attempts: '2', delay: '250ms', window: '1m' } } }));
    expect(rule).toEqual({ condition: 'on-failure', maxAttempts: 2, delayMs: 250, windowMs: 60_000, label: 'restart_policy: on-failure, max_attempts 2' });
    expect(restartRule(svc('no', { deploy: { restart_policy: {} } })).condition).toBe('any'); // the spec's default
  });

  it('counts attempts (inside the window when there is one) and uses the fixed delay', () => {
    const rule = restartRule(svc('no', { deploy: { restart_policy: { condition: 'any', max_attempts: 2, window: '10s' } } }));
    expect(shouldRestartBy(rule, 0, [], 0)).toBe(true);
    expect(shouldRestartBy(rule, 1, [0, 1000], 5000)).toBe(false);
    expect(shouldRestartBy(rule, 1, [0, 1000], 10_500)).toBe(true); // the first left the window
    expect(shouldRestartBy(restartRule(svc('on-failure')), 0, [], 0)).toBe(false);
    expect(restartDelay({ ...rule, delayMs: 700 }, 5)).toBe(700);
    expect(restartDelay(rule, 3)).toBe(4000);
  });
});
