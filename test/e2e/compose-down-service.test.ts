// compose's `down SERVICE` (pkg/e2e TestLocalComposeUp "down SERVICE", TestRemoveOrphaned): only
// the named service and what depends on it go; the rest keeps running on its network, which stays;
// a plain `down` afterwards takes everything, network included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const p = `downsvc-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-downsvc-'));
const fx = (...args: string[]) => foxdev(['-C', dir, '-p', p, ...args], { timeoutMs: 60_000 });
const states = async () => Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.state]));
const svc = (deps: string[]) => `    image: foxdev/busybox:1\n    command: ["sleep", "3600"]\n    init: true\n    stop_grace_period: 1s\n${deps.length ? `    depends_on: [${deps.join(', ')}]\n` : ''}`;

describe.runIf(hasEngine)('down SERVICE', () => {
  afterAll(async () => {
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes the named service and its dependents only; the network stays until a whole down', async () => {
    writeFileSync(path.join(dir, 'compose.yaml'), `services:\n  db:\n${svc([])}  words:\n${svc(['db'])}  web:\n${svc(['words'])}  other:\n${svc(['db'])}`);
    expect((await fx('up', '-d')).exitCode).toBe(0);
    expect(await states()).toEqual({ db: 'running', words: 'running', web: 'running', other: 'running' });

    const web = await fx('down', '--remove-orphans', 'web');
    expect(web.exitCode, web.all).toBe(0);
    expect(await states()).toEqual({ db: 'running', words: 'running', other: 'running' });
    expect(web.stderr).toContain(`Container ${p}-web-1 Removed`);
    expect(web.stderr).not.toContain('Network');

    // words takes web (gone already) and nothing else; db's other dependent stays.
    const words = await fx('down', 'words');
    expect(words.exitCode, words.all).toBe(0);
    expect(await states()).toEqual({ db: 'running', other: 'running' });
    const nets = await dockerClient().listNetworks({ filters: { label: [`com.docker.compose.project=${p}`] } });
    expect(nets.map((n) => n.Name)).toEqual([`${p}_default`]);

    // With -p and no -f compose goes by the name and cannot tell a typo from a service already gone: nothing happens, exit 0.
    const typo = await fx('down', 'nope');
    expect(typo.exitCode, typo.all).toBe(0);
    expect(await states()).toEqual({ db: 'running', other: 'running' });
    // With the file named, a service it does not have is an error.
    const named = await foxdev(['-C', dir, '-f', 'compose.yaml', '-p', p, 'down', 'nope']);
    expect(named.exitCode).toBe(1);
    expect(named.stderr).toMatch(/no such service: nope/);

    expect((await fx('down')).exitCode).toBe(0);
    expect(await states()).toEqual({});
    expect(await dockerClient().listNetworks({ filters: { label: [`com.docker.compose.project=${p}`] } })).toEqual([]);
  });
});
