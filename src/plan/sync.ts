// PURE: from a batch of observed host changes and the sync rules, decide what the container must
// get: files/dirs/symlinks to copy (with container paths), paths to delete, and the follow-up
// action each rule asks for, naming the file that caused it. The caller observed each path
// (lstat) just before planning, so the plan is state-based: whatever events happened, the
// container ends up with what the host has now.
import path from 'node:path';
import type { ResolvedSyncRule } from '../config/project.js';
import { isInside, type RuleMatcher } from './sync-match.js';

export type HostKind = 'file' | 'dir' | 'symlink' | 'absent';

export interface ObservedChange {
  path: string; // absolute host path
  kind: HostKind;
  /** Permission bits (mode & 0o7777) for present entries. */
  mode?: number;
  /** readlink() for symlinks. */
  linkTarget?: string;
  /** The path changed kind (dir ↔ file) since the container got it: delete before copying,
   * because tar will not put a file where a non-empty directory is. */
  replaced?: boolean;
}

export interface SyncRuleView {
  rule: ResolvedSyncRule;
  matcher: RuleMatcher;
}

export interface CopyOp {
  host: string;
  container: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  /** For symlinks: the link as it must read inside the container. */
  linkTarget?: string;
}

export type FollowUp =
  | { kind: 'exec'; command: string[]; file: string; rule: number }
  | { kind: 'restart'; file: string; rule: number }
  | { kind: 'rebuild'; file: string; rule: number };

export interface Refusal {
  path: string;
  reason: string;
}

export interface SyncPlan {
  /** Sorted by container path, so parents come before their children. */
  copy: CopyOp[];
  /** Container paths; none is inside another. Applied before `copy`. */
  remove: string[];
  /** In order: execs, then restart, then rebuild. A rebuild supersedes exec and restart. */
  followUps: FollowUp[];
  refused: Refusal[];
}

const COPYING = new Set<ResolvedSyncRule['action']>(['sync', 'sync+restart', 'sync+exec']);
export const ruleCopies = (rule: ResolvedSyncRule): boolean => COPYING.has(rule.action) && !!rule.target;

/** Where a host path under the rule's root lands in the container. */
export function containerPath(rule: ResolvedSyncRule, hostPath: string): string {
  const rel = path.posix.relative(rule.path, hostPath);
  return rel === '' ? rule.target! : path.posix.join(rule.target!, rel);
}

/**
 * The copy op for one present host entry, or a refusal for a symlink whose target leaves the
 * sync root (copying it would hand the container a path to something we never agreed to sync).
 */
export function copyOpFor(rule: ResolvedSyncRule, c: ObservedChange): CopyOp | Refusal {
  const container = containerPath(rule, c.path);
  const mode = c.mode ?? (c.kind === 'dir' ? 0o755 : 0o644);
  if (c.kind === 'symlink') {
    const link = c.linkTarget ?? '';
    const resolved = path.posix.resolve(path.posix.dirname(c.path), link);
    if (!link || !isInside(rule.path, resolved)) {
      return {
        path: c.path,
        reason: `symlink ${c.path} -> ${link} points outside the sync root ${rule.path}; it was not copied`,
      };
    }
    // An absolute link into the root must point at the same file inside the container.
    const linkTarget = path.posix.isAbsolute(link) ? containerPath(rule, resolved) : link;
    return { host: c.path, container, kind: 'symlink', mode: 0o777, linkTarget };
  }
  return { host: c.path, container, kind: c.kind === 'dir' ? 'dir' : 'file', mode };
}

export const isRefusal = (x: CopyOp | Refusal): x is Refusal => 'reason' in x;

/** Per rule, the changes it selects (after ignore and include), in batch order. */
export function matchChanges(changes: ObservedChange[], rules: SyncRuleView[]): ObservedChange[][] {
  return rules.map(({ matcher }) =>
    // Directories are structure (kept unless ignored); files, links and deletions must also pass
    // `include`, so a rule never deletes a container file it would not have copied.
    changes.filter((c) => (c.kind === 'dir' ? matcher.watched(c.path) : matcher.selected(c.path))),
  );
}

/** Drop paths inside another removed path: `rm -rf a` already takes `a/b`. */
export function outermost(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((o) => isInside(o, p))) out.push(p);
  return out;
}

export function planSync(changes: ObservedChange[], rules: SyncRuleView[]): SyncPlan {
  const copies = new Map<string, CopyOp>();
  const removes: string[] = [];
  const refused: Refusal[] = [];
  const execs: FollowUp[] = [];
  let restart: FollowUp | undefined;
  let rebuild: FollowUp | undefined;

  matchChanges(changes, rules).forEach((matched, i) => {
    const { rule } = rules[i];
    if (ruleCopies(rule)) {
      for (const c of matched) {
        if (c.kind === 'absent') {
          removes.push(containerPath(rule, c.path));
          continue;
        }
        const op = copyOpFor(rule, c);
        if (isRefusal(op)) refused.push(op);
        else copies.set(op.container, op);
        if (c.replaced) removes.push(containerPath(rule, c.path));
      }
    }
    // A refused symlink alone must not restart or exec anything.
    const trigger = matched.find((c) => !refused.some((r) => r.path === c.path));
    if (!trigger) return;
    if (rule.action === 'sync+exec' && rule.exec?.length) execs.push({ kind: 'exec', command: rule.exec, file: trigger.path, rule: i });
    if (rule.action === 'sync+restart' || rule.action === 'restart') restart ??= { kind: 'restart', file: trigger.path, rule: i };
    if (rule.action === 'rebuild') rebuild ??= { kind: 'rebuild', file: trigger.path, rule: i };
  });

  const remove = outermost(removes);
  return {
    copy: [...copies.values()].sort((a, b) => (a.container < b.container ? -1 : a.container > b.container ? 1 : 0)),
    remove,
    followUps: rebuild ? [rebuild] : [...execs, ...(restart ? [restart] : [])],
    refused,
  };
}

/** Stable text form for tests and `--verbose` logs. */
export function formatSyncPlan(plan: SyncPlan): string {
  const lines: string[] = [];
  for (const r of plan.remove) lines.push(`delete ${r}`);
  for (const c of plan.copy) {
    const mode = c.mode.toString(8).padStart(4, '0');
    if (c.kind === 'symlink') lines.push(`link   ${c.container} -> ${c.linkTarget}`);
    else lines.push(`${c.kind === 'dir' ? 'mkdir ' : 'copy  '} ${c.container} (${mode}) from ${c.host}`);
  }
  for (const f of plan.followUps) {
    if (f.kind === 'exec') lines.push(`exec   ${f.command.join(' ')} (because ${f.file})`);
    else lines.push(`${f.kind.padEnd(6)} (because ${f.file})`);
  }
  for (const r of plan.refused) lines.push(`refuse ${r.reason}`);
  return lines.join('\n');
}
