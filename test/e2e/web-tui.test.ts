// Both views of one session: `foxdev up` with the terminal dashboard in tmux (120×40) shows the
// web link in its header; the page opened from that link restarts api, and the terminal
// dashboard's row for api shows the restart too (same store, same actions); q stops every service.
// tmux runs on its own socket (-L), closing inherited fds so it never keeps the Docker lock.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { cliPath } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { launchChromium } from './web-browser.js';

const hasEngine = await requireEngine();
const NAME = `webtui-${process.pid}`;
const SOCKET = `foxdev-webtui-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-webtui-'));
const statusFile = path.join(dir, 'status');
const tmux = (...args: string[]) => execa('sh', ['-c', 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec tmux "$@"', 'sh', '-L', SOCKET, '-f', '/dev/null', ...args]);
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const screen = async () => (await tmux('capture-pane', '-p', '-t', 'web')).stdout.split('\n');

async function onScreen<T>(what: string, probe: (lines: string[]) => T | undefined, timeoutMs = 60_000): Promise<T> {
  let last: string[] = [];
  try {
    return await waitFor(what, async () => probe((last = await screen())), timeoutMs, 50);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- screen ---\n${last.join('\n')}`);
  }
}

/** The ↻ column of a service's row in the terminal dashboard. */
function restartsOf(lines: string[], service: string): number | undefined {
  const header = lines.find((l) => /^ {2}SERVICE +KIND +STATE/.test(l));
  const row = lines.find((l) => l.slice(2).split(' ')[0] === service);
  if (!header || !row) return undefined;
  const at = header.indexOf('↻');
  return Number(row.slice(at - 2, at + 1).trim() || '0');
}

describe.runIf(hasEngine)('the web page and the terminal dashboard of one session', () => {
  afterAll(async () => {
    await tmux('kill-server').catch(() => {});
    await purgeProject(NAME);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the header shows the link; a restart from the page shows in the terminal', async () => {
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `name: ${NAME}
services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo db-up; exec sleep 3600"]
    init: true
  api:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo api-up; exec sleep 3600"]
    init: true
    depends_on: [db]
`,
    );
    const cmd = `node ${shq(cliPath)} -C ${shq(dir)} up; echo $? > ${shq(statusFile)}`;
    await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'web', cmd);
    const link = await onScreen('2/2 ready and the web link in the header', (l) => (l[0]?.includes('2/2 ready') ? /web: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32})/.exec(l[0])?.[1] : undefined), 120_000);
    expect(restartsOf(await screen(), 'api')).toBe(0);

    const chromium = await launchChromium();
    try {
      const page = await chromium.context.newPage();
      await page.goto(link);
      await page.getByTestId('summary').filter({ hasText: '2/2 ready' }).waitFor({ timeout: 30_000 });
      await page.locator('tr[data-service=api] button[data-action=restart]').click();
      await page.locator('tr[data-service=api] [data-testid=restarts]').filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
    } finally {
      await chromium.close();
    }
    await onScreen('api restarted once in the terminal dashboard', (l) => (restartsOf(l, 'api') === 1 && l[0]?.includes('2/2 ready') ? true : undefined), 60_000);
    expect(restartsOf(await screen(), 'db')).toBe(0);

    await tmux('send-keys', '-t', 'web', 'q');
    await waitFor('foxdev to exit', async () => (readFileSync(statusFile, { flag: 'a+' }).toString().trim() || undefined), 90_000, 100);
    expect(readFileSync(statusFile, 'utf8').trim()).toBe('0');
    // q stops the services as Ctrl-C does (removing them is down's job): nothing left running.
    expect((await projectContainers(NAME)).filter((c) => c.state === 'running')).toEqual([]);
  }, 240_000);
});
