// compose's words when an attached container ends: `exit-1 exited with code 0` (the container's
// name less the `<project>-` prefix), printed beside foxdev's own status lines so a compose
// user's scripts and habits find them in a foreground `up`'s output.
import type { Store } from '../store/index.js';
import { composeLabel } from '../names/labels.js';

type Phase = 'exited' | 'failed' | 'completed' | 'crash-loop';
const ENDED = new Set<string>(['exited', 'failed', 'completed', 'crash-loop'] satisfies Phase[]);

export function composeExitLines(store: Store, project: string, containerOf: (unit: string) => string | undefined, write: (s: string) => void, shown: (unit: string) => boolean = () => true): () => void {
  return store.onAction((a) => {
    if (a.type !== 'service/phase' || !ENDED.has(a.phase) || !shown(a.service)) return;
    const code = a.exitCode ?? (a.phase === 'completed' ? 0 : undefined);
    if (code === undefined) return; // never ran: no exit to report
    const name = containerOf(a.service) ?? `${a.service}-1`;
    write(`${composeLabel(project, name)} exited with code ${code}\n`);
  });
}
