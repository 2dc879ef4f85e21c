// Shared by the sync e2e tests: a labelled throwaway container, temp projects, and the tree
// comparison that defines "the container equals the host".
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type { ResolvedSyncRule } from '../../src/config/project.js';
import { readHostTree } from '../../src/engine/sync/host-tree.js';
import { compileRuleMatcher } from '../../src/plan/sync-match.js';
import type { TreeEntry } from '../../src/plan/sync-catchup.js';
import { readContainerTree } from '../../src/runtime/container-tree.js';
import { dockerClient } from '../../src/runtime/docker-client.js';

export const TEST_LABEL = { 'dev.foxdev.test': 'sync' };

export const IMAGES = {
  node: { image: 'foxdev/node:20', cmd: ['sleep', 'infinity'] },
  busybox: { image: 'foxdev/busybox:1', cmd: ['sleep', '3600'] },
} as const;

export async function startContainer(kind: keyof typeof IMAGES): Promise<Docker.Container> {
  const { image, cmd } = IMAGES[kind];
  const c = await dockerClient().createContainer({ Image: image, Cmd: [...cmd], Labels: TEST_LABEL, HostConfig: { Init: true } });
  await c.start();
  return c;
}

export async function removeContainer(c: Docker.Container | undefined): Promise<void> {
  await c?.remove({ force: true }).catch(() => undefined);
}

export async function tempProject(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), `foxdev-${prefix}-`)));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function syncRule(r: Partial<ResolvedSyncRule> & { path: string }): ResolvedSyncRule {
  return { action: 'sync', ignore: [], include: [], initialSync: false, ...r };
}

const show = (e: TreeEntry): string =>
  `${e.kind} ${e.rel || '.'} ${e.mode.toString(8)}${e.kind === 'file' ? ` ${e.size} ${e.md5}` : ''}${e.kind === 'symlink' ? ` -> ${e.linkTarget}` : ''}`;

/** Host and container trees of one rule, as comparable text lines (root excluded). */
export async function bothTrees(container: Docker.Container, rule: ResolvedSyncRule): Promise<{ host: string[]; container: string[] }> {
  const m = compileRuleMatcher({ root: rule.path, ignore: rule.ignore, include: rule.include });
  const host = (await readHostTree(rule.path, m)).filter((e) => e.rel !== '');
  const ctr = (await readContainerTree(container, rule.target!, { prune: ['node_modules', '.git'] })).filter(
    (e) => e.rel !== '' && m.watched(path.join(rule.path, e.rel)),
  );
  return { host: host.map(show), container: ctr.map(show) };
}

/** Poll until the container equals the host; returns the last comparison either way. */
export async function untilEqual(container: Docker.Container, rule: ResolvedSyncRule, timeoutMs = 20_000): Promise<{ host: string[]; container: string[]; ms: number }> {
  const t0 = Date.now();
  let last = await bothTrees(container, rule);
  while (JSON.stringify(last.host) !== JSON.stringify(last.container) && Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 250));
    last = await bothTrees(container, rule);
  }
  return { ...last, ms: Date.now() - t0 };
}
