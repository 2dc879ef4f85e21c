// compose's watch lines, which scripts wait for (`watch`, `up --watch`): "Watch enabled" once the
// first service with sync rules runs (its sync was attached before it is marked running) or a
// sync reports, and beside foxdev's own sync / restart / rebuild lines compose's words
// for them (`Syncing service "app" after 2 changes were detected`, `Rebuilding service(s) ["app"]
// after changes were detected...`, `service(s) ["app"] successfully built`). Each is written
// after what the printer has gathered so far, so it lands after the line it belongs to.
import type { Action, Store } from '../store/index.js';

/** PURE: compose's line for one of foxdev's own (system) lines of `service`, if compose has one. */
export function composeWatchLine(service: string, line: string): string | undefined {
  const synced = /^synced (\d+) change\(s\) to /.exec(line);
  if (synced) return `Syncing service "${service}" after ${synced[1]} changes were detected`;
  if (line.startsWith('rebuilding: ')) return `Rebuilding service(s) ["${service}"] after changes were detected...`;
  if (line.startsWith('restarting: ')) return `service(s) ["${service}"] restarted`;
  return undefined;
}

export function announceWatch(store: Store, flush: () => void, write: (s: string) => void): () => void {
  let enabled = false;
  const building = new Set<string>();
  const serviceOf = (unit: string) => store.getState().services[unit]?.service ?? unit;
  const say = (text: string) => {
    flush();
    write(`${text}\n`);
  };
  const onLine = (unit: string, stream: string, line: string) => {
    if (stream !== 'system') return;
    const service = serviceOf(unit);
    const text = composeWatchLine(service, line);
    if (!text) return;
    if (line.startsWith('rebuilding: ')) building.add(service);
    // After the batch that holds foxdev's line is printed.
    setImmediate(() => say(text));
  };
  return store.onAction((a: Action) => {
    const watchedRuns = a.type === 'service/phase' && a.phase === 'running' && store.getState().services[a.service]?.hasSync === true;
    if ((a.type === 'sync/status' || watchedRuns) && !enabled) {
      enabled = true;
      say('Watch enabled');
    } else if (a.type === 'log') onLine(a.service, a.stream, a.line);
    else if (a.type === 'logs') for (const e of a.entries) onLine(e.service, e.stream, e.line);
    else if (a.type === 'service/phase' && a.phase === 'starting' && building.delete(serviceOf(a.service))) setImmediate(() => say(`service(s) ["${serviceOf(a.service)}"] successfully built`));
  });
}
