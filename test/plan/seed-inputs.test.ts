// Hash inputs and file naming: what decides "seed changed", and the names people see.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import { formatSeedHashInputs, seedHashInputs } from '../../src/plan/seed-hash.js';
import { commonDir, seedFiles } from '../../src/plan/seed-files.js';

const pg = (over: Partial<Extract<ResolvedSeed, { kind: 'postgres' }>> = {}): ResolvedSeed => ({
  kind: 'postgres',
  database: 'shop',
  user: 'shop',
  files: ['/p/db/01-schema.sql', '/p/db/02-rows.sql'],
  reset: 'recreate',
  dependents: 'none',
  ...over,
});

describe('seedHashInputs', () => {
  it('lists the kind and every file in order, by project-relative path', () => {
    expect(formatSeedHashInputs(seedHashInputs(pg(), '/p'))).toBe(`version = 1
kind = postgres
file db/01-schema.sql = <content>
file db/02-rows.sql = <content>`);
  });

  it('does not depend on where the project lives, user, password, reset or dependents', () => {
    const a = seedHashInputs(pg(), '/p');
    const moved = seedHashInputs(pg({ files: ['/q/db/01-schema.sql', '/q/db/02-rows.sql'] }), '/q');
    const other = seedHashInputs(pg({ user: 'x', password: 'y', reset: 'truncate', dependents: 'restart' }), '/p');
    const keys = (i: typeof a) => i.map((x) => ('value' in x ? `${x.key}=${x.value}` : x.key));
    expect(keys(moved)).toEqual(keys(a));
    expect(keys(other)).toEqual(keys(a));
  });

  it('changes when the file order changes', () => {
    const swapped = seedHashInputs(pg({ files: ['/p/db/02-rows.sql', '/p/db/01-schema.sql'] }), '/p');
    expect(formatSeedHashInputs(swapped)).not.toBe(formatSeedHashInputs(seedHashInputs(pg(), '/p')));
  });

  it('includes the command of the generic form', () => {
    const seed: ResolvedSeed = { kind: 'command', command: ['sqlite3', '/data/a.db'], where: 'container', files: [], dependents: 'none' };
    expect(formatSeedHashInputs(seedHashInputs(seed, '/p'), () => 'x')).toContain('command = ["sqlite3","/data/a.db"]');
  });
});

describe('seedFiles', () => {
  it('uses the project-relative path inside the container when it stays inside the project', () => {
    expect(seedFiles(['/p/db/a.sql'], '/p')).toEqual([{ path: '/p/db/a.sql', display: 'db/a.sql', inContainer: 'db/a.sql' }]);
  });
  it('gives files outside the project a neutral container name but keeps the display path', () => {
    const [f] = seedFiles(['/shared/x.sql'], '/p');
    expect(f.display).toBe('../shared/x.sql');
    expect(f.inContainer).toBe('_outside/0/x.sql');
    expect(f.inContainer).not.toContain('..');
  });
  it('finds the common directory of the files', () => {
    expect(commonDir(['/p/db/a.sql', '/p/db/sub/b.sql'])).toBe('/p/db');
    expect(commonDir(['/p/db/a.sql', '/p/other/b.sql'])).toBe('/p');
    expect(commonDir(['/p/dbx/a.sql', '/p/db/b.sql'])).toBe('/p');
  });
});
