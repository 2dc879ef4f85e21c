// Connects the session to the seeding library: a fresh database volume is seeded once its
// service is healthy, before anything that waits for `service_seeded` starts.
import type { ContainerHandle, Runtime } from '../runtime/runtime.js';
import type { Service } from '../config/project.js';
import { FoxdevError } from '../errors.js';
import { applySeed, resetAndSeed, seedStatus } from './seed/index.js';
import type { Seeder } from './context.js';
import type { Instance } from './instance.js';
import { ContainerInstance } from './container-instance.js';

export function dockerSeeder(runtime: Runtime, projectDir: string): Seeder {
  const container = (svc: Service, instance: Instance): ContainerHandle => {
    if (!(instance instanceof ContainerInstance)) throw new FoxdevError('seed', `${svc.name}: seeding needs a container service`);
    return runtime.handle(instance.id);
  };
  return {
    async seed(svc, instance, log) {
      if (!svc.seed) return;
      // Only an empty database gets seeded on `up`; data already there is never overwritten.
      const status = await seedStatus(container(svc, instance), svc.seed, { service: svc.name, projectDir });
      if (status !== 'unseeded') {
        log(`seed already applied (${status}); not seeding over existing data`);
        return;
      }
      log('seeding');
      const t0 = Date.now();
      await applySeed(container(svc, instance), svc.seed, { service: svc.name, projectDir, onLog: log });
      log(`seeded in ${Date.now() - t0} ms`);
    },
    status: (svc, instance) => (svc.seed ? seedStatus(container(svc, instance), svc.seed, { service: svc.name, projectDir }) : Promise.resolve('seeded')),
  };
}

/** Reset + seed (the dashboard's `s` key): the library keeps the old data if the seed fails. */
export function dockerReseed(runtime: Runtime, projectDir: string) {
  return async (svc: Service, instance: Instance, log: (line: string) => void): Promise<void> => {
    if (!svc.seed) throw new FoxdevError('usage', `${svc.name} has no seed in the config`);
    if (!(instance instanceof ContainerInstance)) throw new FoxdevError('seed', `${svc.name}: seeding needs a container service`);
    await resetAndSeed(runtime.handle(instance.id), svc.seed, { service: svc.name, projectDir, onLog: log });
  };
}
