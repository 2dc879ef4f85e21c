// The bug as a user met it, on the bundled example (foxdev.config.ts): after a reseed of `db`,
// `migrate` must run again so `orders` exists, and `worker` polls without "poll failed". Both
// paths: `foxdev seed --yes` from a second terminal (no session), and the session's own reseed
// (the dashboard's `s`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/config/project.js';
import { loadProject } from '../../src/config/load.js';
import { down } from '../../src/engine/down.js';
import { Session } from '../../src/engine/session.js';
import { dockerReseed, dockerSeeder } from '../../src/engine/seeder.js';
import { waitSettled } from '../../src/engine/up.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { foxdev, repoRoot } from '../helpers/cli.js';
import { httpGet, requireEngine, waitFor } from '../helpers/engine.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { sql } from './seed-support.js';
import { dockerRuntime } from '../../src/runtime/docker/runtime.js';

const hasEngine = await requireEngine();
const NAME = 'shop-reseed';
const PORTS = { SHOP_API_PORT: '4193', SHOP_WEB_PORT: '4305', SHOP_DOCS_PORT: '4306' };
const docker = dockerClient();

const idOf = async (service: string) => (await projectContainers(NAME)).find((c) => c.service === service)!.id;
const ordersExists = async () => (await sql(docker.getContainer(await idOf('db')), 'shop', `SELECT to_regclass('public.orders') IS NOT NULL`)) === 't';
const workerLogsSince = async (ms: number) =>
  (await docker.getContainer(await idOf('worker')).logs({ stdout: true, stderr: true, since: Math.floor(ms / 1000) })).toString('utf8');

/** Worker has polled successfully after `ms` and not failed since. */
async function workerPollsCleanly(ms: number): Promise<string> {
  const logs = await waitFor('worker to poll', async () => {
    const l = await workerLogsSince(ms);
    return /orders pending: \d+/.test(l) ? l : undefined;
  }, 30_000, 250);
  // One more poll period, so a failing poll after the first good one would show.
  await new Promise((r) => setTimeout(r, 2500));
  return logs + (await workerLogsSince(ms));
}

describe.runIf(hasEngine)('reseed on the example: migrate runs again, worker keeps polling, /products answers', () => {
  let project: Project;

  beforeAll(async () => {
    Object.assign(process.env, PORTS);
    project = await loadProject({ cwd: repoRoot, projectName: NAME });
    await purgeProject(NAME);
  });
  afterAll(async () => {
    await down(dockerRuntime(docker), project, { volumes: true, timeoutMs: 2000 });
    await purgeProject(NAME);
  });

  it('foxdev seed --yes (no session)', async () => {
    const up = await foxdev(['-p', NAME, 'up', '-d'], { env: PORTS, timeoutMs: 300_000 });
    expect(up.exitCode, up.all).toBe(0);
    expect(await ordersExists()).toBe(true);
    const r = await foxdev(['-p', NAME, 'seed', 'db', '--yes'], { env: PORTS });
    const after = Date.now();
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('db: running again migrate (depends on db: service_seeded)');
    expect(await ordersExists()).toBe(true);
    const logs = await workerPollsCleanly(after);
    expect(logs).not.toContain('poll failed');
    const products = JSON.parse(await waitFor('api', () => httpGet(`http://127.0.0.1:${PORTS.SHOP_API_PORT}/products`).catch(() => undefined), 30_000)) as unknown[];
    expect(products).toHaveLength(5);
  }, 360_000);

  it("the session's reseed (dashboard s)", async () => {
    const session = new Session({ runtime: dockerRuntime(docker), project, dispatch: () => {}, seeder: dockerSeeder(dockerRuntime(docker), project.dir), reseed: dockerReseed(dockerRuntime(docker), project.dir) });
    try {
      await session.start(await session.prepare([]));
      expect((await waitSettled(session, 150_000)).failures).toEqual([]);
      const outcome = await session.reseed(['db']);
      const after = Date.now();
      expect(outcome.results.map((x) => `${x.op.op} ${x.op.service} ${x.status}`)).toEqual([
        'stop worker done',
        'stop api done',
        'reseed db done',
        'run-job migrate done',
        'restart api done',
        'restart worker done',
      ]);
      expect(await ordersExists()).toBe(true);
      expect(await workerPollsCleanly(after)).not.toContain('poll failed');
      const ok = await session.runs.get('api')!.ready.wait();
      expect(ok).toBe(true);
      expect(JSON.parse(await httpGet(`http://127.0.0.1:${PORTS.SHOP_API_PORT}/products`))).toHaveLength(5);
    } finally {
      await session.stop();
    }
  }, 360_000);
});
