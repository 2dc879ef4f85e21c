// Adapted from docker/compose pkg/e2e: exec_test.go (TestExec), cp_test.go (TestCopy),
// pause_test.go (TestPause, TestPauseServiceAlreadyPaused), secrets_test.go
// (TestSecretFromInclude), compose_test.go (TestStdoutStderr), healthcheck_test.go
// (TestStartInterval, its refusal). Images rewritten to the local busybox.
import { execa } from 'execa';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, eventually, ids, oneOffs, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
const dockerExec = (name: string, ...cmd: string[]) => execa('docker', ['exec', name, ...cmd], { reject: false });

let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: exec, cp, pause, secrets from includes, output streams', () => {
  it('TestExec: exec prefers the service container over a one-off, and falls back to the one-off when alone', async () => {
    s = scenario('exec', { 'compose.yaml': `services:\n  test:\n    image: ${BUSYBOX}\n    command: tail -f /dev/null\n` });
    // `run -d` keeps stdin open, as compose's does, so `cat` waits instead of ending at once.
    expect((await s.fx(['run', '-d', 'test', 'cat'])).exitCode).toBe(0);
    expect(oneOffs(await s.snapshot(), 'test').map((c) => c.state)).toEqual(['running']);
    const indexed = await s.fx(['exec', '--index=1', 'test', 'ps']);
    expect(indexed.exitCode).toBe(1);
    expect(indexed.stderr).toContain('service "test" is not running container #1');
    const inOneOff = await s.fx(['exec', '-T', 'test', 'ps']);
    expect(inOneOff.exitCode, inOneOff.all).toBe(0);
    expect(inOneOff.stdout).toContain('cat');
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    expect(serviceStates(await s.snapshot(), 'test')).toEqual(['running']);
    const inService = await s.fx(['exec', '-T', 'test', 'ps']);
    expect(inService.stdout).toContain('tail');
    expect(inService.stdout).not.toContain(' cat');
    // exec -d: returns at once (0) while the command goes on in the container.
    const detached = await s.fx(['exec', '-d', 'test', 'sh', '-c', 'sleep 2; touch /tmp/done-detached']);
    expect(detached.exitCode, detached.all).toBe(0);
    expect(detached.stdout).toBe('');
    // Still running when exec -d returned: it did not wait for the command.
    const early = await s.fx(['exec', '-T', 'test', 'ps']);
    expect(early.stdout).toContain('sleep 2');
    await eventually(() => s!.fx(['exec', '-T', 'test', 'test', '-f', '/tmp/done-detached']), (r) => r.exitCode === 0, 10_000);
  }, 120_000);

  it('TestCopy: cp goes into every replica by default, one with --index, and out of replica 1 (or the --index one), files and folders', async () => {
    s = scenario('cp', { 'compose.yaml': `services:\n  nginx:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n` });
    const dir = s.dir;
    writeFileSync(join(dir, 'cp-me.txt'), 'hello world\n');
    mkdirSync(join(dir, 'cp-folder'));
    writeFileSync(join(dir, 'cp-folder', 'cp-me.txt'), 'hello world from folder\n');
    expect((await s.fx(['up', '--scale', 'nginx=5', '-d'])).exitCode).toBe(0);
    expect(serviceStates(await s.snapshot(), 'nginx')).toHaveLength(5);
    const name = (n: number) => `${s!.project}-nginx-${n}`;
    const all = await s.fx(['cp', join(dir, 'cp-me.txt'), 'nginx:/tmp/default.txt']);
    expect(all.exitCode, all.all).toBe(0);
    expect(all.stderr).toContain(`Container ${name(3)} Copied`);
    for (const n of [1, 3, 5]) expect((await dockerExec(name(n), 'cat', '/tmp/default.txt')).stdout).toContain('hello world');
    expect((await s.fx(['cp', '--index=3', join(dir, 'cp-me.txt'), 'nginx:/tmp/indexed.txt'])).exitCode).toBe(0);
    expect((await dockerExec(name(3), 'cat', '/tmp/indexed.txt')).stdout).toContain('hello world');
    expect((await dockerExec(name(2), 'cat', '/tmp/indexed.txt')).exitCode).toBe(1);
    expect((await s.fx(['cp', 'nginx:/tmp/default.txt', join(dir, 'from-default.txt')])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'from-default.txt'), 'utf8')).toContain('hello world');
    expect((await s.fx(['cp', '--index=3', 'nginx:/tmp/indexed.txt', join(dir, 'from-indexed.txt')])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'from-indexed.txt'), 'utf8')).toContain('hello world');
    // Only replica 3 has the file: from the default replica (1) it is missing.
    expect((await s.fx(['cp', 'nginx:/tmp/indexed.txt', join(dir, 'nope.txt')])).exitCode).not.toBe(0);
    expect((await s.fx(['cp', join(dir, 'cp-folder'), 'nginx:/tmp'])).exitCode).toBe(0);
    expect((await dockerExec(name(1), 'cat', '/tmp/cp-folder/cp-me.txt')).stdout).toContain('hello world from folder');
    expect((await s.fx(['cp', 'nginx:/tmp/cp-folder', join(dir, 'cp-folder2')])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'cp-folder2', 'cp-me.txt'), 'utf8')).toContain('hello world from folder');
    const missing = await s.fx(['cp', '--index=9', join(dir, 'cp-me.txt'), 'nginx:/tmp']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('service "nginx" is not running container #9');
  }, 150_000);

  it('TestPause / TestPauseServiceAlreadyPaused: pause freezes one service in place; pausing it again fails; unpause resumes without recreating', async () => {
    const svc = `    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`;
    s = scenario('pause', { 'compose.yaml': `services:\n  a:\n${svc}  b:\n${svc}` });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const before = [...ids(await s.snapshot(), 'a'), ...ids(await s.snapshot(), 'b')];
    expect((await s.fx(['pause', 'a'])).exitCode).toBe(0);
    let snap = await s.snapshot();
    expect([serviceStates(snap, 'a'), serviceStates(snap, 'b')]).toEqual([['paused'], ['running']]);
    const again = await s.fx(['pause', 'a']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already paused');
    expect((await s.fx(['unpause', 'a'])).exitCode).toBe(0);
    snap = await s.snapshot();
    expect([serviceStates(snap, 'a'), serviceStates(snap, 'b')]).toEqual([['running'], ['running']]);
    expect([...ids(snap, 'a'), ...ids(snap, 'b')]).toEqual(before);
    const unknown = await s.fx(['pause', 'does_not_exist']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no such service: does_not_exist');
  }, 120_000);

  it('TestSecretFromInclude: a secret of an included project reads the variable from the include’s env_file', async () => {
    s = scenario('secret-include', {
      'compose.yaml': `include:\n  - path: child/compose.yaml\n    env_file:\n      - secret.env\nservices:\n  foo:\n    image: ${BUSYBOX}\n    secrets: [secret]\n    command: cat /run/secrets/secret\nsecrets:\n  secret:\n    environment: SECRET\n`,
      'secret.env': "MY_SECRET='this-is-secret'\n",
    });
    mkdirSync(join(s.dir, 'child'));
    writeFileSync(join(s.dir, 'child', 'compose.yaml'), `services:\n  included:\n    image: ${BUSYBOX}\n    secrets: [my-secret]\n    command: cat /run/secrets/my-secret\nsecrets:\n  my-secret:\n    environment: 'MY_SECRET'\n`);
    const r = await s.fx(['run', '--rm', 'included']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('this-is-secret');
  }, 90_000);

  it('TestStdoutStderr: an attached up relays each container stream to its own', async () => {
    s = scenario('streams', { 'compose.yaml': `services:\n  stderr:\n    image: ${BUSYBOX}\n    init: true\n    command: sh -c 'echo "log to stdout"; echo "log to stderr" >&2'\n` });
    const r = await s.fx(['up', '--menu=false']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('log to stdout');
    expect(r.stdout).not.toContain('log to stderr');
    expect(r.stderr).toContain('log to stderr');
  }, 90_000);

  it('TestStartInterval: start_interval without start_period is refused when that service is created, and only that one', async () => {
    const hc = (period: string) => `    healthcheck:\n      interval: 30s\n${period}      start_interval: 1s\n      test: "/bin/true"\n`;
    const svc = `    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`;
    s = scenario('start-interval', { 'compose.yaml': `services:\n  test:\n${svc}${hc('      start_period: 10s\n')}  error:\n${svc}${hc('')}` });
    const bad = await s.fx(['up', '--wait', '-d', 'error']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('healthcheck.start_interval requires healthcheck.start_period to be set');
    const good = await s.fx(['up', '--wait', '-d', 'test']);
    expect(good.exitCode, good.all).toBe(0);
    expect(good.stdout).toBe(''); // as compose's up -d: progress on stderr, nothing on stdout
    expect(serviceStates(await s.snapshot(), 'test')).toEqual(['running']);
  }, 120_000);
});
