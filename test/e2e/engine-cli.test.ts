// foxdev up / down as a user runs them, on small busybox projects: failures block dependents with
// a reason, crash loops back off while others stay up, signals and kill -9 leave nothing behind,
// reuse and recreate are exact, and a taken port is reported before anything starts.
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, projectNetworks, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const projects: string[] = [];
const uniq = (name: string) => {
  const p = `${name}-${process.pid}`;
  projects.push(p);
  return p;
};

describe.runIf(hasEngine)('foxdev up/down against the engine', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
  });

  it('a failing one-shot job blocks its dependents with the reason; others still start', async () => {
    const p = uniq('failjob');
    const r = await foxdev(['-C', 'fixtures/engine-failing-job', '-p', p, 'up', '-d', '--wait-timeout', '60']);
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/app(?:-\d+)? +\| ◆ failed: service "job" didn't complete successfully: exit 3/);
    expect(r.all).toMatch(/foxdev: job: exited with code 3 \(and app\)/);
    // The job's own output is shown, so the reason is visible without `foxdev logs`.
    expect(r.all).toContain('relation "users" does not exist');
    const state = Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.state]));
    // app was created with the rest (compose's order) and never started.
    expect(state).toEqual({ job: 'exited', bystander: 'running', app: 'created' });
  });

  it('a crash-looping service backs off (1 s, 2 s, …) while the others stay up', async () => {
    const p = uniq('crash');
    const up = foxdevBackground(['-C', 'fixtures/engine-crashloop', '-p', p, 'up', '--no-tui']);
    try {
      await up.waitFor(/flaky(?:-\d+)? +\| exited with code 3; restarting in 4s/, 60_000);
      const out = up.output();
      expect(out).toMatch(/restarting in 1s[\s\S]*restarting in 2s[\s\S]*restarting in 4s/);
      expect(out).toMatch(/flaky(?:-\d+)? +\| ◆ crash-loop/);
      const steady = (await projectContainers(p)).find((c) => c.service === 'steady');
      expect(steady?.state).toBe('running');
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
    expect((await projectContainers(p)).filter((c) => c.state === 'running')).toEqual([]);
  });

  it('SIGINT stops everything in reverse order and leaves no container running', async () => {
    const p = uniq('sigint');
    const up = foxdevBackground(['-C', 'fixtures/engine-chain', '-p', p, 'up', '--no-tui'], { env: { CHAIN_APP_PORT: '4311' } });
    await up.waitFor(/app(?:-\d+)? +\| ◆ ready/);
    up.child.kill('SIGINT');
    const r = await up.child;
    expect(r.exitCode).toBe(0);
    const out = up.output();
    // Dependents stop before what they depend on.
    expect(out.search(/app-1 +\| ◆ stopped/)).toBeGreaterThan(-1);
    expect(out.search(/app-1 +\| ◆ stopped/)).toBeLessThan(out.search(/db-1 +\| ◆ stopping/));
    expect((await projectContainers(p)).filter((c) => c.state === 'running')).toEqual([]);
  });

  it('down after kill -9 removes everything labelled with the project', async () => {
    const p = uniq('kill9');
    const up = foxdevBackground(['-C', 'fixtures/engine-chain', '-p', p, 'up', '--no-tui'], { env: { CHAIN_APP_PORT: '4312' } });
    await up.waitFor(/app(?:-\d+)? +\| ◆ ready/);
    up.child.kill('SIGKILL');
    await up.child;
    expect((await projectContainers(p)).filter((c) => c.state === 'running').length).toBe(2); // db, app
    const r = await foxdev(['-C', 'fixtures/engine-chain', '-p', p, 'down']);
    expect(r.exitCode).toBe(0);
    expect(await projectContainers(p)).toEqual([]);
    expect(await projectNetworks(p)).toEqual([]);
  });

  it('a second up recreates nothing; a changed env var recreates just that service', async () => {
    const p = uniq('reuse');
    const env = { CHAIN_APP_PORT: '4313' };
    const args = ['-C', 'fixtures/engine-chain', '-p', p, 'up', '-d'];
    expect((await foxdev(args, { env })).exitCode).toBe(0);
    const ids = async () => Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.id]));
    const first = await ids();

    const again = await foxdev(args, { env });
    expect(again.exitCode).toBe(0);
    expect(await ids()).toEqual(first);
    expect(again.all).toMatch(/db(?:-\d+)? +\| unchanged and running; reattached/);

    const changed = await foxdev(args, { env: { ...env, GREETING: 'bonjour' } });
    expect(changed.exitCode).toBe(0);
    expect(changed.all).toMatch(/db(?:-\d+)? +\| recreating: config changed/);
    const third = await ids();
    expect(third.db).not.toBe(first.db);
    expect(third.app).toBe(first.app);
  });

  it('up <service> plans that service and what it needs, nothing else', async () => {
    const p = uniq('subset');
    const r = await foxdev(['-C', 'fixtures/engine-chain', '-p', p, 'up', 'job', '--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [`project ${p}`, 'db   container create', 'job  job       create  after db:healthy'].join('\n'),
    );
    const bad = await foxdev(['-C', 'fixtures/engine-chain', '-p', p, 'up', 'nope', '--dry-run']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe('foxdev: no such service: nope (have: db, job, app)');
  });

  it('a host port already taken is reported before anything starts', async () => {
    const p = uniq('port');
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(4314, '0.0.0.0', () => r()));
    try {
      const r = await foxdev(['-C', 'fixtures/engine-chain', '-p', p, 'up', '-d'], { env: { CHAIN_APP_PORT: '4314' } });
      expect(r.exitCode).toBe(1);
      expect(r.all).toContain('foxdev: app: host port 4314 is already in use');
      expect(await projectContainers(p)).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
