// compose's progress lines for `up` ("Container shop-db-1 Created", "… Started", "… Waiting",
// "… Healthy", "… Exited"), written to stderr from the store's actions as `docker compose
// --progress plain` writes them, so scripts and habits built on compose's output keep working.
// foxdev's own status lines stay on stdout; these only translate.
import { containerProgress, type ProgressText } from '../logfmt/progress.js';
import type { Store } from '../store/index.js';
import { REATTACHED, RECREATING } from '../store/types.js';

export function composeProgressLines(store: Store, containerOf: (unit: string) => string | undefined, write: (s: string) => void): () => void {
  const last = new Map<string, ProgressText>();
  const waitedFor = new Set<string>();
  let stopping = false;
  const say = (unit: string, text: ProgressText, details = '') => {
    const name = containerOf(unit);
    if (!name || last.get(unit) === text) return;
    last.set(unit, text);
    write(`${containerProgress(name, text, details)}\n`);
  };
  return store.onAction((a) => {
    if (a.type === 'service/health') {
      if (a.health === 'healthy' && waitedFor.has(a.service)) say(a.service, 'Healthy');
      return;
    }
    if (a.type !== 'service/phase') return;
    switch (a.phase) {
      case 'creating':
        return say(a.service, a.reason === RECREATING ? 'Recreate' : 'Creating');
      case 'starting':
        if (a.reason === REATTACHED) {
          say(a.service, 'Running');
          if (waitedFor.has(a.service)) write(`${containerProgress(containerOf(a.service) ?? a.service, 'Waiting')}\n`);
          return;
        }
        if (last.get(a.service) === 'Creating') say(a.service, 'Created');
        if (last.get(a.service) === 'Recreate') say(a.service, 'Recreated');
        return say(a.service, 'Starting');
      case 'running':
      case 'ready':
        // A container foxdev found running and left alone never went through Starting.
        if (last.get(a.service) === 'Starting') {
          say(a.service, 'Started');
          if (waitedFor.has(a.service)) write(`${containerProgress(containerOf(a.service) ?? a.service, 'Waiting')}\n`);
        }
        return;
      case 'waiting': {
        // Created first, then waiting to start (compose creates every container before it starts any).
        if (last.get(a.service) === 'Creating') say(a.service, 'Created');
        if (last.get(a.service) === 'Recreate') say(a.service, 'Recreated');
        // (Not for service_started: compose waits for nothing there.)
        const dep = /^waiting for (\S+): (?!started\b)/.exec(a.reason ?? '')?.[1];
        // compose names the dependency being waited for, once, after it has started.
        if (dep && !waitedFor.has(dep)) {
          waitedFor.add(dep);
          const name = containerOf(dep);
          const started = last.get(dep) === 'Started' || last.get(dep) === 'Running';
          if (name && started) write(`${containerProgress(name, 'Waiting')}\n`);
          if (started && store.getState().services[dep]?.health === 'healthy') say(dep, 'Healthy');
        }
        return;
      }
      case 'completed':
      case 'exited':
        return say(a.service, 'Exited');
      case 'stopping':
        // The stack is being taken down: compose reports the containers that ended by themselves
        // as stopped too (TestUpStopWithLogsMixed reads "Container x Stopped" for the one that exited).
        if (!stopping) {
          stopping = true;
          for (const [unit, text] of last) if (text === 'Exited' && unit !== a.service) say(unit, 'Stopped');
        }
        return say(a.service, 'Stopping');
      case 'stopped':
        return say(a.service, 'Stopped');
      case 'failed':
        return say(a.service, 'Error', a.reason ? a.reason.split('\n')[0] : '');
      default:
        return;
    }
  });
}
