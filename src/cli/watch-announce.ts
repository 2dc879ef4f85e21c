// compose's "Watch enabled" line, which scripts wait for (`watch`, `up --watch`): printed once,
// when the first live sync reports, after what the printer has gathered so far.
import type { Store } from '../store/index.js';

export function announceWatch(store: Store, flush: () => void, write: (s: string) => void): () => void {
  let enabled = false;
  const off = store.onAction((a) => {
    if (a.type !== 'sync/status' || enabled) return;
    enabled = true;
    flush();
    write('Watch enabled\n');
  });
  return off;
}
