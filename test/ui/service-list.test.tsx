// Each state reads as specified in the service list, with the reason when there is one.

import { afterEach, describe, expect, it } from 'vitest';
import type { Phase } from '../../src/store/index.js';
import { project } from '../store/fixtures.js';
import { NOW, renderScreen, type Screen } from './harness.js';

let screen: Screen | undefined;
afterEach(() => screen?.unmount());

const row = (s: Screen, name: string) => s.lines().find((l) => l.slice(2).startsWith(name + ' ')) ?? '';

describe('service list', () => {
  it('lists services in dependency order with kind, health and links', async () => {
    screen = await renderScreen();
    await screen.act(project(['db', 'api', 'web']));
    const names = screen.lines().map((l) => l.slice(2).split(' ')[0]);
    expect(names.indexOf('db')).toBeLessThan(names.indexOf('api'));
    expect(names.indexOf('api')).toBeLessThan(names.indexOf('web'));
    expect(row(screen, 'api')).toMatch(/api\s+ctr\s+pending\s+-\s+http:\/\/localhost:8080/);
    expect(row(screen, 'web')).toMatch(/web\s+proc\s+pending/);
    expect(row(screen, 'db')).not.toContain('localhost:5432'); // unpublished port: no link
    expect(screen.frame()).toContain('shop 0/3 ready');
  });

  const phases: Array<[Phase, string, number?]> = [
    ['pending', 'pending'],
    ['building', 'building'],
    ['creating', 'creating'],
    ['starting', 'starting'],
    ['running', 'running'],
    ['ready', 'ready'],
    ['unhealthy', 'unhealthy'],
    ['completed', 'completed'],
    ['exited', 'exited (137)', 137],
    ['exited', 'exited (0)', 0],
    ['failed', 'failed (2)', 2],
    ['stopping', 'stopping'],
    ['stopped', 'stopped'],
  ];
  it.each(phases)('shows phase %s as "%s"', async (phase, label, exitCode) => {
    screen = await renderScreen();
    await screen.act(project(), { type: 'service/phase', service: 'api', phase, at: NOW, exitCode });
    expect(row(screen, 'api')).toMatch(new RegExp(`^▸?\\s*api\\s+ctr\\s+${label.replace(/[()]/g, '\\$&')}\\s`));
  });

  it('says what a waiting service waits for', async () => {
    screen = await renderScreen();
    await screen.act(project(), { type: 'service/phase', service: 'api', phase: 'waiting', at: NOW, reason: 'waiting for db: healthy — last probe: connection refused' });
    const lines = screen.lines();
    const i = lines.findIndex((l) => l.includes('api') && l.includes('waiting'));
    expect(lines[i + 1]).toContain('└ waiting for db: healthy — last probe: connection refused');
  });

  it("shows a failed service's error and a crash-loop's next try", async () => {
    screen = await renderScreen();
    await screen.act(
      project(),
      { type: 'service/phase', service: 'api', phase: 'failed', at: NOW, reason: 'image shop-api not found' },
      { type: 'service/phase', service: 'web', phase: 'crash-loop', at: NOW, exitCode: 1, nextRetryAt: NOW + 5000 },
    );
    expect(screen.frame()).toContain('└ failed: image shop-api not found');
    expect(screen.frame()).toContain('└ crash-loop — last exit 1 — next try in 5s');
    expect(screen.frame()).toMatch(/1 failing|2 failing/);
  });

  it('shows health, restarts, uptime and the last sync and seed', async () => {
    // 100 columns: at 80 the link fits and the sync note is cut at the edge.
    screen = await renderScreen({ columns: 100 });
    await screen.act(
      project(),
      { type: 'service/started', service: 'api', at: NOW - 125_000 },
      { type: 'service/phase', service: 'api', phase: 'ready', at: NOW },
      { type: 'service/health', service: 'api', health: 'healthy', at: NOW },
      { type: 'service/restarted', service: 'api', restarts: 3, at: NOW - 65_000 },
      { type: 'sync/status', service: 'api', at: NOW - 12_000, files: 2, pending: 0 },
      { type: 'seed/status', service: 'db', at: NOW - 60_000, state: 'seeded' },
      { type: 'service/health', service: 'db', health: 'unhealthy', lastProbe: 'pg_isready: no response', at: NOW },
    );
    expect(row(screen, 'api')).toMatch(/api\s+ctr\s+ready\s+healthy\s+3\s+1m\s+http:\/\/localhost:8080 · synced 12s ago/);
    expect(row(screen, 'db')).toContain('seeded 1m ago');
    expect(screen.frame()).toContain('└ unhealthy — last probe: pg_isready: no response');
  });

  it('redraws when a shown time changes, and only then', async () => {
    let now = NOW;
    screen = await renderScreen({ clock: () => now, ticks: true });
    await screen.act(project(), { type: 'service/started', service: 'api', at: NOW - 59_900 }, { type: 'service/phase', service: 'api', phase: 'ready', at: NOW });
    expect(row(screen, 'api')).toMatch(/ready\s+-\s+59s/);
    const frames = screen.stdout.frames.length;
    now += 150; // the fake clock crosses the minute; the timer was set for ~100 ms
    await new Promise((r) => setTimeout(r, 300));
    expect(row(screen, 'api')).toMatch(/ready\s+-\s+1m\s/);
    expect(screen.stdout.frames.length).toBe(frames + 1);
  });

  it('uses long kind names on wide screens', async () => {
    screen = await renderScreen({ columns: 120, rows: 30 });
    await screen.act(project());
    expect(row(screen, 'web')).toMatch(/web\s+process\s+pending/);
  });
});
