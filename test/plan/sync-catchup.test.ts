import { describe, expect, it } from 'vitest';
import type { ResolvedSyncRule } from '../../src/config/project.js';
import { planCatchUp, type TreeEntry } from '../../src/plan/sync-catchup.js';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';
import { formatSyncPlan } from '../../src/plan/sync.js';

const rule: ResolvedSyncRule = { path: '/p/api', target: '/app', action: 'sync', ignore: ['dist'], include: [], initialSync: true };
const view = { rule, matcher: compileRuleMatcher({ root: rule.path, ignore: rule.ignore, include: rule.include }) };
const f = (rel: string, md5: string, size = 3, mode = 0o644): TreeEntry => ({ rel, kind: 'file', mode, size, md5 });
const d = (rel: string, mode = 0o755): TreeEntry => ({ rel, kind: 'dir', mode, size: 0 });
const text = (host: TreeEntry[], container: TreeEntry[]) => formatSyncPlan({ ...planCatchUp(view, host, container), followUps: [] });

describe('planCatchUp', () => {
  it('is empty when both sides are equal', () => {
    const tree = [d(''), d('src'), f('src/a.ts', 'aa')];
    expect(text(tree, tree)).toBe('');
  });

  it('copies what differs by content, size or mode, and what is missing', () => {
    const host = [d(''), f('a', 'aa'), f('b', 'bb', 4), f('c', 'cc', 3, 0o755), f('new', 'nn'), d('dir'), f('dir/x', 'xx')];
    const ctr = [d(''), f('a', 'AA'), f('b', 'bb', 3), f('c', 'cc')];
    expect(text(host, ctr)).toBe(
      [
        'copy   /app/a (0644) from /p/api/a',
        'copy   /app/b (0644) from /p/api/b',
        'copy   /app/c (0755) from /p/api/c',
        'mkdir  /app/dir (0755) from /p/api/dir',
        'copy   /app/dir/x (0644) from /p/api/dir/x',
        'copy   /app/new (0644) from /p/api/new',
      ].join('\n'),
    );
  });

  it('deletes what the host no longer has, outermost only, and leaves ignored paths alone', () => {
    const host = [d(''), f('a', 'aa')];
    const ctr = [d(''), f('a', 'aa'), d('gone'), f('gone/x', 'xx'), d('node_modules'), f('node_modules/p/i.js', 'ii'), d('dist'), f('dist/out.js', 'oo')];
    expect(text(host, ctr)).toBe('delete /app/gone');
  });

  it('clears an entry that changed kind before copying', () => {
    const host = [d(''), f('x', 'xx')];
    const ctr = [d(''), d('x'), f('x/inner', 'ii')];
    expect(text(host, ctr)).toBe(['delete /app/x', 'copy   /app/x (0644) from /p/api/x'].join('\n'));
  });

  it('refuses an escaping link and removes a stale copy of it', () => {
    const host: TreeEntry[] = [d(''), { rel: 'evil', kind: 'symlink', mode: 0o777, size: 11, linkTarget: '/etc/passwd' }];
    const ctr: TreeEntry[] = [d(''), { rel: 'evil', kind: 'symlink', mode: 0o777, size: 11, linkTarget: '/etc/passwd' }];
    expect(text(host, ctr)).toBe(['delete /app/evil', 'refuse symlink /p/api/evil -> /etc/passwd points outside the sync root /p/api; it was not copied'].join('\n'));
  });
});
