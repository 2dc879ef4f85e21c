// The real watcher, batcher and observation together on a temp dir (no Docker): what a sync
// batch receives for the edits people actually make.
import { mkdtemp, mkdir, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPump, type Pump } from '../../src/engine/sync/pump.js';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';
import type { ObservedChange } from '../../src/plan/sync.js';

describe('watch pump (real files)', () => {
  let dir: string;
  let pump: Pump;
  let batches: ObservedChange[][];

  const until = async (cond: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`timed out; batches: ${JSON.stringify(batches)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const seen = () => batches.flat().map((c) => `${c.kind} ${path.relative(dir, c.path)}`);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'foxdev-pump-'));
    await mkdir(path.join(dir, 'src/lib'), { recursive: true });
    await mkdir(path.join(dir, 'node_modules/x'), { recursive: true });
    await writeFile(path.join(dir, 'src/app.ts'), 'v1');
    batches = [];
    const m = compileRuleMatcher({ root: dir, ignore: ['*.log'], include: [] });
    pump = await startPump({
      roots: [{ path: dir, watched: m.watched }],
      onBatch: async (c) => void batches.push(c),
      onError: (e) => {
        throw e;
      },
    });
  });
  afterEach(async () => {
    await pump.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('an atomic save (write temp, rename over) arrives as one change of the real file', async () => {
    await writeFile(path.join(dir, 'src/app.ts.tmp-123'), 'v2');
    await rename(path.join(dir, 'src/app.ts.tmp-123'), path.join(dir, 'src/app.ts'));
    await until(() => seen().includes('file src/app.ts'));
    await pump.flush();
    expect(seen()).toEqual(['file src/app.ts']);
  });

  it('ignored paths (defaults and rule) never reach a batch', async () => {
    await writeFile(path.join(dir, 'src/.app.ts.swp'), 'x');
    await writeFile(path.join(dir, 'src/4913'), '');
    await writeFile(path.join(dir, 'node_modules/x/index.js'), 'x');
    await writeFile(path.join(dir, 'debug.log'), 'x');
    await writeFile(path.join(dir, 'src/lib/real.ts'), 'x');
    await until(() => seen().includes('file src/lib/real.ts'));
    await new Promise((r) => setTimeout(r, 100));
    await pump.flush();
    expect(seen()).toEqual(['file src/lib/real.ts']);
  });

  it('deletions, new directories and a directory that became a file', async () => {
    await unlink(path.join(dir, 'src/app.ts'));
    await mkdir(path.join(dir, 'src/new'));
    await writeFile(path.join(dir, 'src/new/a.ts'), 'a');
    await rmdir(path.join(dir, 'src/lib'));
    await writeFile(path.join(dir, 'src/lib'), 'now a file');
    await symlink('app.ts', path.join(dir, 'src/link'));
    await until(() => seen().length >= 5);
    await pump.flush();
    expect(seen().sort()).toEqual(['absent src/app.ts', 'dir src/new', 'file src/lib', 'file src/new/a.ts', 'symlink src/link']);
  });

  it('a file created and deleted within one batch is not reported at all', async () => {
    await writeFile(path.join(dir, 'src/flash.ts'), 'x');
    await unlink(path.join(dir, 'src/flash.ts'));
    await writeFile(path.join(dir, 'src/after.ts'), 'x');
    await until(() => seen().includes('file src/after.ts'));
    await pump.flush();
    expect(seen()).toEqual(['file src/after.ts']);
  });
});
