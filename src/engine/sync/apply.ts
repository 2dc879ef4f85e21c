// Carrying out a copy/remove plan against one container: deletions first (so a path that
// turned from a directory into a file, or back, lands cleanly), then one tar for all copies.
import { packCopyOps, type ContainerWriter } from '../../runtime/archive.js';
import type { CopyOp } from '../../plan/sync.js';

export interface Applied {
  /** Entries copied plus paths deleted. */
  count: number;
  /** Host paths that vanished while packing; their own events will replan them. */
  skipped: string[];
}

export async function applyCopyRemove(
  writer: ContainerWriter,
  plan: { copy: CopyOp[]; remove: string[] },
): Promise<Applied> {
  if (plan.remove.length) await writer.remove(plan.remove);
  let copied = 0;
  let skipped: string[] = [];
  if (plan.copy.length) {
    const packed = await packCopyOps(plan.copy);
    skipped = packed.skipped.map((s) => s.host);
    if (packed.files) await writer.put(packed);
    copied = packed.files;
  }
  return { count: copied + plan.remove.length, skipped };
}
