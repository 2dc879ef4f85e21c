import { describe, expect, it } from 'vitest';
import type { ResolvedSyncRule } from '../../src/config/project.js';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';
import { formatSyncPlan, planSync, type ObservedChange, type SyncRuleView } from '../../src/plan/sync.js';

function rule(r: Partial<ResolvedSyncRule> & { path: string }): SyncRuleView {
  const full: ResolvedSyncRule = { action: 'sync', ignore: [], include: [], initialSync: false, ...r };
  return { rule: full, matcher: compileRuleMatcher({ root: full.path, ignore: full.ignore, include: full.include }) };
}
const file = (path: string, mode = 0o644): ObservedChange => ({ path, kind: 'file', mode });
const gone = (path: string): ObservedChange => ({ path, kind: 'absent' });

describe('planSync', () => {
  const src = rule({ path: '/p/api/src', target: '/app/src' });

  it('copies, deletes and creates directories under the right container paths', () => {
    const plan = planSync(
      [file('/p/api/src/b.ts'), { path: '/p/api/src/new', kind: 'dir', mode: 0o755 }, file('/p/api/src/new/x.sh', 0o755), gone('/p/api/src/old'), gone('/p/api/src/old/y.ts')],
      [src],
    );
    expect(formatSyncPlan(plan)).toBe(
      [
        'delete /app/src/old',
        'copy   /app/src/b.ts (0644) from /p/api/src/b.ts',
        'mkdir  /app/src/new (0755) from /p/api/src/new',
        'copy   /app/src/new/x.sh (0755) from /p/api/src/new/x.sh',
      ].join('\n'),
    );
  });

  it('skips ignored paths and paths outside every rule', () => {
    const plan = planSync([file('/p/api/src/.a.ts.swp'), file('/p/api/src/node_modules/x.js'), file('/p/api/README.md')], [src]);
    expect(formatSyncPlan(plan)).toBe('');
  });

  it('sync+exec runs the command once, naming the first file', () => {
    const pkg = rule({ path: '/p/api/package.json', target: '/app/package.json', action: 'sync+exec', exec: ['npm', 'install'] });
    const plan = planSync([file('/p/api/package.json'), file('/p/api/src/a.ts')], [src, pkg]);
    expect(formatSyncPlan(plan)).toBe(
      [
        'copy   /app/package.json (0644) from /p/api/package.json',
        'copy   /app/src/a.ts (0644) from /p/api/src/a.ts',
        'exec   npm install (because /p/api/package.json)',
      ].join('\n'),
    );
  });

  it('rebuild names the file, copies nothing for itself and supersedes restart and exec', () => {
    const restart = rule({ path: '/p/api/src', target: '/app/src', action: 'sync+restart' });
    const rebuild = rule({ path: '/p/api', action: 'rebuild', include: ['Dockerfile', 'package-lock.json'] });
    const plan = planSync([file('/p/api/src/a.ts'), file('/p/api/package-lock.json')], [restart, rebuild]);
    expect(formatSyncPlan(plan)).toBe(['copy   /app/src/a.ts (0644) from /p/api/src/a.ts', 'rebuild (because /p/api/package-lock.json)'].join('\n'));
  });

  it('restart without copying; include filters what triggers', () => {
    const r = rule({ path: '/p/api/config', action: 'restart', include: ['*.yml'] });
    expect(formatSyncPlan(planSync([file('/p/api/config/a.txt')], [r]))).toBe('');
    expect(formatSyncPlan(planSync([file('/p/api/config/a.txt'), file('/p/api/config/db.yml')], [r]))).toBe('restart (because /p/api/config/db.yml)');
  });

  it('a deletion the rule would not have copied is not deleted', () => {
    const js = rule({ path: '/p/api/src', target: '/app/src', include: ['*.js'] });
    expect(formatSyncPlan(planSync([gone('/p/api/src/a.ts'), gone('/p/api/src/b.js')], [js]))).toBe('delete /app/src/b.js');
  });

  it('symlinks: inside the root kept (absolute ones re-pointed), outside refused and trigger nothing', () => {
    const r = rule({ path: '/p/api/src', target: '/app/src', action: 'sync+restart' });
    const plan = planSync(
      [
        { path: '/p/api/src/rel', kind: 'symlink', linkTarget: 'lib/a.ts' },
        { path: '/p/api/src/abs', kind: 'symlink', linkTarget: '/p/api/src/lib/a.ts' },
      ],
      [r],
    );
    expect(formatSyncPlan(plan)).toBe(
      ['link   /app/src/abs -> /app/src/lib/a.ts', 'link   /app/src/rel -> lib/a.ts', 'restart (because /p/api/src/rel)'].join('\n'),
    );
    const bad = planSync(
      [
        { path: '/p/api/src/etc', kind: 'symlink', linkTarget: '/etc/passwd' },
        { path: '/p/api/src/up', kind: 'symlink', linkTarget: '../../secrets.env' },
      ],
      [r],
    );
    expect(formatSyncPlan(bad)).toBe(
      [
        'refuse symlink /p/api/src/etc -> /etc/passwd points outside the sync root /p/api/src; it was not copied',
        'refuse symlink /p/api/src/up -> ../../secrets.env points outside the sync root /p/api/src; it was not copied',
      ].join('\n'),
    );
  });

  it('a path that changed kind is deleted before it is copied; nested deletions collapse', () => {
    const plan = planSync([{ ...file('/p/api/src/d'), replaced: true }, gone('/p/api/src/x/y'), gone('/p/api/src/x')], [src]);
    expect(plan.remove).toEqual(['/app/src/d', '/app/src/x']);
    expect(plan.copy.map((c) => c.container)).toEqual(['/app/src/d']);
  });

  it('a single-file rule maps the file itself onto the target', () => {
    const r = rule({ path: '/p/api/.env', target: '/app/.env' });
    expect(formatSyncPlan(planSync([file('/p/api/.env', 0o600), file('/p/api/.env.local')], [r]))).toBe('copy   /app/.env (0600) from /p/api/.env');
  });
});
