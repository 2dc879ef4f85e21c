import { describe, expect, it } from 'vitest';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';

const root = '/p/api';
const m = (ignore: string[] = [], include: string[] = [], extra = [] as Parameters<typeof compileRuleMatcher>[0]['extra']) =>
  compileRuleMatcher({ root, ignore, include, extra });

describe('sync matcher', () => {
  it('ignores the built-in defaults at any depth', () => {
    const x = m();
    for (const p of ['.git', '.git/HEAD', 'node_modules/a/index.js', 'src/node_modules/x', 'src/.app.ts.swp', 'src/app.ts~', 'src/.#app.ts', 'src/4913', 'a.swx']) {
      expect(x.watched(`${root}/${p}`), p).toBe(false);
    }
    for (const p of ['src/app.ts', 'package.json', '.env', 'src/swp.ts', 'src/49130']) expect(x.watched(`${root}/${p}`), p).toBe(true);
  });

  it('never ignores the root itself and nothing outside it is watched', () => {
    expect(m(['*']).watched(root)).toBe(true);
    expect(m().watched('/p/web/index.ts')).toBe(false);
    expect(m().watched('/p/api-old/index.ts')).toBe(false);
  });

  it('keeps node_modules when the rule deliberately points into it', () => {
    const x = compileRuleMatcher({ root: '/p/node_modules/mylib', ignore: [], include: [] });
    expect(x.watched('/p/node_modules/mylib/node_modules/dep/index.js')).toBe(true);
    expect(x.watched('/p/node_modules/mylib/.git/HEAD')).toBe(false);
  });

  it('rule ignore: names match at any depth, slashes anchor, ! re-includes, last match wins', () => {
    const x = m(['*.test.ts', '/dist', 'docs/', '!keep.test.ts']);
    expect(x.watched(`${root}/src/a.test.ts`)).toBe(false);
    expect(x.watched(`${root}/src/keep.test.ts`)).toBe(true);
    expect(x.watched(`${root}/dist/x.js`)).toBe(false);
    expect(x.watched(`${root}/src/dist/x.js`)).toBe(true);
    expect(x.watched(`${root}/docs/a/b.md`)).toBe(false);
    expect(x.watched(`${root}/src/docs/b.md`)).toBe(false);
  });

  it('.dockerignore patterns are anchored at the build context', () => {
    const x = m([], [], [{ base: '/p', patterns: ['api/tmp', '*.log', '**/*.bak'], flavor: 'docker' }]);
    expect(x.watched(`${root}/tmp/a`)).toBe(false);
    expect(x.watched(`${root}/x.log`)).toBe(true); // *.log only at the context's top
    expect(x.watched(`${root}/deep/x.bak`)).toBe(false);
  });

  it('include narrows files but not directories', () => {
    const x = m(['legacy'], ['*.js', 'config/**']);
    expect(x.selected(`${root}/src/a.js`)).toBe(true);
    expect(x.selected(`${root}/src/a.ts`)).toBe(false);
    expect(x.selected(`${root}/config/db/x.yml`)).toBe(true);
    expect(x.selected(`${root}/legacy/a.js`)).toBe(false);
    expect(x.watched(`${root}/src`)).toBe(true);
  });
});
