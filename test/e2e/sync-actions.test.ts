// Follow-up actions against a real container: sync+exec runs its command in the container with
// output to onLog; sync+restart asks the engine to restart and then catches up; rebuild asks
// for a rebuild naming the file that caused it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSync, type SyncActionRequest } from '../../src/engine/sync/index.js';
import { execOk } from '../../src/runtime/sync-exec.js';
import { requireEngine, waitFor } from '../helpers/engine.js';
import { removeContainer, startContainer, syncRule, tempProject } from './sync-support.js';

const hasEngine = await requireEngine();

describe.runIf(hasEngine)('sync follow-up actions', () => {
  let container: Docker.Container;
  let project: Awaited<ReturnType<typeof tempProject>>;

  beforeAll(async () => {
    container = await startContainer('node');
    project = await tempProject('actions');
    await mkdir(path.join(project.dir, 'src'));
    await writeFile(path.join(project.dir, 'package.json'), '{}');
    await writeFile(path.join(project.dir, 'Dockerfile'), 'FROM foxdev/node:20\n');
  });
  afterAll(async () => {
    await removeContainer(container);
    await project?.cleanup();
  });

  it('sync+exec copies, then runs the command in the container with its output in the log', async () => {
    const logs: string[] = [];
    const rule = syncRule({
      path: path.join(project.dir, 'package.json'),
      target: '/app/package.json',
      action: 'sync+exec',
      exec: ['sh', '-c', 'echo "installing in $(pwd)"; wc -c < /app/package.json; echo oops >&2'],
    });
    const session = await startSync({ container, serviceName: 'api', rules: [rule], projectDir: project.dir, onLog: (l) => logs.push(l) });
    try {
      await writeFile(path.join(project.dir, 'package.json'), '{"name":"api"}');
      await waitFor('exec output', async () => (logs.includes('oops') ? true : undefined), 10_000, 20);
      expect(logs).toContain('running `sh -c echo "installing in $(pwd)"; wc -c < /app/package.json; echo oops >&2` in api because package.json changed');
      expect(logs).toContain('installing in /'); // the container's working directory, as compose does
      expect(logs).toContain('14');
    } finally {
      await session.close();
    }
  });

  it('sync+restart asks for a restart naming the file, then catches the restarted container up', async () => {
    const asked: SyncActionRequest[] = [];
    const rule = syncRule({ path: path.join(project.dir, 'src'), target: '/app/src', action: 'sync+restart' });
    const session = await startSync({
      container,
      serviceName: 'api',
      rules: [rule],
      projectDir: project.dir,
      onAction: async (a) => {
        asked.push(a);
        await container.restart({ t: 0 });
        // a change that lands while the container restarts is caught up afterwards
        await writeFile(path.join(project.dir, 'src/during.js'), 'during');
      },
    });
    try {
      await writeFile(path.join(project.dir, 'src/server.js'), 'v2');
      await waitFor('restart request', async () => (asked.length ? true : undefined), 10_000, 20);
      expect(asked[0]).toEqual({ kind: 'restart', file: path.join(project.dir, 'src/server.js') });
      await waitFor('catch-up after restart', async () => {
        const r = await execOk(container, ['sh', '-c', 'cat /app/src/server.js /app/src/during.js']);
        return r.stdout.toString() === 'v2during' ? true : undefined;
      }, 10_000);
    } finally {
      await session.close();
    }
  });

  it('rebuild asks for a rebuild naming the file and copies nothing', async () => {
    const asked: SyncActionRequest[] = [];
    const logs: string[] = [];
    const rule = syncRule({ path: project.dir, action: 'rebuild', include: ['Dockerfile'] });
    const session = await startSync({
      container,
      serviceName: 'api',
      rules: [rule],
      projectDir: project.dir,
      onLog: (l) => logs.push(l),
      onAction: async (a) => void asked.push(a),
    });
    try {
      await writeFile(path.join(project.dir, 'src/ignored-by-include.js'), 'x');
      await writeFile(path.join(project.dir, 'Dockerfile'), 'FROM foxdev/node:20\nRUN true\n');
      await waitFor('rebuild request', async () => (asked.length ? true : undefined), 10_000, 20);
      await session.flush();
      expect(asked).toEqual([{ kind: 'rebuild', file: path.join(project.dir, 'Dockerfile') }]);
      expect(logs).toContain('rebuild api because Dockerfile changed');
    } finally {
      await session.close();
    }
  });
});
