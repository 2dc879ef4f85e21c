// Shared setup for the seed e2e tests: a real engine (or a clear failure in CI), containers and
// volumes labelled dev.foxdev.test=seed, and a throwaway copy of a fixture project.
import type Docker from 'dockerode';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execIn } from '../../src/runtime/docker/exec.js';

export const LABELS = { 'dev.foxdev.test': 'seed' };
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const docker = dockerClient();

export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `foxdev-${name}-`));
  await cp(path.join(repoRoot, 'fixtures', name), dir, { recursive: true });
  return dir;
}

export interface Started {
  container: Docker.Container;
  remove(): Promise<void>;
}

export async function startContainer(opts: { image: string; env?: string[]; mount?: string; cmd?: string[]; labels?: Record<string, string> }): Promise<Started> {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  // dockerode resolves createVolume with a Volume object (it has `name`); its types say otherwise.
  const volume = (await docker.createVolume({ Name: `foxdev-seed-test-${id}`, Labels: LABELS })) as unknown as { name: string };
  const container = await docker.createContainer({
    name: `foxdev-seed-test-${id}`,
    Image: opts.image,
    Env: opts.env,
    Cmd: opts.cmd,
    Labels: { ...LABELS, ...opts.labels },
    HostConfig: { Mounts: opts.mount ? [{ Type: 'volume', Source: volume.name, Target: opts.mount }] : [] },
  });
  const remove = async () => {
    await container.remove({ force: true, v: true }).catch(() => undefined);
    await docker.getVolume(volume.name).remove().catch(() => undefined);
  };
  try {
    await container.start();
  } catch (err) {
    await remove();
    throw err;
  }
  return { container, remove };
}

/** foxdev/postgres:15 on a fresh volume, once its healthcheck passes. */
export async function startPostgres(labels?: Record<string, string>): Promise<Started> {
  const started = await startContainer({
    labels,
    image: 'foxdev/postgres:15',
    env: ['POSTGRES_USER=shop', 'POSTGRES_PASSWORD=shop', 'POSTGRES_DB=shop'],
    mount: '/var/lib/postgresql/data',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const info = await started.container.inspect();
    if (info.State.Health?.Status === 'healthy') return started;
    if (!info.State.Running || Date.now() > deadline) {
      await started.remove();
      throw new Error(`postgres did not become healthy (${info.State.Status}, ${info.State.Health?.Status})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One query's rows as text (psql -At), run as the seed user in the container. */
export async function sql(container: Docker.Container, database: string, query: string): Promise<string> {
  const r = await execIn(container, ['psql', '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-U', 'shop', '-d', database, '-c', query]);
  if (r.exitCode !== 0) throw new Error(`query failed: ${query}: ${r.stderr}`);
  return r.stdout.trim();
}
