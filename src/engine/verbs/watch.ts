// `foxdev watch --no-up`: live sync into the services' containers as they run now, nothing built
// or started first. Uses the session's LiveSync; a `restart` rule restarts the container through
// the engine, a `rebuild` rule needs up's session, so it is reported and skipped.
import type Docker from 'dockerode';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { LiveSync } from '../live-sync.js';
import { serviceContainers } from './targets.js';
import { dockerRuntime } from '../../runtime/docker/runtime.js';

export async function watchRunning(docker: Docker, project: Project, targets: string[], say: (service: string, line: string) => void): Promise<() => Promise<void>> {
  const abort = new AbortController();
  const containers = (await serviceContainers(docker, project, targets)).filter((c) => c.running && project.services[c.service]?.sync.length);
  if (!containers.length) throw new FoxdevError('usage', 'no running container to watch', { hint: 'start the services first (foxdev up -d), or run foxdev watch without --no-up' });
  const byUnit = new Map(containers.map((c) => [c.number > 1 ? `${c.service}-${c.number}` : c.service, c]));
  const sync = new LiveSync(dockerRuntime(docker), project, {
    dispatch: () => {},
    say,
    restart: async (unit) => {
      const c = byUnit.get(unit);
      if (c) await docker.getContainer(c.id).restart({ t: Math.ceil((project.services[c.service]?.stopGracePeriodMs ?? 10_000) / 1000) });
      await sync.restarted(unit);
    },
    rebuild: async (unit, because) => say(unit, `rebuild skipped (${because}): foxdev watch --no-up does not rebuild; run foxdev watch`),
    signal: abort.signal,
  });
  for (const [unit, c] of byUnit) await sync.attachContainer(project.services[c.service], c.id, unit);
  return async () => {
    abort.abort();
    await sync.close();
  };
}
