// Pause or stop the services that use a database while it is reset, and bring them back after —
// also when the reset fails. Only running containers are touched, and only those brought down
// here are brought back.
import type Docker from 'dockerode';
import type { DependentsAction } from '../../plan/seed-dependents.js';
import { LABEL_PROJECT, LABEL_SERVICE } from '../../names/labels.js';

export async function aroundDependents<T>(
  docker: Docker,
  project: string,
  around: DependentsAction | undefined,
  log: (line: string) => void,
  body: () => Promise<T>,
): Promise<T> {
  if (!around) return body();
  const touched: Docker.Container[] = [];
  // All at once: stopping one by one would add their grace periods up.
  await Promise.all(
    around.services.map(async (service) => {
      const running = await docker.listContainers({ filters: { label: [`${LABEL_PROJECT}=${project}`, `${LABEL_SERVICE}=${service}`], status: ['running'] } });
      for (const info of running) {
        const c = docker.getContainer(info.Id);
        log(`${around.action === 'pause' ? 'pausing' : 'stopping'} ${service}`);
        await (around.action === 'pause' ? c.pause() : c.stop({ t: Math.ceil((around.stopGraceMs[service] ?? 10_000) / 1000) }));
        touched.push(c);
      }
    }),
  );
  try {
    return await body();
  } finally {
    for (const c of touched) {
      await (around.action === 'pause' ? c.unpause() : c.start()).catch((err: unknown) => log(`could not bring ${c.id.slice(0, 12)} back: ${(err as Error).message}`));
    }
    if (touched.length) log(`${around.action === 'pause' ? 'resumed' : 'restarted'} ${around.services.join(', ')}`);
  }
}
