// PURE: bring one rule's container target level with the host. Inputs are two listings of the
// same shape (relative paths); output is the usual copy/remove plan. Paths the rule ignores or
// does not include are left alone on BOTH sides, so a catch-up never deletes what the image put
// there on purpose (node_modules from `npm ci`, build output in an ignored dir).
import path from 'node:path';
import { copyOpFor, isRefusal, outermost, type CopyOp, type Refusal, type SyncRuleView } from './sync.js';

export interface TreeEntry {
  /** Relative to the rule's root ('' is the root itself), '/'-separated. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number; // permission bits
  size: number;
  /** Hex md5 for files; the host side may omit it when the sizes already differ. */
  md5?: string;
  linkTarget?: string;
}

export interface CatchUpPlan {
  copy: CopyOp[];
  remove: string[];
  refused: Refusal[];
}

function differs(h: TreeEntry, c: TreeEntry | undefined, linkInContainer?: string): boolean {
  if (!c || c.kind !== h.kind) return true;
  if (h.kind === 'symlink') return c.linkTarget !== linkInContainer;
  if (h.mode !== c.mode) return true;
  if (h.kind === 'dir') return false;
  return h.size !== c.size || h.md5 === undefined || h.md5 !== c.md5;
}

export function planCatchUp(view: SyncRuleView, host: TreeEntry[], container: TreeEntry[]): CatchUpPlan {
  const { rule, matcher } = view;
  const abs = (rel: string): string => (rel === '' ? rule.path : path.posix.join(rule.path, rel));
  const keep = (e: TreeEntry): boolean => (e.kind === 'dir' ? matcher.watched(abs(e.rel)) : matcher.selected(abs(e.rel)));
  const inContainer = new Map(container.filter(keep).map((e) => [e.rel, e]));
  const onHost = new Set<string>();
  const copy: CopyOp[] = [];
  const refused: Refusal[] = [];

  for (const h of host.filter(keep)) {
    onHost.add(h.rel);
    const op = copyOpFor(rule, { path: abs(h.rel), kind: h.kind, mode: h.mode, linkTarget: h.linkTarget });
    if (isRefusal(op)) {
      refused.push(op);
      onHost.delete(h.rel); // an escaping link must not survive in the container either
      continue;
    }
    const c = inContainer.get(h.rel);
    if (differs(h, c, op.linkTarget)) copy.push(op);
    // tar will not put a file where a non-empty directory is: clear a changed kind first.
    if (c && c.kind !== h.kind) onHost.delete(h.rel);
  }
  const remove = outermost(
    [...inContainer.keys()].filter((rel) => !onHost.has(rel)).map((rel) => (rel === '' ? rule.target! : path.posix.join(rule.target!, rel))),
  );
  copy.sort((a, b) => (a.container < b.container ? -1 : a.container > b.container ? 1 : 0));
  return { copy, remove, refused };
}
