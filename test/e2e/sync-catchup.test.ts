// Catch-up: initial_sync makes a container level at start (copying what differs, deleting what
// the host lacks, never touching ignored paths), and a container restarted while the host
// changed is brought level again. On both images: GNU tools (node) and busybox.
import { createHash } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSync, type SyncStatus } from '../../src/engine/sync/index.js';
import { execOk } from '../../src/runtime/sync-exec.js';
import { requireEngine } from '../helpers/engine.js';
import { bothTrees, removeContainer, startContainer, syncRule, tempProject, untilEqual } from './sync-support.js';

const hasEngine = await requireEngine();
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe.runIf(hasEngine).each(['node', 'busybox'] as const)('sync catch-up on foxdev/%s', (kind) => {
  let container: Docker.Container;
  let project: Awaited<ReturnType<typeof tempProject>>;
  let root: string;

  beforeAll(async () => {
    container = await startContainer(kind);
    project = await tempProject(`catchup-${kind}`);
    root = path.join(project.dir, 'src');
    await mkdir(path.join(root, 'lib/deep'), { recursive: true });
    await writeFile(path.join(root, 'index.js'), 'console.log(1)\n');
    await writeFile(path.join(root, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    await writeFile(path.join(root, 'lib/deep/x.txt'), 'deep');
    await writeFile(path.join(root, 'same.txt'), 'same in both');
    await mkdir(path.join(root, 'node_modules/left'), { recursive: true });
    await writeFile(path.join(root, 'node_modules/left/host.js'), 'host only, ignored');
    // The image already holds an older tree: a stale file, a changed one, a dir now a file,
    // and node_modules that `npm ci` put there.
    await execOk(container, [
      'sh',
      '-c',
      [
        'mkdir -p /app/src/stale/sub /app/src/node_modules/pkg /app/src/index.js.d /app/src/lib',
        'echo old > /app/src/stale/sub/f',
        'echo old > /app/src/index.js',
        "printf 'same in both' > /app/src/same.txt",
        'echo dir > /app/src/index.js.d/x',
        'echo keep > /app/src/node_modules/pkg/index.js',
      ].join(' && '),
    ]);
  });
  afterAll(async () => {
    await removeContainer(container);
    await project?.cleanup();
  });

  it('initial_sync mirrors the host and leaves ignored paths alone', async () => {
    const rule = syncRule({ path: root, target: '/app/src', initialSync: true });
    await writeFile(path.join(root, 'index.js.d'), 'now a file');
    const logs: string[] = [];
    const session = await startSync({ container, serviceName: 'api', rules: [rule], projectDir: project.dir, onLog: (l) => logs.push(l) });
    try {
      const t = await bothTrees(container, rule);
      expect(t.container).toEqual(t.host);
      expect(t.host.some((l) => l.startsWith('file run.sh 755 18 '))).toBe(true);
      expect(t.host).toContain('file index.js.d 644 10 ' + md5('now a file'));
      const kept = await execOk(container, ['cat', '/app/src/node_modules/pkg/index.js']);
      expect(kept.stdout.toString()).toBe('keep\n');
      const gone = await execOk(container, ['sh', '-c', 'ls /app/src/stale 2>&1 || true']);
      expect(gone.stdout.toString()).toMatch(/No such file/);
      expect(logs.some((l) => /caught up api: \d+ change/.test(l))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('a container restarted while the host changed is caught up', async () => {
    const rule = syncRule({ path: root, target: '/app/src' });
    const statuses: SyncStatus[] = [];
    const session = await startSync({ container, serviceName: 'api', rules: [rule], projectDir: project.dir, onStatus: (s) => statuses.push(s) });
    try {
      await writeFile(path.join(root, 'before.txt'), 'synced live');
      expect((await untilEqual(container, rule)).container).toContain('file before.txt 644 11 ' + md5('synced live'));

      await container.stop({ t: 0 });
      await writeFile(path.join(root, 'index.js'), 'console.log("while stopped")\n');
      await rm(path.join(root, 'lib'), { recursive: true });
      await writeFile(path.join(root, 'new-while-down.txt'), 'new');
      await chmod(path.join(root, 'same.txt'), 0o600);
      await new Promise((r) => setTimeout(r, 300)); // let the sync try, and fail, against the stopped container
      await container.start();
      await session.catchUp();
      const t = await bothTrees(container, rule);
      expect(t.container).toEqual(t.host);
      expect(t.host.some((l) => l.startsWith('file new-while-down.txt'))).toBe(true);
      expect(t.host.some((l) => l.includes('lib'))).toBe(false);
      expect(session.status().error).toBeUndefined();

      // and live sync carries on with a fresh receiver
      await writeFile(path.join(root, 'after.txt'), 'after restart');
      const after = await untilEqual(container, rule, 5000);
      expect(after.container).toEqual(after.host);
      expect(after.host.some((l) => l.startsWith('file after.txt'))).toBe(true);
    } finally {
      await session.close();
    }
  });
});
