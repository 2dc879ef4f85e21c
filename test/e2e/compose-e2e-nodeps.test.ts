// Adapted from docker/compose pkg/e2e/noDeps_test.go (TestNoDepsVolumeFrom, TestNoDepsNetworkMode)
// and recreate_no_deps_test.go (TestRecreateWithNoDeps): up --no-deps reuses the container that
// lends volumes or a network namespace while it exists and fails in compose's words once it is
// gone; --force-recreate --no-deps replaces the service only.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { BUSYBOX, ids, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const donor = (share: string) => `services:
  app:
    image: ${BUSYBOX}
    init: true
    command: sleep infinity
    ${share}
  db:
    image: ${BUSYBOX}
    init: true
    command: sleep infinity
    volumes:
      - /var/data
`;

describe.runIf(hasEngine)('compose e2e: --no-deps', () => {
  for (const [name, share, words] of [
    ['TestNoDepsVolumeFrom', 'volumes_from: [db]', 'cannot share volume with service db: container missing'],
    ['TestNoDepsNetworkMode', 'network_mode: service:db', 'cannot share network namespace with service db: container missing'],
  ] as const) {
    it(`${name}: up --no-deps reuses the donor while it exists, and is refused once it is gone`, async () => {
      s = scenario(name.toLowerCase(), { 'compose.yaml': donor(share) });
      expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
      const before = await s.snapshot();
      const again = await s.fx(['up', '--no-deps', '-d', 'app']);
      expect(again.exitCode, again.all).toBe(0);
      const after = await s.snapshot();
      expect(ids(after, 'app')).toEqual(ids(before, 'app'));
      expect(ids(after, 'db')).toEqual(ids(before, 'db'));
      await dockerClient().getContainer(ids(after, 'db')[0]!).remove({ force: true });
      const refused = await s.fx(['up', '--no-deps', '-d', 'app']);
      expect(refused.exitCode, refused.all).toBe(1);
      expect(refused.stderr).toContain(words);
      expect((await s.snapshot()).db).toBeUndefined();
    }, 120_000);
  }

  it('TestRecreateWithNoDeps: --force-recreate --no-deps replaces the service, not its healthy dependency', async () => {
    s = scenario('recreate-nodeps', {
      'compose.yaml': `services:\n  my-service:\n    image: ${BUSYBOX}\n    command: sleep infinity\n    init: true\n    depends_on:\n      dep: {condition: service_healthy}\n  dep:\n    image: ${BUSYBOX}\n    command: sleep infinity\n    init: true\n    healthcheck:\n      test: "/bin/true"\n      interval: 1s\n      timeout: 1s\n      retries: 10\n`,
    });
    const up = await s.fx(['up', '-d', '--wait']);
    expect(up.exitCode, up.all).toBe(0);
    const before = await s.snapshot();
    const r = await s.fx(['up', '-d', '--force-recreate', '--no-deps', 'my-service']);
    expect(r.exitCode, r.all).toBe(0);
    const after = await s.snapshot();
    expect(serviceStates(after, 'my-service')).toEqual(['running']);
    expect(ids(after, 'my-service')).not.toEqual(ids(before, 'my-service'));
    expect(ids(after, 'dep')).toEqual(ids(before, 'dep'));
  }, 120_000);
});
