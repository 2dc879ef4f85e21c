// The web dashboard against the real engine, in Debian's Chromium: `foxdev up` prints the link;
// without the token the page and the live stream are 403; the table shows every service ready and
// the title says so; a regex search of one service's log lists exactly the matching lines; a
// restart from the page goes through the session (the socket API sees the count go up too); CPU and
// memory of each container show; the startup timeline names the critical path;
// --no-web serves nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/api/client.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground, repoRoot } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { launchChromium } from './web-browser.js';

const hasEngine = await requireEngine();
const NAME = `web-e2e-${process.pid}`;
const API_LINES = 300;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.runIf(hasEngine)('the web dashboard', () => {
  let dir: string;
  let hostPort: number;
  beforeAll(async () => {
    await purgeProject(NAME);
    hostPort = await freePort();
    dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-web-'));
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `name: ${NAME}
services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo db-up; exec sleep 3600"]
    init: true
    healthcheck: { test: ["CMD", "true"], interval: 1s, retries: 3 }
  api:
    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "i=0; while [ $$i -lt ${API_LINES} ]; do i=$$((i+1)); echo \\"GET /api/items/$$i 200\\"; echo \\"tick $$i\\"; done; echo api-up; exec httpd -f -p 8080"]
    ports: ["127.0.0.1:${hostPort}:8080"]
    depends_on: { db: { condition: service_healthy } }
  web:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo web-up; exec sleep 3600"]
    init: true
    depends_on: [api]
`,
    );
  });
  afterAll(async () => {
    await purgeProject(NAME);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the live session behind a token: all ready, regex search, restart from the page', async () => {
    const up = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    const chromium = await launchChromium();
    try {
      await up.waitFor(/web: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
      const link = /web: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/.exec(up.output())!;
      const [url, port, token] = [link[1], Number(link[2]), link[3]];
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      await up.waitFor(/web(?:-\d+)?\s+\| web-up/);

      // No token, a wrong one: 403 for the page, the live stream, the state and the intents.
      const base = `http://127.0.0.1:${port}`;
      for (const p of ['/', '/api/events', '/api/state', '/?token=nope', '/api/events?token=nope']) expect((await fetch(base + p)).status, p).toBe(403);
      expect((await fetch(`${base}/api/intent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"stop"}' })).status).toBe(403);

      const page = await chromium.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.getByTestId('summary').filter({ hasText: '3/3 ready' }).waitFor({ timeout: 60_000 });
      expect(await page.title()).toMatch(new RegExp(`^3/3 ready · ${NAME} — foxdev$`));
      const rows = page.locator('tbody tr');
      const table: Array<[string | null, string | null]> = [];
      for (let i = 0; i < (await rows.count()); i++) table.push([await rows.nth(i).getAttribute('data-service'), await rows.nth(i).getAttribute('data-phase')]);
      expect(table).toEqual([
        ['db', 'ready'],
        ['api', 'ready'],
        ['web', 'ready'],
      ]);
      // Resource use from the engine's stats, for each container.
      await page.locator('tr[data-service=api] [data-testid=memory]').filter({ hasText: /^\d+(\.\d)? (B|KiB|MiB)$/ }).waitFor({ timeout: 30_000 });
      expect(await page.locator('tr[data-service=db] [data-testid=cpu]').textContent()).toMatch(/^\d+\.\d %$/);
      // The published port is a link.
      expect(await page.locator('tr[data-service=api] a').getAttribute('href')).toBe(`http://localhost:${hostPort}/`);
      // The cookie the first visit set carries the token for the page's own requests.
      const cookies = await chromium.context.cookies(base);
      expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([[`foxdev_token_${port}`, true, 'Strict']]);

      // Search one service's log with a regex: only the matching lines, highlighted.
      await page.getByTestId('log-scope').selectOption('api');
      await page.getByTestId('log-count').filter({ hasText: new RegExp(`^${2 * API_LINES + 1} lines$`) }).waitFor();
      await page.getByTestId('log-search').fill('items/\\d*7 200$');
      const want = Array.from({ length: API_LINES }, (_, i) => i + 1).filter((i) => i % 10 === 7);
      await page.getByTestId('log-count').filter({ hasText: `${want.length} of ${2 * API_LINES + 1} lines` }).waitFor();
      const shown = await page.getByTestId('log-row').locator('.msg').allTextContents();
      expect(shown).toEqual(want.map((i) => `GET /api/items/${i} 200`));
      expect(await page.getByTestId('log-row').first().locator('mark').textContent()).toBe('items/7 200');
      mkdirSync(path.join(repoRoot, '.cache'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, '.cache/web-dashboard.png') });

      // The startup timeline: every service has its bar; the critical path starts at db.
      await page.getByTestId('tab-timeline').click();
      expect(await page.locator('.tl-row').count()).toBe(3);
      expect(await page.getByTestId('critical-path').textContent()).toMatch(/^db → api( → web)?$/);
      await page.screenshot({ path: path.join(repoRoot, '.cache/web-timeline.png') });
      await page.getByTestId('tab-logs').click();

      // A narrow window: the page never scrolls sideways (the table does, inside its box).
      await page.setViewportSize({ width: 420, height: 800 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(420);
      await page.screenshot({ path: path.join(repoRoot, '.cache/web-narrow.png') });
      await page.setViewportSize({ width: 1280, height: 800 });

      // Restart api from the page: the button waits for the operation; the session's own state agrees.
      const client = await connect({ dir, name: NAME });
      const restart = page.locator('tr[data-service=api] button[data-action=restart]');
      await restart.click();
      await page.locator('tr[data-service=api] [data-testid=restarts]').filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
      await restart.filter({ hasText: /^restart$/ }).waitFor({ timeout: 60_000 });
      expect((await client.state()).services.api.restarts).toBe(1);
      await page.getByTestId('summary').filter({ hasText: '3/3 ready' }).waitFor({ timeout: 60_000 });
      client.close();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await chromium.close();
      up.child.kill('SIGINT');
      await up.child;
    }
    expect(up.output().match(/token=/g)).toHaveLength(1);
  }, 180_000);

  it('--no-web serves no page; a bad or taken --web-port is refused in one line', async () => {
    const up = foxdevBackground(['-C', dir, 'up', '--no-tui', '--no-web']);
    try {
      await up.waitFor(/web(?:-\d+)?\s+\| web-up/);
      expect(up.output()).not.toMatch(/web: http/);
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
    const bad = await foxdev(['-C', dir, 'up', '--no-tui', '--web-port', '70000']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--web-port: expected a port number from 1 to 65535, got 70000');
    // A taken --web-port: one line, and nothing started (the session had not begun).
    await foxdev(['-C', dir, 'down']);
    const taken = net.createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as net.AddressInfo).port)));
    try {
      const busy = await foxdev(['-C', dir, 'up', '--no-tui', '--web-port', String(port)]);
      expect(busy.exitCode, busy.all).toBe(2);
      expect(busy.stderr).toContain(`web dashboard: port ${port} on 127.0.0.1 is in use`);
      expect(busy.stderr).not.toMatch(/\n\s+at /);
      expect((await projectContainers(NAME)).filter((c) => c.state === 'running')).toEqual([]);
    } finally {
      taken.close();
    }
  }, 120_000);
});
