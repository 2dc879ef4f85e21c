// `up -d` leaves live sync running: a background foxdev (cli/sync-daemon.ts) syncs edits into the
// container after `up -d` returned, catches up after an engine-side restart, follows a container
// recreated by a second `up -d`, and `foxdev down` ends it. Prints the edit → container latency.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const p = `dsync-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-dsync-'));
mkdirSync(path.join(dir, 'src'));
writeFileSync(path.join(dir, 'src', 'a.txt'), 'v0\n');
const compose = (mode: string) => `name: ${p}
services:
  web:
    image: foxdev/busybox:1
    command: ["sh", "-c", "mkdir -p /app/src; exec sleep 3600"]
    init: true
    stop_grace_period: 1s
    environment: { MODE: ${mode} }
    develop:
      watch:
        - action: sync
          path: ./src
          target: /app/src
`;
const inContainer = async () => (await execa('docker', ['exec', `${p}-web-1`, 'cat', '/app/src/a.txt'], { reject: false })).stdout.trim();
const pidOf = (out: string) => Number(/live sync goes on in the background \(pid (\d+)/.exec(out)?.[1]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function editAndWait(text: string): Promise<number> {
  const t0 = performance.now();
  writeFileSync(path.join(dir, 'src', 'a.txt'), `${text}\n`);
  await waitFor(`${text} in the container`, async () => ((await inContainer()) === text ? true : undefined), 15_000, 5);
  return performance.now() - t0;
}

describe.runIf(hasEngine)('live sync after up -d', () => {
  afterAll(async () => {
    await foxdev(['-C', dir, 'down'], { timeoutMs: 60_000 });
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes on in the background, survives a restart and a recreate, and ends with down', async () => {
    writeFileSync(path.join(dir, 'compose.yaml'), compose('a'));
    const up = await foxdev(['-C', dir, 'up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    const pid = pidOf(up.stderr);
    expect(alive(pid)).toBe(true);

    const times: number[] = [];
    for (let i = 1; i <= 7; i++) times.push(await editAndWait(`v${i}`));
    times.sort((a, b) => a - b);
    console.log(`detached sync: edit → in container, median of 7: ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)})`);

    // An engine-side restart (no session): the daemon catches up what changed meanwhile.
    expect((await foxdev(['-C', dir, 'restart', 'web'])).exitCode).toBe(0);
    await editAndWait('after-restart');

    // A second up -d with a changed config recreates web and replaces the daemon.
    writeFileSync(path.join(dir, 'compose.yaml'), compose('b'));
    const again = await foxdev(['-C', dir, 'up', '-d']);
    expect(again.exitCode, again.all).toBe(0);
    const pid2 = pidOf(again.stderr);
    expect(pid2).not.toBe(pid);
    await waitFor('old daemon gone', async () => (!alive(pid) ? true : undefined), 5_000);
    await editAndWait('after-recreate');

    const down = await foxdev(['-C', dir, 'down']);
    expect(down.stderr).toContain('stopped the background live sync');
    await waitFor('daemon gone', async () => (!alive(pid2) ? true : undefined), 5_000);
    const log = readFileSync(path.join(dir, '.foxdev', 'projects', p, 'logs', 'sync-daemon.log'), 'utf8');
    expect(log).toMatch(/synced 1 change\(s\) to web/);
  }, 150_000);
});
