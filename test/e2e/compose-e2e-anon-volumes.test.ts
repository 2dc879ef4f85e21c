// compose keeps a container's anonymous volumes when it recreates it (a `- /data` entry, an image's
// VOLUME), so a config change or --force-recreate does not lose what is in them; -V /
// --renew-anon-volumes starts them empty; down -v removes them. Adapted from the intent of
// docker/compose pkg/e2e/volumes_test.go (up --force-recreate --renew-anon-volumes).
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { BUSYBOX, ids, scenario, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const compose = `services:
  app:
    image: ${BUSYBOX}
    init: true
    command: sleep infinity
    environment:
      REV: \${REV:-1}
    volumes:
      - /data
  img:
    build:
      context: .
      dockerfile_inline: |
        FROM ${BUSYBOX}
        VOLUME /state
    init: true
    command: sleep infinity
`;

describe.runIf(hasEngine)('compose e2e: anonymous volumes across a recreate', () => {
  it('a recreate keeps them, -V renews them, down -v removes them', async () => {
    s = scenario('anon-vol', { 'compose.yaml': compose });
    const up = await s.fx(['up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    expect((await s.fx(['exec', '-T', 'app', 'sh', '-c', 'echo kept > /data/f'])).exitCode).toBe(0);
    expect((await s.fx(['exec', '-T', 'img', 'sh', '-c', 'echo kept > /state/f'])).exitCode).toBe(0);
    const first = await s.snapshot();
    const anonOf = async (id: string) => (await dockerClient().getContainer(id).inspect()).Mounts.filter((m) => m.Type === 'volume').map((m) => m.Name);
    const before = [...(await anonOf(ids(first, 'app')[0]!)), ...(await anonOf(ids(first, 'img')[0]!))];
    expect(before).toHaveLength(2);

    // A config change recreates app; --force-recreate recreates both: the data stays.
    expect((await s.fx(['up', '-d'], { REV: '2' })).exitCode).toBe(0);
    const forced = await s.fx(['up', '-d', '--force-recreate'], { REV: '2' });
    expect(forced.exitCode, forced.all).toBe(0);
    const second = await s.snapshot();
    expect(ids(second, 'app')).not.toEqual(ids(first, 'app'));
    expect((await s.fx(['exec', '-T', 'app', 'cat', '/data/f'])).stdout.trim()).toBe('kept');
    expect((await s.fx(['exec', '-T', 'img', 'cat', '/state/f'])).stdout.trim()).toBe('kept');

    // -V: fresh, empty anonymous volumes; the old ones are gone.
    const renewed = await s.fx(['up', '-d', '--force-recreate', '-V'], { REV: '2' });
    expect(renewed.exitCode, renewed.all).toBe(0);
    expect((await s.fx(['exec', '-T', 'app', 'cat', '/data/f'])).exitCode).not.toBe(0);
    expect((await s.fx(['exec', '-T', 'img', 'cat', '/state/f'])).exitCode).not.toBe(0);
    const third = await s.snapshot();
    const now = [...(await anonOf(ids(third, 'app')[0]!)), ...(await anonOf(ids(third, 'img')[0]!))];
    const names = (await dockerClient().listVolumes()).Volumes.map((v) => v.Name);
    for (const v of before) expect(names).not.toContain(v);

    expect((await s.fx(['down', '-v', '-t', '0'])).exitCode).toBe(0);
    const after = (await dockerClient().listVolumes()).Volumes.map((v) => v.Name);
    for (const v of now) expect(after).not.toContain(v);
  }, 180_000);
});
