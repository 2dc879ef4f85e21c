// Adapted from docker/compose pkg/e2e/cascade_test.go, compose_up_test.go (exit codes),
// compose_run_test.go and orphans_test.go: --abort-on-container-exit stops on the first exit
// (a completed job counts) with its code, --abort-on-container-failure only on a failure,
// --exit-code-from passes a service's code (143 when the abort stopped it); run executes the
// service's command or an override with its dependencies only, warns about orphans (unless
// COMPOSE_IGNORE_ORPHANS), takes -v/--env-from-file/-e/-p/--service-ports; COMPOSE_REMOVE_ORPHANS
// in .env makes up remove an exited one-off; run builds a missing image (--build always), --pull
// never refuses a missing one, --use-aliases gives the one-off the service's aliases.
import { writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { cliPath } from '../helpers/cli.js';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { BUSYBOX, ids, oneOffs, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const cascade = `services:
  running:
    image: ${BUSYBOX}
    command: sleep infinity
    init: true
  exit:
    image: ${BUSYBOX}
    command: /bin/true
    depends_on:
      running:
        condition: service_started
  fail:
    image: ${BUSYBOX}
    command: sh -c "return 111"
    depends_on:
      exit:
        condition: service_completed_successfully
`;

const exitCodes = `services:
  safe:
    image: ${BUSYBOX}
    init: true
    command: ['/bin/sh', '-c', 'sleep infinity']
  failure:
    image: ${BUSYBOX}
    init: true
    command: ['/bin/sh', '-c', 'sleep 1 ; echo "exiting with error" ; exit 42']
  test:
    image: ${BUSYBOX}
    init: true
    command: ['/bin/sh', '-c', 'sleep 99999 ; echo "tests are OK"']
    depends_on: [safe]
`;

describe.runIf(hasEngine)('compose e2e: cascade and exit codes', () => {
  it('TestCascadeStop: --abort-on-container-exit stops on the first exit (a job completing with 0) and exits 0', async () => {
    s = scenario('cascade-stop', { 'compose.yaml': cascade });
    const r = await s.fx(['up', '--abort-on-container-exit']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('exit-1 exited with code 0');
    expect(serviceStates(await s.snapshot(), 'running')).toEqual(['exited']);
  }, 120_000);

  it('TestCascadeFail: --abort-on-container-failure goes on past clean exits and passes the failure code', async () => {
    s = scenario('cascade-fail', { 'compose.yaml': cascade });
    const r = await s.fx(['up', '--abort-on-container-failure']);
    expect(r.exitCode, r.all).toBe(111);
    expect(r.all).toContain('exit-1 exited with code 0');
    expect(r.all).toContain('fail-1 exited with code 111');
    expect(serviceStates(await s.snapshot(), 'running')).toEqual(['exited']);
  }, 120_000);

  it('TestUpExitCodeFrom / ...ContainerKilled: the named service’s code; 143 when the abort stopped it', async () => {
    s = scenario('exit-code-from', { 'compose.yaml': exitCodes });
    const own = await s.fx(['up', '--exit-code-from=failure', 'failure']);
    expect(own.exitCode, own.all).toBe(42);
    const killed = await s.fx(['up', '--exit-code-from=test']);
    expect(killed.exitCode, killed.all).toBe(143);
  }, 120_000);
});

describe.runIf(hasEngine)('compose e2e: run and orphans', () => {
  it('TestComposeRun: the service command with its dependency only; an override; the orphan warning and COMPOSE_IGNORE_ORPHANS; --rm; -v; --env-from-file; -e', async () => {
    s = scenario('compose-run', {
      'compose.yaml': `services:\n  back:\n    image: ${BUSYBOX}\n    command: echo "Hello there!!"\n    depends_on:\n      - db\n  db:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n  front:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`,
      'run.env': 'FOO=BAR\n',
    });
    const first = await s.fx(['run', 'back']);
    expect(first.exitCode, first.all).toBe(0);
    expect(first.stdout).toContain('Hello there!!');
    expect(first.all).not.toContain('orphan');
    let snap = await s.snapshot();
    expect(serviceStates(snap, 'db')).toEqual(['running']);
    expect(oneOffs(snap, 'back').map((c) => c.state)).toEqual(['exited']);
    expect(snap.front).toBeUndefined();
    const again = await s.fx(['run', 'back', 'echo', 'Hello one more time']);
    expect(again.stdout).toContain('Hello one more time');
    expect(again.all).toContain('orphan');
    const quiet = { COMPOSE_IGNORE_ORPHANS: 'True' };
    const ignored = await s.fx(['run', 'back', 'echo', 'Hello again'], quiet);
    expect(ignored.stdout).toContain('Hello again');
    expect(ignored.all).not.toContain('orphan');
    const before = oneOffs(await s.snapshot(), 'back').map((c) => c.id);
    const gone = await s.fx(['run', '--rm', 'back', 'echo', 'Hello and gone'], quiet);
    expect(gone.stdout).toContain('Hello and gone');
    snap = await s.snapshot();
    expect(oneOffs(snap, 'back').map((c) => c.id)).toEqual(before);
    expect((await s.fx(['run', '--volumes', `${s.dir}:/foo`, 'back', '/bin/sh', '-c', 'ls /foo'], quiet)).stdout).toContain('compose.yaml');
    expect((await s.fx(['run', '--env-from-file', `${s.dir}/run.env`, 'front', 'env'], quiet)).stdout).toContain('FOO=BAR');
    expect((await s.fx(['run', '--env', 'FOO=BAR', 'front', 'env'], quiet)).stdout).toContain('FOO=BAR');
  }, 120_000);

  it('TestComposeRunPorts: --publish maps the asked port only; --service-ports the model’s', async () => {
    const [adHoc, model] = [21000 + (process.pid % 2000), 23000 + (process.pid % 2000)];
    s = scenario('run-ports', { 'compose.yaml': `services:\n  back:\n    image: ${BUSYBOX}\n    ports:\n      - "${model}:80"\n` });
    expect((await s.fx(['run', '--publish', `${adHoc}:80`, '-d', 'back', '/bin/sh', '-c', 'sleep 30'])).exitCode).toBe(0);
    const ports = async () => (await dockerClient().listContainers({ filters: { label: [`com.docker.compose.project=${s!.project}`] } })).flatMap((c) => c.Ports.map((p) => `${p.PublicPort}->${p.PrivatePort}`));
    expect(await ports()).toContain(`${adHoc}->80`);
    expect(await ports()).not.toContain(`${model}->80`);
    expect((await s.fx(['run', '--service-ports', '-d', 'back', '/bin/sh', '-c', 'sleep 30'])).exitCode).toBe(0);
    expect(await ports()).toContain(`${model}->80`);
    const both = await s.fx(['run', '--service-ports', '-p', '1:1', 'back']);
    expect([both.exitCode, both.stderr.trim()]).toEqual([2, 'foxdev: --service-ports and --publish are incompatible']);
  }, 120_000);

  it('TestComposeRunDeps: run starts the shared dependency, not the sibling; --no-deps starts nothing else', async () => {
    s = scenario('run-deps', {
      'compose.yaml': `services:\n  service_a:\n    image: ${BUSYBOX}\n    command: echo "a"\n    depends_on:\n      - shared_dep\n  service_b:\n    image: ${BUSYBOX}\n    command: echo "b"\n    depends_on:\n      - shared_dep\n  shared_dep:\n    image: ${BUSYBOX}\n`,
    });
    const r = await s.fx(['run', 'service_a']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('shared_dep');
    expect(r.all).not.toContain('service_b');
    const dep = ids(await s.snapshot(), 'shared_dep');
    const n = await s.fx(['run', '--no-deps', 'service_a'], { COMPOSE_IGNORE_ORPHANS: 'True' });
    expect(n.exitCode).toBe(0);
    expect(n.all).not.toContain('shared_dep');
    const snap = await s.snapshot();
    expect(ids(snap, 'shared_dep')).toEqual(dep);
    expect(snap.service_b).toBeUndefined();
  }, 120_000);

  it('TestComposeRunNotRequiredDeps: an optional dependency of an inactive profile is not created', async () => {
    s = scenario('run-optional', {
      'compose.yaml': `services:\n  foo:\n    image: ${BUSYBOX}\n    command: echo "foo"\n    depends_on:\n      bar:\n        required: false\n        condition: service_healthy\n  bar:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    profiles: [not-required]\n`,
    });
    const r = await s.fx(['run', 'foo']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('foo');
    expect((await s.snapshot()).bar).toBeUndefined();
  }, 120_000);

  it('run --build / --pull / --use-aliases: a missing image is built, --build builds again, never refuses, aliases on the network', async () => {
    s = scenario('run-build', {
      'compose.yaml': `services:\n  app:\n    build: .\n    command: cat /stamp\n    networks:\n      default:\n        aliases: [app-alias]\n  ghost:\n    image: foxdev/not-here:1\n`,
      Dockerfile: `FROM ${BUSYBOX}\nARG STAMP=one\nRUN echo "$STAMP" > /stamp\n`,
    });
    const first = await s.fx(['run', '--rm', 'app']);
    expect(first.exitCode, first.all).toBe(0); // the image was missing: run built it, as compose does
    expect(first.stdout.trim()).toBe('one');
    writeFileSync(join(s.dir, 'Dockerfile'), `FROM ${BUSYBOX}\nRUN echo two > /stamp\n`);
    expect((await s.fx(['run', '--rm', 'app'])).stdout.trim()).toBe('one'); // present: used as it is
    const rebuilt = await s.fx(['run', '--rm', '--build', 'app']);
    expect(rebuilt.exitCode, rebuilt.all).toBe(0);
    expect(rebuilt.stdout.trim()).toBe('two');
    const never = await s.fx(['run', '--rm', '--pull', 'never', 'ghost']);
    expect(never.exitCode).toBe(1);
    expect(never.stderr).toContain('image foxdev/not-here:1 is not available locally (--pull never)');
    const bad = await s.fx(['run', '--pull', 'sometimes', 'app']);
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, 'foxdev: --pull sometimes: expected always, missing or never']);
    const detached = await s.fx(['run', '-d', '--rm', '--use-aliases', 'app', 'sleep', '30']);
    expect(detached.exitCode, detached.all).toBe(0);
    const info = await dockerClient().getContainer(detached.stdout.trim()).inspect();
    expect(Object.values(info.NetworkSettings.Networks)[0].Aliases).toEqual(expect.arrayContaining(['app', 'app-alias']));
  }, 180_000);

  it('run -T and exec -T read input piped or redirected in, as compose\'s do (`< dump.sql` habits)', async () => {
    s = scenario('run-stdin', { 'compose.yaml': `services:\n  app:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n` });
    writeFileSync(join(s.dir, 'in.txt'), 'one\ntwo\nthree\n');
    const sh = (cmd: string) => execa('sh', ['-c', cmd], { cwd: s!.dir, reject: false, env: { NO_COLOR: '1' } });
    const fx = `node ${cliPath} -f compose.yaml --project-name ${s.project}`;
    const piped = await sh(`printf 'hello\\n' | ${fx} run --rm -T app cat`);
    expect([piped.exitCode, piped.stdout], piped.stderr).toEqual([0, 'hello']);
    const redirected = await sh(`${fx} run --rm -T app wc -l < in.txt`);
    expect(redirected.stdout.trim()).toBe('3');
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const exec = await sh(`${fx} exec -T app wc -l < in.txt`);
    expect(exec.stdout.trim()).toBe('3');
  }, 120_000);

  it('TestRemoveOrphans: COMPOSE_REMOVE_ORPHANS in .env makes up remove the exited one-off', async () => {
    s = scenario('remove-orphans', {
      'compose.yaml': `services:\n  orphan:\n    profiles: [run]\n    image: ${BUSYBOX}\n    command: echo hello\n  test:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`,
      '.env': 'COMPOSE_REMOVE_ORPHANS=true\n',
    });
    expect((await s.fx(['run', 'orphan'])).exitCode).toBe(0);
    expect(oneOffs(await s.snapshot(), 'orphan').map((c) => c.state)).toEqual(['exited']);
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const snap = await s.snapshot();
    expect(serviceStates(snap, 'test')).toEqual(['running']);
    expect(oneOffs(snap, 'orphan')).toEqual([]);
  }, 120_000);
});
