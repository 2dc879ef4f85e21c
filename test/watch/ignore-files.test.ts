import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';
import { readIgnoreFiles } from '../../src/watch/ignore-files.js';

describe('ignore files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'foxdev-ign-'));
    await mkdir(path.join(dir, 'api/src'), { recursive: true });
    await writeFile(path.join(dir, 'api/.dockerignore'), '# build junk\nsrc/generated\n*.log\n');
    await writeFile(path.join(dir, 'api/src/.dockerignore'), 'fixtures\n');
    await writeFile(path.join(dir, 'api/src/.foxdevignore'), '*.snap\n!keep.snap\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the build context .dockerignore, the root .dockerignore and .foxdevignore', async () => {
    const root = path.join(dir, 'api/src');
    const extra = await readIgnoreFiles(root, { buildContext: path.join(dir, 'api'), rootIsDir: true });
    expect(extra.map((e) => [path.relative(dir, e.base), e.flavor])).toEqual([
      ['api', 'docker'],
      ['api/src', 'docker'],
      ['api/src', 'git'],
    ]);
    const m = compileRuleMatcher({ root, ignore: [], include: [], extra });
    expect(m.watched(`${root}/generated/a.ts`)).toBe(false);
    expect(m.watched(`${root}/fixtures/x.json`)).toBe(false);
    expect(m.watched(`${root}/a/b.snap`)).toBe(false);
    expect(m.watched(`${root}/a/keep.snap`)).toBe(true);
    expect(m.watched(`${root}/x.log`)).toBe(true); // `*.log` is anchored at the context, src/x.log is deeper
    expect(m.watched(`${root}/index.ts`)).toBe(true);
  });

  it('a missing file is no error', async () => {
    expect(await readIgnoreFiles(path.join(dir, 'nope'), { rootIsDir: true })).toEqual([]);
  });
});
