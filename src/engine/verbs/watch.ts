// `foxdev watch --no-up`, and the live sync a detached `up -d` leaves running: live sync into the
// services' containers as they run now, nothing built or started first. Uses the session's
// LiveSync; a `restart` rule restarts the container through the engine, a `rebuild` rule needs
// up's session, so it is reported and skipped. With `follow`, the engine's events keep it current:
// a container started again (a restart policy, `foxdev restart`) is caught up, a new one (a
// recreate by another `up -d`) is synced from its start, a removed one is let go.
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { LABEL_SERVICE } from '../../names/labels.js';
import { isOneOff } from '../../names/compose-labels.js';
import { LiveSync } from '../live-sync.js';
import { serviceContainers } from './targets.js';
import type { Runtime } from '../../runtime/runtime.js';
import { LABEL_PROJECT } from '../../names/labels.js';
import { replicasOf, unitName } from '../../plan/replicas.js';

export interface WatchRunningOptions {
  /** Follow the engine's container events (see above). */
  follow?: boolean;
  /** With follow: the last synced container of the project went away. */
  onEmpty?: () => void;
}

export async function watchRunning(runtime: Runtime, project: Project, targets: string[], say: (service: string, line: string) => void, o: WatchRunningOptions = {}): Promise<() => Promise<void>> {
  const abort = new AbortController();
  const synced = (service: string | undefined) => !!service && !!project.services[service]?.sync.length && (!targets.length || targets.includes(service));
  const containers = (await serviceContainers(runtime, project, targets)).filter((c) => c.running && synced(c.service));
  if (!containers.length) throw new FoxdevError('usage', 'no running container to watch', { hint: 'start the services first (foxdev up -d), or run foxdev watch without --no-up' });
  // The session's unit names (plan/replicas.ts): `web` alone, `web-1`, `web-2` when it runs several.
  const count = (service: string) => Math.max(replicasOf(project.services[service]), containers.filter((c) => c.service === service).length);
  const unitOf = (service: string, number: number) => unitName(service, number, count(service));
  const byUnit = new Map(containers.map((c) => [unitOf(c.service, c.number), { id: c.id, service: c.service }]));
  const sync = new LiveSync(runtime, project, {
    dispatch: () => {},
    say,
    restart: async (unit) => {
      const c = byUnit.get(unit);
      if (c) await runtime.restartContainer(c.id, project.services[c.service]?.stopGracePeriodMs ?? 10_000);
      await sync.restarted(unit);
    },
    rebuild: async (unit, because) => say(unit, `rebuild skipped (${because}): foxdev watch --no-up does not rebuild; run foxdev watch`),
    signal: abort.signal,
  });
  for (const [unit, c] of byUnit) await sync.attachContainer(project.services[c.service], c.id, unit);
  let events: Promise<void> = Promise.resolve();
  if (o.follow) {
    events = runtime.streamEvents(
      { labels: [`${LABEL_PROJECT}=${project.name}`], type: 'container' },
      (e) => {
        const attrs = e.Actor?.Attributes ?? {};
        const service = attrs[LABEL_SERVICE];
        const id = e.Actor?.ID;
        if (!id || !synced(service) || isOneOff(attrs)) return;
        const unit = unitOf(service, Number(attrs['com.docker.compose.container-number'] ?? 1) || 1);
        if (e.Action === 'start') {
          const known = byUnit.get(unit);
          if (known?.id === id) return void sync.restarted(unit);
          byUnit.set(unit, { id, service });
          say(unit, `syncing into the new container ${id.slice(0, 12)}`);
          void sync.attachContainer(project.services[service], id, unit);
        } else if (e.Action === 'destroy' && byUnit.get(unit)?.id === id) {
          byUnit.delete(unit);
          void sync.detach(unit);
          if (!byUnit.size) o.onEmpty?.();
        }
      },
      abort.signal,
    ).catch((err: Error) => say(project.name, `engine events ended: ${err.message}`));
  }
  return async () => {
    abort.abort();
    await sync.close();
    await events;
  };
}
