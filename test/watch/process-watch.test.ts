// Host-process services: the same rules and ignores, but every selected change restarts the
// process, naming the file; changes during a restart coalesce into one more restart.
import { mkdtemp, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedSyncRule } from '../../src/config/project.js';
import { FoxdevError } from '../../src/errors.js';
import { startProcessWatch, type ProcessWatch, type SyncActionRequest } from '../../src/engine/sync/index.js';

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('startProcessWatch', () => {
  let dir: string;
  let watch: ProcessWatch | undefined;
  const rule = (r: Partial<ResolvedSyncRule>): ResolvedSyncRule => ({ path: path.join(dir, 'src'), action: 'restart', ignore: ['*.md'], include: [], initialSync: false, ...r });

  beforeEach(async () => {
    dir = await realpath(await mkdtemp(path.join(tmpdir(), 'foxdev-pw-')));
    await mkdir(path.join(dir, 'src'));
  });
  afterEach(async () => {
    await watch?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('restarts on a selected change, naming the file; ignored files do nothing', async () => {
    const asked: SyncActionRequest[] = [];
    watch = await startProcessWatch({ rules: [rule({})], projectDir: dir, onAction: async (a) => void asked.push(a) });
    await writeFile(path.join(dir, 'src/notes.md'), 'x');
    await writeFile(path.join(dir, 'src/.main.go.swp'), 'x');
    await new Promise((r) => setTimeout(r, 150));
    await watch.flush();
    expect(asked).toEqual([]);
    await writeFile(path.join(dir, 'src/main.go'), 'package main');
    await until(() => asked.length > 0);
    expect(asked).toEqual([{ kind: 'restart', file: path.join(dir, 'src/main.go') }]);
  });

  it('changes during a slow restart coalesce into one more restart', async () => {
    const asked: SyncActionRequest[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    watch = await startProcessWatch({
      rules: [rule({ action: 'sync' })],
      projectDir: dir,
      onAction: async (a) => {
        asked.push(a);
        if (asked.length === 1) await gate;
      },
    });
    await writeFile(path.join(dir, 'src/a.js'), '1');
    await until(() => asked.length === 1);
    for (let i = 0; i < 5; i++) {
      await writeFile(path.join(dir, `src/b${i}.js`), String(i));
      await new Promise((r) => setTimeout(r, 30));
    }
    release();
    await until(() => asked.length === 2);
    await new Promise((r) => setTimeout(r, 150));
    expect(asked.length).toBe(2);
    expect(asked[1].file).toMatch(/src\/b\d\.js$/);
  });

  it('refuses a rule outside the project', async () => {
    const err = await startProcessWatch({ rules: [rule({ path: tmpdir() })], projectDir: dir, onAction: async () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FoxdevError);
    expect((err as FoxdevError).message).toMatch(/is outside the project/);
  });
});
