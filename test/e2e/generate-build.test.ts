// The Dockerfiles `foxdev init` writes, built on the real engine for every target with the local
// offline base images, and the prod image run: non-root, healthy by its own HEALTHCHECK.
// Builds go through the docker CLI (which applies the generated .dockerignore the way users get it);
// containers and inspection go through dockerode. Everything made here carries
// dev.foxdev.test=generate and is removed afterwards.
import Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions, detectStack, initFiles, scanDir } from '../../src/generate/init/index.js';
import { writeFiles } from '../../src/generate/write.js';

const run = promisify(execFile);
const docker = new Docker();
const LABEL = 'dev.foxdev.test=generate';
const TARGETS = ['dev', 'test', 'prod'] as const;

const engineUp = await docker.ping().then(() => true, () => false);
if (!engineUp && process.env.CI === 'true') throw new Error('no Docker engine answers at the default socket (CI must not skip e2e tests)');

const FIXTURES = [
  { fixture: 'init-node', arg: 'NODE_IMAGE=foxdev/node:20' },
  { fixture: 'init-python', arg: 'PYTHON_IMAGE=foxdev/python:3.11' },
  // Not required by the issue, but the static template is cheap to prove: busybox serves it.
  { fixture: 'init-static', arg: 'RUNTIME_IMAGE=foxdev/busybox:1' },
];

const made = { images: [] as string[], layers: [] as string[], dirs: [] as string[] };
const sizes: Array<{ fixture: string; target: string; mb: number }> = [];
const baseMb: Record<string, number> = {};

async function build(dir: string, tag: string, target: string, arg: string): Promise<void> {
  try {
    const { stdout } = await run('docker', ['build', '--target', target, '--build-arg', arg, '--label', LABEL, '-t', tag, dir], { maxBuffer: 64 << 20 });
    // The classic builder leaves one untagged image per step (its cache); note them for cleanup.
    made.layers.push(...[...stdout.matchAll(/^ ---> ([0-9a-f]{12})$/gm)].map((m) => m[1]));
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string };
    throw new Error(`docker build --target ${target} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
  made.images.push(tag);
}

async function waitHealthy(container: Docker.Container, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await container.inspect();
    const status = info.State.Health?.Status ?? 'none';
    if (status === 'healthy' || status === 'unhealthy' || !info.State.Running || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(!engineUp)('generated Dockerfiles build and run on the engine', () => {
  beforeAll(async () => {
    for (const f of FIXTURES) {
      const dir = mkdtempSync(join(tmpdir(), `foxdev-${f.fixture}-`));
      made.dirs.push(dir);
      cpSync(join(import.meta.dirname, '../../fixtures', f.fixture), dir, { recursive: true });
      const scan = scanDir(dir);
      const d = detectStack(scan);
      writeFiles(dir, initFiles(d, defaultOptions(scan, d)));
      Object.assign(f, { dir });
    }
    for (const f of FIXTURES) {
      baseMb[f.fixture] = (await docker.getImage(f.arg.split('=')[1]).inspect()).Size / 1e6;
    }
  });

  afterAll(async () => {
    const containers = await docker.listContainers({ all: true, filters: { label: [LABEL] } });
    for (const c of containers) await docker.getContainer(c.Id).remove({ force: true });
    for (const tag of made.images) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    // Step images these builds made, newest first so children go before parents. Tagged ones are
    // the base images (never ours to remove); one with children belongs to another build too.
    for (const id of [...new Set(made.layers)].reverse()) {
      const info = await docker.getImage(id).inspect().catch(() => undefined);
      if (!info || info.RepoTags?.some((t) => t !== '<none>:<none>')) continue;
      await docker.getImage(id).remove().catch(() => undefined);
    }
    for (const dir of made.dirs) rmSync(dir, { recursive: true, force: true });
    if (sizes.length) {
      const lines = sizes.map((s) => {
        const over = s.mb - (baseMb[s.fixture] ?? 0);
        return `  ${s.fixture.padEnd(12)} ${s.target.padEnd(5)} ${s.mb.toFixed(2).padStart(8)} MB  (+${over.toFixed(2)} MB over the base image)`;
      });
      console.log(`generated image sizes (prod beside dev):\n${lines.join('\n')}`);
    }
  });

  for (const f of FIXTURES) {
    for (const target of TARGETS) {
      it(`${f.fixture}: builds --target ${target}`, async () => {
        const tag = `foxdev-gen-test/${f.fixture}:${target}`;
        await build((f as typeof f & { dir: string }).dir, tag, target, f.arg);
        const info = await docker.getImage(tag).inspect();
        sizes.push({ fixture: f.fixture, target, mb: info.Size / 1e6 });
        expect(info.Config.Labels?.['dev.foxdev.test']).toBe('generate');
      });
    }

    it(`${f.fixture}: prod runs as non-root and passes its HEALTHCHECK`, async () => {
      const tag = `foxdev-gen-test/${f.fixture}:prod`;
      const info = await docker.getImage(tag).inspect();
      expect(info.Config.User).toMatch(/^[1-9]\d*:[1-9]\d*$/);
      expect(info.Config.Healthcheck?.Test?.[0]).toBe('CMD');
      const container = await docker.createContainer({ Image: tag, Labels: { 'dev.foxdev.test': 'generate' } });
      await container.start();
      const exec = await container.exec({ Cmd: ['id', '-u'], AttachStdout: true, AttachStderr: true });
      const stream = await exec.start({ hijack: true, stdin: false });
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      await new Promise((r) => stream.on('end', r));
      // The multiplexed stream has an 8-byte header per frame; the uid is the digits in it.
      const uid = Buffer.concat(chunks).toString('latin1').replace(/[^\d\n]/g, '').trim();
      expect(Number(uid)).toBeGreaterThan(0);
      expect(await waitHealthy(container, 60_000)).toBe('healthy');
      await container.remove({ force: true });
    });

    it(`${f.fixture}: prod image is smaller than dev`, () => {
      const dev = sizes.find((s) => s.fixture === f.fixture && s.target === 'dev');
      const prod = sizes.find((s) => s.fixture === f.fixture && s.target === 'prod');
      expect(dev && prod).toBeTruthy();
      expect(prod!.mb).toBeLessThanOrEqual(dev!.mb);
    });
  }
});
