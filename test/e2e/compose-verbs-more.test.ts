// More compose verbs against the engine: ls, images, top, pull (no registry here: the failure is
// one line per image, built services are skipped), and down's --rmi local|all, -t, and removal
// of one-off `run` containers; cp both ways.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { containerName, imageName } from '../../src/names/labels.js';

const hasEngine = await requireEngine();
const p = `verbsmore-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'foxdev-verbsmore-'));
// A tag of the shared busybox only this test uses, so `--rmi all` removes just that tag.
const ownTag = `foxdev-rmi-${process.pid}:1`;
const fx = (...args: string[]) => foxdev(['-C', dir, '-p', p, ...args], { timeoutMs: 90_000 });

const compose = `
services:
  web:
    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "while true; do sleep 1; done"]
  tagged:
    image: ${ownTag}
    init: true
    command: ["sleep", "600"]
  built:
    build: .
    init: true
    command: ["sleep", "600"]
`;

const imageExists = (ref: string) =>
  dockerClient()
    .getImage(ref)
    .inspect()
    .then(() => true)
    .catch(() => false);

describe.runIf(hasEngine)('more compose verbs against the engine', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'compose.yaml'), compose);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM foxdev/busybox:1\n');
    await dockerClient().getImage('foxdev/busybox:1').tag({ repo: ownTag.split(':')[0], tag: '1' });
    const r = await fx('up', '-d', '--wait-timeout', '60');
    expect(r.exitCode, r.all).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await purgeProject(p);
    await dockerClient().getImage(ownTag).remove().catch(() => {});
    await dockerClient().getImage(imageName(p, { name: 'built' })).remove().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('pull: one line per failing image naming it, exit 1; built services skipped; --ignore-pull-failures exits 0', async () => {
    const r = await fx('pull');
    expect(r.exitCode, r.all).toBe(1);
    const failures = r.stderr.split('\n').filter((l) => l.startsWith('foxdev: pull '));
    expect(failures).toHaveLength(2);
    expect(failures.some((l) => l.includes('foxdev/busybox:1 (web)'))).toBe(true);
    expect(failures.some((l) => l.includes(`${ownTag} (tagged)`))).toBe(true);
    expect(r.stderr).toMatch(/^skipped built: no image to be pulled/m);
    const built = await fx('pull', 'built');
    expect(built.exitCode, built.all).toBe(0);
    const ignored = await fx('pull', '--ignore-pull-failures', '-q', 'web');
    expect(ignored.exitCode, ignored.all).toBe(0);
    expect(ignored.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await fx('pull', 'nosuch');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/no such service: nosuch/);
  });

  it('ls: the project with its status and config file, from any directory; json, -q, -a; bad format exits 2', async () => {
    const anywhere = await foxdev(['ls'], { cwd: tmpdir() });
    expect(anywhere.exitCode, anywhere.all).toBe(0);
    expect(anywhere.stdout).toMatch(/^NAME +STATUS +CONFIG FILES$/m);
    expect(anywhere.stdout).toMatch(new RegExp(`^${p} +running\\(3\\) +${join(dir, 'compose.yaml').replace(/[.\\/]/g, '\\$&')}$`, 'm'));
    const json = JSON.parse((await foxdev(['ls', '--format', 'json'])).stdout) as Array<{ Name: string; Status: string; ConfigFiles: string }>;
    expect(json.find((x) => x.Name === p)).toEqual({ Name: p, Status: 'running(3)', ConfigFiles: join(dir, 'compose.yaml') });
    expect((await foxdev(['ls', '-q'])).stdout.split('\n')).toContain(p);
    expect((await fx('stop', 'web')).exitCode).toBe(0);
    expect((await foxdev(['ls'])).stdout).toMatch(new RegExp(`^${p} +running\\(2\\) `, 'm'));
    expect((await foxdev(['ls', '-a'])).stdout).toMatch(new RegExp(`^${p} +exited\\(1\\), running\\(2\\) `, 'm'));
    expect((await fx('start', 'web')).exitCode).toBe(0);
    const bad = await foxdev(['ls', '--format', 'yaml']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trim()).toMatch(/invalid format yaml/);
  });

  it('images: container, repository, tag, id, size; -q; json; a service name filters', async () => {
    const r = await fx('images');
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^CONTAINER +REPOSITORY +TAG +IMAGE ID +SIZE$/m);
    expect(r.stdout).toMatch(new RegExp(`^${containerName(p, 'web')} +foxdev/busybox +1 +[0-9a-f]{12} +[\\d.]+[kMG]?B$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^${containerName(p, 'built')} +${p}-built +latest `, 'm'));
    const json = JSON.parse((await fx('images', '--format', 'json', 'tagged')).stdout) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ ContainerName: containerName(p, 'tagged'), Repository: ownTag.split(':')[0], Tag: '1' });
    const ids = (await fx('images', '-q')).stdout.trim().split('\n');
    expect(ids.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
    expect((await fx('images', 'nosuch')).exitCode).toBe(1);
  });

  it('top: one block per running container, its name then the process table', async () => {
    const r = await fx('top', 'web');
    expect(r.exitCode, r.all).toBe(0);
    const [name, header, ...procs] = r.stdout.trim().split('\n');
    expect(name).toBe(containerName(p, 'web'));
    expect(header).toMatch(/^UID +PID +PPID .*CMD$/);
    expect(procs.join('\n')).toMatch(/while true/);
    const all = await fx('top');
    expect(all.stdout.split('\n').filter((l) => l.startsWith(`${p}-`))).toHaveLength(3);
  });

  it('cp: host → container and back, files and trees, into a directory or renamed; bad input exits 2 with one line', async () => {
    const host = mkdtempSync(join(tmpdir(), 'foxdev-cp-'));
    try {
      writeFileSync(join(host, 'hello.txt'), 'hi there\n');
      mkdirSync(join(host, 'tree', 'a'), { recursive: true });
      writeFileSync(join(host, 'tree', 'a', 'b.txt'), 'deep\n');
      const ok = async (...args: string[]) => {
        const r = await fx('cp', ...args);
        expect(r.exitCode, r.all).toBe(0);
      };
      await ok(join(host, 'hello.txt'), 'web:/tmp');
      await ok(join(host, 'hello.txt'), 'web:/tmp/renamed.txt');
      await ok(join(host, 'tree'), 'web:/tmp/tree2');
      mkdirSync(join(host, 'back'));
      await ok('web:/tmp/hello.txt', join(host, 'back'));
      await ok('web:/tmp/renamed.txt', join(host, 'back', 'again.txt'));
      await ok('web:/tmp/tree2', join(host, 'copied'));
      expect(readFileSync(join(host, 'back', 'hello.txt'), 'utf8')).toBe('hi there\n');
      expect(readFileSync(join(host, 'back', 'again.txt'), 'utf8')).toBe('hi there\n');
      expect(readFileSync(join(host, 'copied', 'a', 'b.txt'), 'utf8')).toBe('deep\n');
      for (const [args, msg] of [
        [['a', 'b'], /one of SRC and DEST must be SERVICE:PATH/],
        [['web:/a', 'web:/b'], /copying between services is not supported/],
        [['web:/nope', join(host, 'x')], /no such file or directory in the container: \/nope/],
        [[join(host, 'missing'), 'web:/tmp'], /no such file or directory: /],
        [['nosuch:/a', host], /no such service: nosuch/],
      ] as const) {
        const r = await fx('cp', ...args);
        // compose: 1 for a service the project does not have, 2 (foxdev's usage code) for the rest.
        expect(r.exitCode, r.all).toBe(String(msg).includes('no such service') ? 1 : 2);
        expect(r.stderr).toMatch(msg);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });

  it('down: removes one-off run containers too; --rmi local removes the built image only; bad --rmi and -t exit 2', async () => {
    const run = await fx('run', '--no-deps', 'web', 'true');
    expect(run.exitCode, run.all).toBe(0);
    expect((await projectContainers(p)).length).toBe(4);
    expect((await fx('down', '--rmi', 'some')).exitCode).toBe(2);
    const badT = await fx('down', '-t', 'soon');
    expect(badT.exitCode).toBe(2);
    expect(badT.stderr).toMatch(/invalid timeout soon/);
    const r = await fx('down', '--rmi', 'local', '-t', '1');
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).not.toMatch(/orphan/);
    expect(await projectContainers(p)).toEqual([]);
    expect(await imageExists(imageName(p, { name: 'built' }))).toBe(false);
    expect(await imageExists(ownTag)).toBe(true);
    expect(await imageExists('foxdev/busybox:1')).toBe(true);
  }, 120_000);

  it('down --rmi all: every image the services use (a project of its own whose only image is a test tag, so no shared image is touched)', async () => {
    // --rmi all removes every service's image: this project must name none of the shared base images.
    const allDir = mkdtempSync(join(tmpdir(), 'foxdev-rmiall-'));
    const pAll = `${p}-all`;
    const fa = (...args: string[]) => foxdev(['-C', allDir, '-p', pAll, ...args], { timeoutMs: 90_000 });
    try {
      writeFileSync(join(allDir, 'compose.yaml'), `services:\n  tagged:\n    image: ${ownTag}\n    init: true\n    command: ["sleep", "600"]\n`);
      expect((await fa('up', '-d', '--wait-timeout', '60')).exitCode).toBe(0);
      const r = await fa('down', '--rmi', 'all');
      expect(r.exitCode, r.all).toBe(0);
      expect(r.stdout).toBe(''); // as compose: down says what it did on stderr
      expect(r.stderr).toMatch(new RegExp(`removed image ${ownTag}`));
      expect(await imageExists(ownTag)).toBe(false);
      expect(await imageExists('foxdev/busybox:1')).toBe(true);
    } finally {
      await purgeProject(pAll);
      rmSync(allDir, { recursive: true, force: true });
    }
  }, 120_000);
});
