// The foundation's proof that tests reach a real engine and a real PostgreSQL: start the offline
// foxdev/postgres:15 image through dockerode, wait for its HEALTHCHECK, query it, clean up.
import { afterAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine, waitFor } from '../helpers/engine.js';

const hasEngine = await requireEngine();
const LABEL = { 'dev.foxdev.test': 'postgres' };

describe.runIf(hasEngine)('foxdev/postgres:15 through the Engine API', () => {
  const docker = dockerClient();
  let container: Docker.Container | undefined;
  const volume = `foxdev-test-pg-${process.pid}`;

  afterAll(async () => {
    await container?.remove({ force: true, v: true }).catch(() => {});
    await docker.getVolume(volume).remove().catch(() => {});
    const left = await docker.listContainers({ all: true, filters: { label: ['dev.foxdev.test=postgres'] } });
    expect(left).toHaveLength(0);
  });

  it('starts, becomes healthy, answers a query', async () => {
    await docker.createVolume({ Name: volume, Labels: LABEL });
    container = await docker.createContainer({
      Image: 'foxdev/postgres:15',
      Env: ['POSTGRES_USER=fox', 'POSTGRES_PASSWORD=secret', 'POSTGRES_DB=den'],
      Labels: LABEL,
      HostConfig: { Binds: [`${volume}:/var/lib/postgresql/data`] },
    });
    await container.start();
    const c = container;
    await waitFor('postgres healthy', async () => {
      const s = (await c.inspect()).State;
      if (s.Status !== 'running') throw new Error(`container ${s.Status}`);
      return s.Health?.Status === 'healthy' ? true : undefined;
    }, 90_000, 200);

    const exec = await c.exec({
      Cmd: ['psql', '-U', 'fox', '-d', 'den', '-Atc', "SELECT current_user || ' ' || current_database() || ' ' || 6*7"],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({});
    const out = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', reject);
    });
    // Multiplexed stream: 8-byte frame headers precede the payload; the text is still contained.
    expect(out).toContain('fox den 42');
    expect((await exec.inspect()).ExitCode).toBe(0);
  });
});
