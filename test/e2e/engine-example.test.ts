// The example stack (real PostgreSQL, a one-shot migration, built Node images, a host process)
// through the engine as a library: everything comes up, in dependency order, and a second `up`
// reuses what is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/config/project.js';
import { loadProject } from '../../src/config/load.js';
import { Session } from '../../src/engine/session.js';
import { dockerSeeder } from '../../src/engine/seeder.js';
import { waitSettled } from '../../src/engine/up.js';
import { down } from '../../src/engine/down.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import type { Action } from '../../src/store/actions.js';
import { httpGet, requireEngine } from '../helpers/engine.js';
import { repoRoot } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { dockerRuntime } from '../../src/runtime/docker/runtime.js';

const hasEngine = await requireEngine();
const NAME = 'shop-e2e';

describe.runIf(hasEngine)('example stack through the engine', () => {
  let project: Project;
  const docker = dockerClient();

  beforeAll(async () => {
    Object.assign(process.env, { SHOP_API_PORT: '4190', SHOP_WEB_PORT: '4301', SHOP_DOCS_PORT: '4302' });
    project = await loadProject({ cwd: repoRoot, projectName: NAME });
    await purgeProject(NAME);
  });

  afterAll(async () => {
    await down(dockerRuntime(docker), project, { volumes: true, timeoutMs: 2000 });
    await purgeProject(NAME);
  });

  it('comes up healthy, each service after what it depends on', async () => {
    const phases: Array<{ service: string; phase: string; at: number }> = [];
    const dispatch = (a: Action) => {
      if (a.type === 'service/phase') phases.push({ service: a.service, phase: a.phase, at: a.at });
    };
    const session = new Session({ runtime: dockerRuntime(docker), project, dispatch, seeder: dockerSeeder(dockerRuntime(docker), project.dir) });
    const t0 = Date.now();
    await session.start(await session.prepare([]));
    const result = await waitSettled(session, 150_000);
    const elapsed = Date.now() - t0;
    try {
      expect(result.failures).toEqual([]);
      const first = (service: string, phase: string) => phases.find((p) => p.service === service && p.phase === phase)?.at ?? NaN;
      // Start order follows the graph: nothing starts before its dependency meets its condition.
      expect(first('migrate', 'starting')).toBeGreaterThanOrEqual(first('db', 'ready'));
      expect(first('api', 'starting')).toBeGreaterThanOrEqual(first('migrate', 'completed'));
      expect(first('worker', 'starting')).toBeGreaterThanOrEqual(first('migrate', 'completed'));
      expect(first('web', 'starting')).toBeGreaterThanOrEqual(first('api', 'ready'));
      // The host process has no dependencies and does not wait for the database.
      expect(first('docs', 'ready')).toBeLessThan(first('db', 'ready'));

      // Real answers: the api serves the seeded rows, web renders them.
      const products = (await JSON.parse(await httpGet('http://127.0.0.1:4190/products'))) as Array<{ sku: string }>;
      expect(products.map((p) => p.sku)).toEqual(['FOX-001', 'FOX-002', 'FOX-003', 'FOX-004', 'FOX-005']);
      expect(await httpGet('http://127.0.0.1:4301/')).toContain('Fox hoodie');
      console.log(`example: all ready in ${elapsed} ms (first up, images built)`);
    } finally {
      await session.stop();
    }
    // Stopped, not removed: a stop keeps containers and volumes.
    const after = await projectContainers(NAME);
    expect(after.filter((c) => c.state === 'running')).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(5);
  });

  it('a second up reuses every unchanged container', async () => {
    const first = new Session({ runtime: dockerRuntime(docker), project, dispatch: () => {}, seeder: dockerSeeder(dockerRuntime(docker), project.dir), detach: true });
    await first.start(await first.prepare([]));
    expect((await waitSettled(first, 120_000)).failures).toEqual([]);
    first.detach();
    const before = new Map((await projectContainers(NAME)).map((c) => [c.service, c.id]));

    const second = new Session({ runtime: dockerRuntime(docker), project, dispatch: () => {}, seeder: dockerSeeder(dockerRuntime(docker), project.dir), detach: true });
    const plan = await second.prepare([]);
    const steps = Object.fromEntries(plan.services.map((s) => [s.service, s.step.action]));
    expect(steps).toEqual({ db: 'reuse', migrate: 'start', api: 'reuse', worker: 'reuse', web: 'reuse', docs: 'adopt' });
    expect(plan.services.filter((s) => s.build === 'build')).toEqual([]);
    await second.start(plan);
    expect((await waitSettled(second, 120_000)).failures).toEqual([]);
    second.detach();
    const afterIds = new Map((await projectContainers(NAME)).map((c) => [c.service, c.id]));
    expect(afterIds).toEqual(before);
  });
});
