// A foreground `foxdev up` whose compose file is edited while it runs, on the real engine: one
// service's environment changes → only that container is recreated (the other keeps its id); a
// service added starts; a service removed is stopped and removed; a broken edit is reported as
// one line and nothing running is touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { foxdevBackground } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const p = `reload-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-reload-'));
const svc = (name: string, env = '') => `  ${name}:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo ${name}-up $$MODE; exec sleep 3600"]
    init: true
    stop_grace_period: 1s
${env}`;
const write = (body: string) => writeFileSync(path.join(dir, 'compose.yaml'), `name: ${p}\nservices:\n${body}`);

describe.runIf(hasEngine)('a config change while up runs', () => {
  afterAll(async () => {
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('recreates only the changed service, starts an added one, removes a removed one; a broken edit changes nothing', async () => {
    write(svc('db') + svc('api', '    environment:\n      MODE: a\n') + svc('old'));
    const up = foxdevBackground(['-C', dir, 'up', '--no-tui']);
    try {
      await up.waitFor(/api(?:-\d+)?\s+\| api-up a/);
      await up.waitFor(/old(?:-\d+)?\s+\| old-up/);
      const ids = async () => Object.fromEntries((await projectContainers(p)).filter((c) => c.state === 'running').map((c) => [c.service, c.id]));
      const before = await ids();
      expect(Object.keys(before).sort()).toEqual(['api', 'db', 'old']);

      write(svc('db') + svc('api', '    environment:\n      MODE: b\n') + svc('cache'));
      await up.waitFor(/api(?:-\d+)?\s+\| api-up b/, 60_000);
      await up.waitFor(/cache(?:-\d+)?\s+\| cache-up/, 60_000);
      const after = await waitFor('old removed', async () => {
        const now = await ids();
        return now.old === undefined && (await projectContainers(p)).every((c) => c.service !== 'old') ? now : undefined;
      });
      expect(after.db).toBe(before.db);
      expect(after.api).not.toBe(before.api);
      const env = (await dockerClient().getContainer(after.api).inspect()).Config.Env;
      expect(env).toContain('MODE=b');
      expect(up.output()).toMatch(/config changed: recreate api \(environment changed\)/);

      write('  db: [this is not a service\n');
      await up.waitFor(/config not applied \(nothing was changed\): .*compose\.yaml/, 30_000);
      expect(await ids()).toEqual(after);
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
    if (process.env.SHOW_OUTPUT) console.log(up.output());
    expect(up.child.exitCode).toBe(0);
  }, 180_000);
});
