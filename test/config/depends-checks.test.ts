// depends_on checks made before anything starts: waiting for a seed or ready probe a service
// does not have is a mistake with a place in the file; restart_policy values foxdev applies.
// service_healthy on a service with no healthcheck loads (compose fails it at start: gates.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

describe('depends_on checks', () => {
  it('service_healthy on a dependency without a healthcheck loads, as compose loads it (the wait fails at start)', async () => {
    const dir = tempProject({
      'compose.yaml': `services:
  app:
    image: foxdev/busybox:1
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_healthy
      probed:
        condition: service_healthy
  db:
    image: foxdev/busybox:1
  cache:
    image: foxdev/busybox:1
    healthcheck: { disable: true }
  probed:
    image: foxdev/busybox:1
    x-foxdev: { ready: { tcp: 6379 } }
`,
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(Object.keys(p.services)).toEqual(['app', 'db', 'cache', 'probed']);
  });

  it('deploy.restart_policy values foxdev cannot apply are refused', async () => {
    const dir = tempProject({
      'compose.yaml': `services:
  a:
    image: foxdev/busybox:1
    deploy:
      restart_policy: { condition: sometimes, delay: soon, max_attempts: 2 }
`,
    });
    const found = await problems(loadProject({ cwd: dir, env: {} }), dir);
    expect(found.join('\n')).toMatch(/deploy\.restart_policy\.condition: expected "none", "on-failure" or "any", got "sometimes"/);
    expect(found.join('\n')).toMatch(/deploy\.restart_policy\.delay: expected a duration/);
    expect(found).toHaveLength(2);
  });
  it('an optional dependency that is not enabled is left out with one warning', async () => {
    const dir = tempProject({
      'compose.yaml': `services:
  app:
    image: foxdev/busybox:1
    depends_on:
      mock: { condition: service_started, required: false }
  mock: { image: foxdev/busybox:1, profiles: [test] }
`,
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.app.depends_on).toEqual({});
    expect(p.warnings).toEqual(['optional dependency "mock" of app is not enabled; app starts without it']);
    expect((await loadProject({ cwd: dir, env: {}, profiles: ['test'] })).warnings).toBeUndefined();
  });
});
