// Turning resolved sync rules into what the sync loop works with: validated roots inside the
// project (symlinks resolved, so a rule cannot escape through one), ignore files read, matchers
// compiled once.
import { realpath, stat } from 'node:fs/promises';
import type { ResolvedSyncRule } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { compileRuleMatcher, isInside } from '../../plan/sync-match.js';
import type { SyncRuleView } from '../../plan/sync.js';
import { readIgnoreFiles } from '../../watch/ignore-files.js';

export interface PreparedRule extends SyncRuleView {
  rootIsDir: boolean;
}

export async function prepareRules(
  rules: ResolvedSyncRule[],
  opts: { projectDir: string; buildContext?: string; serviceName: string },
): Promise<PreparedRule[]> {
  const project = await realpath(opts.projectDir).catch(() => opts.projectDir);
  const out: PreparedRule[] = [];
  for (const [i, rule] of rules.entries()) {
    const where = `services.${opts.serviceName}.sync[${i}]`;
    const real = await realpath(rule.path).catch(() => undefined);
    const resolved = real ?? rule.path;
    if (!isInside(project, resolved)) {
      throw new FoxdevError('sync', `${where}: path ${rule.path}${real && real !== rule.path ? ` (really ${real})` : ''} is outside the project ${project}; foxdev only syncs files inside the project`, {
        hint: 'point the rule at a directory inside the project, or move the files into it',
      });
    }
    if (rule.target !== undefined && !rule.target.startsWith('/')) {
      throw new FoxdevError('sync', `${where}: target ${rule.target} must be an absolute container path`);
    }
    const rootIsDir = await stat(resolved).then((s) => s.isDirectory(), () => true);
    const extra = await readIgnoreFiles(resolved, { buildContext: opts.buildContext, rootIsDir });
    const r = { ...rule, path: resolved };
    out.push({ rule: r, rootIsDir, matcher: compileRuleMatcher({ root: resolved, ignore: rule.ignore, include: rule.include, extra }) });
  }
  return out;
}

/** Directory names every copying rule ignores by default; the container listing prunes them. */
export const PRUNE_IN_CONTAINER = ['node_modules', '.git'];
