// Field by field: the containers foxdev creates from a compose file against the ones the reference
// (docker-compose, installed by scripts/engine.sh) creates from the same file on the same engine.
// The fixture uses most runtime keys at once. Differences by design are normalised here and say
// why; anything else that differs fails the test with the field's path and both values.
import { execa } from 'execa';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, repoRoot } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const docker = dockerClient();
const FOX = `parity-fox-${process.pid}`;
const REF = `parityref${process.pid}`; // docker-compose 1.29 names containers <project>_<service>_<n>
const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-parity-'));
cpSync(path.join(repoRoot, 'fixtures/compose-parity'), dir, { recursive: true });

type Info = Docker.ContainerInspectInfo;
const inspectService = async (project: string, service: string): Promise<Info> => {
  const [c] = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`] } });
  return docker.getContainer(c.Id).inspect();
};

/** Values that name the project or the container are the same once the project is taken out. */
function neutral(v: unknown, project: string): unknown {
  return JSON.parse(JSON.stringify(v ?? null).split(`${project}_`).join('P_').split(`${project}-`).join('P_'));
}
const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === '';

function comparable(info: Info, project: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { Labels, Env, Image: _image, Hostname: _hostname, Volumes: _volumes, ...config } = info.Config as Info['Config'] & { Volumes?: unknown };
  // Env: compose keeps the file's order, foxdev sorts it (so reordering is not a change); the set is what the process sees.
  out['Config.Env'] = [...(Env ?? [])].sort();
  for (const [k, v] of Object.entries(config)) out[`Config.${k}`] = v;
  // Labels: the user's, and compose's own keys (foxdev adds its dev.foxdev.* ones; 1.29 adds its version).
  out['Config.Labels(user)'] = Object.fromEntries(Object.entries(Labels ?? {}).filter(([k]) => !k.startsWith('com.docker.compose.') && !k.startsWith('dev.foxdev.')));
  out['Config.Labels(compose)'] = Object.keys(Labels ?? {}).filter((k) => k.startsWith('com.docker.compose.') && k !== 'com.docker.compose.version' && k !== 'com.docker.compose.depends_on').sort();
  // Volumes and binds: 1.29 writes them all as Binds, compose v2 and foxdev use Mounts for volumes;
  // what the container gets is inspect's Mounts list.
  const { Binds: _b, Mounts: _m, ...host } = info.HostConfig as Info['HostConfig'] & { Mounts?: unknown };
  for (const [k, v] of Object.entries(host)) out[`HostConfig.${k}`] = v;
  out.Mounts = info.Mounts.map((m) => ({ Type: m.Type, Name: m.Name, Source: m.Type === 'bind' ? m.Source : undefined, Destination: m.Destination, RW: m.RW })).sort((a, b) => a.Destination.localeCompare(b.Destination));
  out.Name = info.Name.replace(/^\//, '').replace(`${project}_`, `${project}-`).replace(/_(\d+)$/, '-$1');
  for (const [k, v] of Object.entries(out)) out[k] = empty(v) ? null : neutral(v, project);
  return out;
}

describe.runIf(hasEngine)('containers foxdev creates match docker-compose’s, field by field', () => {
  afterAll(async () => {
    await purgeProject(FOX);
    await execa('docker-compose', ['-p', REF, 'down', '-v'], { cwd: dir, reject: false });
    rmSync(dir, { recursive: true, force: true });
  });

  it('after up -d the engine keeps restarting what compose would restart (foxdev no longer supervises)', async () => {
    const p = `parity-restart-${process.pid}`;
    const crash = mkdtempSync(path.join(os.tmpdir(), 'foxdev-parity-restart-'));
    writeFileSync(path.join(crash, 'compose.yaml'), `services:
  flaky:
    image: foxdev/busybox:1
    command: ["sh", "-c", "sleep 1; exit 3"]
    restart: always
  once:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    deploy:
      restart_policy: {condition: on-failure, max_attempts: 2}
`);
    try {
      const up = await foxdev(['-C', crash, '-p', p, 'up', '-d']);
      expect(up.exitCode, up.all).toBe(0);
      expect((await inspectService(p, 'once')).HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
      let info = await inspectService(p, 'flaky');
      expect(info.HostConfig.RestartPolicy).toEqual({ Name: 'always', MaximumRetryCount: 0 });
      for (let i = 0; i < 100 && info.RestartCount < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        info = await inspectService(p, 'flaky');
      }
      expect(info.RestartCount).toBeGreaterThanOrEqual(1);
    } finally {
      await purgeProject(p);
      rmSync(crash, { recursive: true, force: true });
    }
  });

  it('every runtime key of the fixture', async () => {
    // The reference only creates (not starts), so the two stacks' host ports cannot collide.
    const ref = await execa('docker-compose', ['-p', REF, 'up', '--no-start'], { cwd: dir, reject: false, all: true });
    expect(ref.exitCode, `docker-compose (scripts/engine.sh installs it): ${ref.all}`).toBe(0);
    const up = await foxdev(['-C', dir, '-p', FOX, 'up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    for (const service of ['app', 'lim']) {
      const want = comparable(await inspectService(REF, service), REF);
      const got = comparable(await inspectService(FOX, service), FOX);
      // Known and wanted: the host name is the container's short id, different for every container.
      const differing = Object.keys({ ...want, ...got })
        .filter((k) => JSON.stringify(want[k]) !== JSON.stringify(got[k]))
        .map((k) => `${service} ${k}: docker-compose ${JSON.stringify(want[k])} / foxdev ${JSON.stringify(got[k])}`);
      expect(differing).toEqual([]);
    }
  });
});
