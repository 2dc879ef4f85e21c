import { describe, expect, it } from 'vitest';
import { ageChangesIn, formatAge } from '../../src/logfmt/index.js';
import type { ServiceState } from '../../src/store/index.js';
import { detailLine, links, nextTimeChange, uptime } from '../../src/ui/service-columns.js';

const svc = (over: Partial<ServiceState> = {}): ServiceState => ({
  name: 'api',
  kind: 'container',
  ports: [],
  dependsOn: [],
  hasSync: false,
  hasSeed: false,
  phase: 'ready',
  health: 'none',
  restarts: 0,
  ...over,
});

describe('service columns', () => {
  it('shows ages coarsely and knows when they change', () => {
    expect(formatAge(59_999)).toBe('59s');
    expect(formatAge(61_000)).toBe('1m');
    expect(formatAge(3_600_000 + 5 * 60_000)).toBe('1h05m');
    expect(ageChangesIn(59_900)).toBe(100);
    expect(ageChangesIn(90_000)).toBe(30_000);
  });

  it('uptime only while the service is up', () => {
    expect(uptime(svc({ startedAt: 0 }), 5000)).toBe('5s');
    expect(uptime(svc({ startedAt: 0, phase: 'exited' }), 5000)).toBe('');
  });

  it('asks for a redraw only when a shown time changes', () => {
    expect(nextTimeChange([svc()], 0)).toBeNull();
    expect(nextTimeChange([svc({ startedAt: 0 })], 90_000)).toBe(30_000);
    expect(nextTimeChange([svc({ startedAt: 0 }), svc({ sync: { at: 89_700, files: 1, pending: 0 } })], 90_000)).toBe(700);
    expect(nextTimeChange([svc({ phase: 'crash-loop', nextRetryAt: 10_250 })], 5000)).toBe(250);
  });

  it('links published ports only', () => {
    expect(links(svc({ ports: [{ target: 80, published: 8080, protocol: 'tcp' }, { target: 5432, protocol: 'tcp' }, { target: 53, published: 5353, protocol: 'udp' }] }))).toEqual([
      'http://localhost:8080',
      'udp://localhost:5353',
    ]);
  });

  it('explains waiting, failure, unhealthy probes and sync errors', () => {
    expect(detailLine(svc({ phase: 'waiting', reason: 'waiting for db: healthy' }), 0)?.text).toBe('waiting for db: healthy');
    expect(detailLine(svc({ phase: 'failed', reason: 'boom', exitCode: 3 }), 0)?.text).toBe('failed (3): boom');
    expect(detailLine(svc({ phase: 'unhealthy', lastProbe: 'HTTP 503' }), 0)?.text).toBe('unhealthy — last probe: HTTP 503');
    expect(detailLine(svc({ sync: { at: 0, files: 0, pending: 0, error: 'permission denied' } }), 0)?.text).toBe('sync failed: permission denied');
    expect(detailLine(svc(), 0)).toBeNull();
  });
});
