// Refusals: a rule outside the project (directly or through a symlink), and symlinks inside a
// sync root that point out of it, are refused with a message that says what and why.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FoxdevError } from '../../src/errors.js';
import { startSync } from '../../src/engine/sync/index.js';
import { execIn } from '../../src/runtime/sync-exec.js';
import { waitFor, requireEngine } from '../helpers/engine.js';
import { bothTrees, removeContainer, startContainer, syncRule, tempProject } from './sync-support.js';

const hasEngine = await requireEngine();

describe.runIf(hasEngine)('sync refusals', () => {
  let container: Docker.Container;
  let project: Awaited<ReturnType<typeof tempProject>>;
  let outside: Awaited<ReturnType<typeof tempProject>>;

  beforeAll(async () => {
    container = await startContainer('busybox');
    project = await tempProject('refuse');
    outside = await tempProject('outside');
    await writeFile(path.join(outside.dir, 'secret.txt'), 'secret');
    await mkdir(path.join(project.dir, 'src'));
    await writeFile(path.join(project.dir, 'src/a.txt'), 'a');
    await symlink(outside.dir, path.join(project.dir, 'sneaky'));
  });
  afterAll(async () => {
    await removeContainer(container);
    await project?.cleanup();
    await outside?.cleanup();
  });

  const start = (rule: ReturnType<typeof syncRule>, onStatus?: (s: { error?: string }) => void) =>
    startSync({ container, serviceName: 'api', rules: [rule], projectDir: project.dir, onStatus });

  it('a rule whose path is outside the project', async () => {
    const err = await start(syncRule({ path: outside.dir, target: '/app' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FoxdevError);
    expect((err as FoxdevError).kind).toBe('sync');
    expect((err as FoxdevError).message).toBe(
      `services.api.sync[0]: path ${outside.dir} is outside the project ${project.dir}; foxdev only syncs files inside the project`,
    );
  });

  it('a rule whose path escapes through a symlink', async () => {
    const err = await start(syncRule({ path: path.join(project.dir, 'sneaky'), target: '/app' })).catch((e: unknown) => e);
    expect((err as FoxdevError).kind).toBe('sync');
    expect((err as FoxdevError).message).toContain(`(really ${outside.dir}) is outside the project`);
  });

  it('symlinks escaping the sync root are refused, live and at catch-up; links inside are copied', async () => {
    const root = path.join(project.dir, 'src');
    await symlink('/etc/passwd', path.join(root, 'at-start'));
    const rule = syncRule({ path: root, target: '/app/src', initialSync: true });
    const errors: string[] = [];
    const session = await start(rule, (s) => void (s.error && errors.push(s.error)));
    try {
      expect(errors).toContain(`symlink ${root}/at-start -> /etc/passwd points outside the sync root ${root}; it was not copied`);
      await symlink(path.join(outside.dir, 'secret.txt'), path.join(root, 'abs-out'));
      await symlink('../../outside/secret.txt', path.join(root, 'rel-out'));
      await symlink('a.txt', path.join(root, 'ok'));
      await waitFor('refusals', async () => (errors.some((e) => e.includes('rel-out ->')) && errors.some((e) => e.includes('abs-out ->')) ? true : undefined), 5000, 20);
      await session.flush();
      const t = await bothTrees(container, rule);
      expect(t.container).toContain('symlink ok 777 -> a.txt');
      for (const name of ['at-start', 'abs-out', 'rel-out']) {
        const r = await execIn(container, ['sh', '-c', `test -e /app/src/${name} || test -L /app/src/${name}`]);
        expect(r.exitCode, name).toBe(1);
      }
      expect(errors.find((e) => e.includes('abs-out'))).toBe(
        `symlink ${root}/abs-out -> ${outside.dir}/secret.txt points outside the sync root ${root}; it was not copied`,
      );
    } finally {
      await session.close();
    }
  });
});
