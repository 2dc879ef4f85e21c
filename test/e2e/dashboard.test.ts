// The dashboard in a real terminal: `foxdev up` on the example runs inside tmux (120×40), the
// test reads the screen with capture-pane and types with send-keys, as a user would. It waits for
// every service to be ready, selects api, opens its logs, restarts it and watches the restart
// count and state change on screen, quits with q, and checks that nothing is left running.
//
// tmux runs on its own socket (-L), so the test neither sees nor disturbs anyone else's tmux.
import { execa } from 'execa';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { cliPath, foxdev, repoRoot } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const PROJECT = `dash-e2e-${process.pid}`;
const SOCKET = `foxdev-dash-${process.pid}`;
const SESSION = 'dash';
const statusFile = join(tmpdir(), `foxdev-dash-e2e-${process.pid}.status`);
const PORTS = { SHOP_API_PORT: '4320', SHOP_WEB_PORT: '4321', SHOP_DOCS_PORT: '4322' };

// Through sh, closing fds 3–9 first: a tmux server started from a shell under `flock` kept the
// lock's fd, and so the lock, for as long as it lived; this way it cannot, however it is started.
const tmux = (...args: string[]) =>
  execa('sh', ['-c', 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec tmux "$@"', 'sh', '-L', SOCKET, '-f', '/dev/null', ...args]);
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The screen as plain text, one string per row (no colours: capture-pane without -e). */
async function screen(): Promise<string[]> {
  const { stdout } = await tmux('capture-pane', '-p', '-t', SESSION);
  return stdout.split('\n');
}

/** A service's row in the list, split into its columns (the selection marker dropped). */
interface Row {
  selected: boolean;
  name: string;
  kind: string;
  state: string;
  health: string;
  restarts: number;
  rest: string;
}

function rowOf(lines: string[], service: string): Row | undefined {
  // "▸ api     container ready        healthy       7s     http://localhost:4320"
  // columns: marker(2) name(7) ' ' kind(9) ' ' state(12) ' ' health(9) ' ' restarts(3) ' ' …
  const header = lines.findIndex((l) => /^ {2}SERVICE +KIND +STATE +HEALTH/.test(l));
  if (header < 0) return undefined;
  const h = lines[header];
  const col = (title: string) => h.indexOf(title);
  const line = lines.slice(header + 1).find((l) => l.slice(2).split(' ')[0] === service);
  if (!line) return undefined;
  const cut = (from: number, to: number) => line.slice(from, to).trim();
  const restartsAt = col('↻');
  return {
    selected: line.startsWith('▸ '),
    name: service,
    kind: cut(col('KIND'), col('STATE')),
    state: cut(col('STATE'), col('HEALTH')),
    health: cut(col('HEALTH'), restartsAt - 2),
    restarts: Number(cut(restartsAt - 2, restartsAt + 1) || '0'),
    rest: line.slice(col('UP')),
  };
}

async function waitForScreen<T>(what: string, probe: (lines: string[]) => T | undefined, timeoutMs = 60_000): Promise<T> {
  let last: string[] = [];
  try {
    return await waitFor(
      what,
      async () => {
        last = await screen();
        return probe(last);
      },
      timeoutMs,
      50,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- screen ---\n${last.join('\n')}`);
  }
}

const EXPECTED: Record<string, { kind: string; state: string }> = {
  db: { kind: 'container', state: 'ready' },
  migrate: { kind: 'job', state: 'completed' },
  api: { kind: 'container', state: 'ready' },
  worker: { kind: 'container', state: 'ready' },
  web: { kind: 'container', state: 'ready' },
  docs: { kind: 'process', state: 'ready' },
};

describe.runIf(hasEngine)('the dashboard in a real terminal', () => {
  afterAll(async () => {
    await tmux('kill-server').catch(() => {});
    await rm(statusFile, { force: true });
    await foxdev(['-p', PROJECT, 'down', '-v'], { env: PORTS, timeoutMs: 60_000 });
    await purgeProject(PROJECT);
  });

  it('shows the example coming up, answers select / logs / restart, and q stops everything', async () => {
    await purgeProject(PROJECT);
    const env = Object.entries(PORTS)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    // The pane's shell writes foxdev's exit status to a file: tmux's #{pane_dead_status} is not
    // reliable (the pane counts as dead when its pty closes, and the tmux server has been seen to
    // leave the process unreaped). remain-on-exit keeps the pane, to read the screen after.
    const cmd = `cd ${shq(repoRoot)} && env ${env} node ${shq(cliPath)} -p ${PROJECT} up; echo $? > ${shq(statusFile)}`;
    await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', SESSION, cmd, ';', 'set-option', '-g', 'remain-on-exit', 'on');

    // 1. Every service ready on screen (first run builds three images).
    const ready = await waitForScreen(
      'every service ready on screen',
      (lines) => {
        const rows = Object.keys(EXPECTED).map((s) => rowOf(lines, s));
        return lines[0]?.includes('6/6 ready') && rows.every((r) => r && r.state === EXPECTED[r.name].state) ? { lines, rows } : undefined;
      },
      170_000,
    );
    expect(ready.lines[0]).toMatch(new RegExp(`^foxdev ${PROJECT} 6/6 ready`));
    for (const r of ready.rows) {
      expect(r?.kind).toBe(EXPECTED[r!.name].kind);
      expect(r?.restarts).toBe(0);
    }
    expect(rowOf(ready.lines, 'db')?.selected).toBe(true);
    expect(rowOf(ready.lines, 'db')?.health).toBe('healthy');
    expect(rowOf(ready.lines, 'db')?.rest).toMatch(/seeded \d+s ago/);
    expect(rowOf(ready.lines, 'api')?.rest).toContain('http://localhost:4320');
    expect(rowOf(ready.lines, 'web')?.rest).toContain('http://localhost:4321');
    expect(ready.lines.some((l) => /^── logs: all · following ─+$/.test(l))).toBe(true);
    expect(ready.lines.some((l) => /^migrate +\| completed successfully/.test(l))).toBe(true);
    // The frame is one row shorter than the terminal (see ui/layout.ts); its last row is the footer.
    expect(ready.lines[38]).toMatch(/^↑↓ select +⏎ logs .* q quit/);

    // 2. Select api: two keys sent in one write, as a fast typist or a slow link delivers them.
    await tmux('send-keys', '-t', SESSION, 'j', 'j');
    await waitForScreen('api selected', (lines) => (rowOf(lines, 'api')?.selected && !rowOf(lines, 'db')?.selected ? true : undefined), 5_000);

    // 3. Enter: only api's lines in the log pane.
    await tmux('send-keys', '-t', SESSION, 'Enter');
    const logs = await waitForScreen('api logs', (lines) => (lines.some((l) => l.startsWith('── logs: api · following')) ? lines : undefined), 5_000);
    const title = logs.findIndex((l) => l.startsWith('── logs: api'));
    const pane = logs.slice(title + 1, 38).filter((l) => l.trim() !== '');
    expect(pane.some((l) => l.includes('shop api listening on :3000'))).toBe(true);
    // Every row is api's (its prefix, or a wrapped continuation indented under it).
    expect(pane.filter((l) => !/^api +\| |^ {6,}\S/.test(l))).toEqual([]);

    // 4. r restarts api: the footer acknowledges, the state leaves ready, the count goes to 1,
    //    and api comes back ready.
    await tmux('send-keys', '-t', SESSION, 'r');
    const states = new Set<string>();
    const restarted = await waitForScreen(
      'api restarted and ready again',
      (lines) => {
        const api = rowOf(lines, 'api');
        if (api) states.add(api.state);
        return api && api.restarts === 1 && api.state === 'ready' && states.size > 1 ? lines : undefined;
      },
      60_000,
    );
    expect(restarted.some((l) => /^api +\| .*restart requested/.test(l))).toBe(true);
    expect([...states].filter((s) => s !== 'ready').length).toBeGreaterThan(0);
    expect(rowOf(restarted, 'db')?.restarts).toBe(0);
    // api was started twice: its listening line comes on screen twice (the pane shows only api).
    // Ready comes from the probe, which can beat the log line to the screen by a frame.
    const listening = (lines: string[]) => lines.filter((l) => l.includes('shop api listening on :3000')).length;
    await waitForScreen('api listening twice', (lines) => (listening(lines) >= 2 ? lines : undefined), 10_000);

    // 5. q: services stop, foxdev exits 0, the terminal gets its screen back.
    await tmux('send-keys', '-t', SESSION, 'q');
    const status = await waitFor('foxdev to exit', async () => (await readFile(statusFile, 'utf8')).trim() || undefined, 60_000, 100);
    expect(status).toBe('0');
    expect((await screen()).join('\n')).not.toContain('SERVICE');
    expect((await projectContainers(PROJECT)).filter((c) => c.state === 'running')).toEqual([]);
  });
});
