// The global options a compose user types, against the real engine: -f twice with --profile and
// --env-file before `up -d`, `-p NAME ps/logs/down` from a directory with no compose file, discovery
// of compose.yaml + compose.override.yaml from a subdirectory, and `-f x ci` really running ci
// (it used to print the help and exit 0) and failing when a job fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { projectContainers, projectNetworks, purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';

const hasEngine = await requireEngine();
const projects: string[] = [];
const dirs: string[] = [];
const uniq = (name: string) => {
  const p = `${name}-${process.pid}`;
  projects.push(p);
  return p;
};
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-cli-e2e-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
const sleeper = (extra = '') => `{ image: foxdev/busybox:1, command: ["sh", "-c", "echo value=$$MSG; exec sleep 3600"], init: true, stop_grace_period: 1s${extra} }`;
const running = async (p: string) => (await projectContainers(p)).filter((c) => c.state === 'running').map((c) => c.service).sort();

describe.runIf(hasEngine)('compose global options against the engine', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('-f a -f b --profile x --env-file up -d; then -p NAME ps, logs and down from another directory', async () => {
    const p = uniq('cli-files');
    const dir = tree({
      'a.yaml': `services:\n  web: ${sleeper(', environment: { MSG: "${MSG}" }')}\n`,
      'b.yaml': `services:\n  dbg: ${sleeper(', profiles: [x]')}\n  never: ${sleeper(', profiles: [other]')}\n`,
      'custom.env': 'MSG=from-env-file\n',
      '.env': 'MSG=from-dotenv\n',
    });
    const up = await foxdev(['-f', 'a.yaml', '-f=b.yaml', '--profile', 'x', '--env-file', 'custom.env', '-p', p, 'up', '-d', '--wait-timeout', '60'], { cwd: dir });
    expect(up.exitCode, up.all).toBe(0);
    expect(await running(p)).toEqual(['dbg', 'web']);
    // The env file replaced .env for interpolation: the container prints what custom.env says.
    const logs = await foxdev(['-f', 'a.yaml', '-f', 'b.yaml', '-p', p, 'logs', 'web'], { cwd: dir });
    expect(logs.stdout).toMatch(/value=from-env-file/);

    const elsewhere = tree({});
    const ps = await foxdev(['-p', p, 'ps', '--services'], { cwd: elsewhere });
    expect(ps.exitCode, ps.all).toBe(0);
    expect(ps.stdout.trim().split('\n').sort()).toEqual(['dbg', 'web']);
    const named = await foxdev(['-p', p, 'logs', 'web'], { cwd: elsewhere });
    expect(named.exitCode, named.all).toBe(0);
    expect(named.stdout).toMatch(/^web(?:-\d+)?\s+\| value=from-env-file$/m);
    const all = await foxdev(['-p', p, 'logs'], { cwd: elsewhere });
    expect(all.stdout).toMatch(/^dbg(?:-\d+)?\s+\| value=$/m);
    expect((await foxdev(['-p', p, 'logs', 'nope'], { cwd: elsewhere })).exitCode).toBe(1);
    const down = await foxdev(['-p', p, 'down'], { cwd: elsewhere, timeoutMs: 60_000 });
    expect(down.exitCode, down.all).toBe(0);
    expect(await projectContainers(p)).toEqual([]);
    expect(await projectNetworks(p)).toEqual([]);
  });

  it('discovers compose.yaml and compose.override.yaml from a subdirectory', async () => {
    const p = uniq('cli-discover');
    const dir = tree({
      'compose.yaml': `services:\n  app: ${sleeper()}\n`,
      'compose.override.yaml': 'services:\n  app: { environment: { FROM_OVERRIDE: "yes" } }\n',
      'src/deep/.keep': '',
    });
    const cwd = path.join(dir, 'src/deep');
    const up = await foxdev(['-p', p, 'up', '-d', '--wait-timeout', '60'], { cwd });
    expect(up.exitCode, up.all).toBe(0);
    const [c] = await projectContainers(p);
    const info = await dockerClient().getContainer(c.id).inspect();
    expect(info.Config.Env).toContain('FROM_OVERRIDE=yes');
    expect(info.State.Running).toBe(true);
    const down = await foxdev(['-p', p, 'down'], { cwd, timeoutMs: 60_000 });
    expect(down.exitCode, down.all).toBe(0);
    expect(await projectContainers(p)).toEqual([]);
  });

  it('-f x ci runs ci: exit 0 when ready, non-zero with the failing job’s output when not', async () => {
    const ok = uniq('cli-ci-ok');
    const bad = uniq('cli-ci-bad');
    const dir = tree({
      'ok.yaml': `services:\n  app: ${sleeper()}\n`,
      'fail.yaml': [
        'services:',
        '  job: { image: foxdev/busybox:1, command: ["sh", "-c", "echo boom-from-job; exit 3"] }',
        `  app: ${sleeper(', depends_on: { job: { condition: service_completed_successfully } }')}`,
        '',
      ].join('\n'),
    });
    const good = await foxdev(['-f', 'ok.yaml', '-p', ok, 'ci', '--wait-timeout', '60', '--down'], { cwd: dir });
    expect(good.exitCode, good.all).toBe(0);
    expect(good.all).not.toMatch(/Usage:/);
    const failed = await foxdev(['-f', 'fail.yaml', '-p', bad, 'ci', '--wait-timeout', '60', '--down'], { cwd: dir });
    expect(failed.exitCode, failed.all).not.toBe(0);
    expect(failed.all).toMatch(/boom-from-job/);
    expect(failed.all).not.toMatch(/Usage:/);
  });
});
