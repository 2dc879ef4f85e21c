// compose's watch words beside foxdev's own sync / rebuild / restart lines.
import { describe, expect, it } from 'vitest';
import { composeWatchLine } from '../../src/cli/watch-announce.js';

describe('composeWatchLine', () => {
  it('maps the lines scripts wait for', () => {
    expect(composeWatchLine('app', 'synced 3 change(s) to app in 12 ms')).toBe('Syncing service "app" after 3 changes were detected');
    expect(composeWatchLine('web', 'rebuilding: trigger/x changed')).toBe('Rebuilding service(s) ["web"] after changes were detected...');
    expect(composeWatchLine('web', 'restarting: conf/a changed')).toBe('service(s) ["web"] restarted');
  });
  it('leaves every other line alone', () => {
    expect(composeWatchLine('app', 'caught up app: 2 change(s) in 108 ms')).toBeUndefined();
    expect(composeWatchLine('app', 'unchanged and running; reattached')).toBeUndefined();
  });
});
