// Faults while running (issue 14): the engine dies under a foreground `up` (dockerd SIGKILLed,
// restarted by scripts/engine.sh, which stops the containers it finds as a fresh daemon does).
// foxdev says so once, waits, and starts again what the engine stopped; when the engine does not
// come back in time, up ends with exit 1 and one clear line. The engine is always restarted after.
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdevBackground, repoRoot } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-engine-restart-'));
const projects: string[] = [];
// Only a daemon this machine runs itself can be killed and started again.
const ownDaemon = hasEngine && !process.env.DOCKER_HOST && (await execa('pgrep', ['-x', 'dockerd'], { reject: false })).exitCode === 0;

async function killEngine(): Promise<void> {
  await execa('pkill', ['-KILL', '-x', 'dockerd'], { reject: false });
  for (let i = 0; i < 50 && (await execa('pgrep', ['-x', 'dockerd'], { reject: false })).exitCode === 0; i++) await new Promise((r) => setTimeout(r, 100));
}
const startEngine = () => execa('bash', [path.join(repoRoot, 'scripts/engine.sh')], { reject: false, timeout: 120_000 });
const states = async (p: string) => (await projectContainers(p)).map((c) => `${c.service}:${c.state}`).sort();
async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out: ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const compose = `services:
  a:
    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "echo a-up; exec sleep 3600"]
    stop_grace_period: 1s
  b:
    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "echo b-up; exec sleep 3600"]
    stop_grace_period: 1s
    depends_on: [a]
`;

describe.runIf(ownDaemon)('the engine restarted under a running up', () => {
  afterAll(async () => {
    await startEngine();
    for (const p of projects) await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so, waits, and starts again what the engine stopped; Ctrl-C still stops everything', async () => {
    const p = `engrestart-${process.pid}`;
    projects.push(p);
    writeFileSync(path.join(dir, 'compose.yaml'), compose);
    const up = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui'], { env: { FOXDEV_ENGINE_WAIT_MS: '90000' } });
    try {
      await up.waitFor(/b-1\s+\| ◆ ready/, 60_000);
      await killEngine();
      await up.waitFor(/the engine stopped answering \([^)]*\); waiting up to 90 s/, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await startEngine()).exitCode).toBe(0);
      await up.waitFor(/the engine answers again after \d+\.\d s; starting what it stopped/, 60_000);
      expect(await until('both running again', () => states(p), (s) => s.join() === 'a:running,b:running')).toEqual(['a:running', 'b:running']);
      // One message for the outage, not one per service.
      expect(up.output().match(/the engine stopped answering/g)).toHaveLength(1);
      expect(up.output()).not.toMatch(/\n\s+at /);
    } catch (err) {
      console.error('foxdev output:', up.output());
      throw err;
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
    expect(up.child.exitCode).toBe(0);
    expect(await states(p)).toEqual(['a:exited', 'b:exited']);
  }, 240_000);

  it('an engine that stays away: up ends with exit 1 and says why, in one line per service', async () => {
    const p = `enggone-${process.pid}`;
    projects.push(p);
    writeFileSync(path.join(dir, 'compose.yaml'), compose);
    const up = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui'], { env: { FOXDEV_ENGINE_WAIT_MS: '3000' } });
    try {
      await up.waitFor(/b-1\s+\| ◆ ready/, 60_000);
      await killEngine();
      await up.waitFor(/the engine did not come back within 3\.0 s; giving up/, 30_000);
      await up.child;
      expect(up.child.exitCode).toBe(1);
      expect(up.output()).toMatch(/a-1\s+\| ◆ failed: the engine stopped answering and did not come back/);
      expect(up.output()).not.toMatch(/\n\s+at /);
    } catch (err) {
      console.error('foxdev output:', up.output());
      throw err;
    } finally {
      if (up.child.exitCode === null) up.child.kill('SIGKILL');
      expect((await startEngine()).exitCode).toBe(0);
    }
  }, 240_000);
});
