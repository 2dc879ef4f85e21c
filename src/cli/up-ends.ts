// compose's attached `up` returns once every container it follows has exited for good: the
// named services (all when none are named, less `attach: false` and those --attach leaves out).
// A service being restarted (crash-loop) has not ended; one whose dependency failed never ran
// and has ended too. Tells up-run which way it ended: `failed` when a service never ran.
import type { Store } from '../store/index.js';

const ENDED = new Set(['exited', 'completed', 'failed']);

export function whenAllEnded(store: Store, followed: () => string[], onEnded: (o: { failed: boolean }) => void): () => void {
  const phase = new Map<string, { ended: boolean; neverRan: boolean }>();
  let done = false;
  return store.onAction((a) => {
    if (done || a.type !== 'service/phase') return;
    phase.set(a.service, { ended: ENDED.has(a.phase), neverRan: a.phase === 'failed' && a.exitCode === undefined });
    const units = followed();
    if (!units.length || !units.every((u) => phase.get(u)?.ended)) return;
    done = true;
    onEnded({ failed: units.some((u) => phase.get(u)?.neverRan) });
  });
}
