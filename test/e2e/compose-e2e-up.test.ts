// Adapted from docker/compose pkg/e2e/up_test.go and compose_test.go: an attached `up` returns
// once every container it follows has exited (TestUpProfile, TestInitContainer,
// TestStopWithDependenciesAttached; TestUpStopWithLogsMixed for the abort), naming a profiled service enables its profile and starts its
// dependency but not its profile siblings; compose's --menu=false is accepted; TestCompatibility:
// --compatibility names containers project_service_1; TestUpWithAllResources: --all-resources
// makes the volume and network no service uses.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: attached up', () => {
  it('TestUpProfile: up foo (profiled) runs foo and its dependency db, not bar, and returns when foo has exited', async () => {
    s = scenario('up-profile', {
      'compose.yaml': `services:\n  foo:\n    profiles: [ test ]\n    image: ${BUSYBOX}\n    depends_on: [ db ]\n  bar:\n    profiles: [ test ]\n    image: ${BUSYBOX}\n  db:\n    image: ${BUSYBOX}\n`,
    });
    const r = await s.fx(['up', 'foo']);
    expect(r.exitCode, r.all).toBe(0);
    const snap = await s.snapshot();
    expect([serviceStates(snap, 'foo'), serviceStates(snap, 'db'), snap.bar]).toEqual([['exited'], ['exited'], undefined]);
  }, 120_000);

  it('TestInitContainer: a service_completed_successfully dependency runs to completion first; up returns after both', async () => {
    s = scenario('init-container', {
      'compose.yaml': `services:\n  foo:\n    image: ${BUSYBOX}\n    command: "echo hello"\n  bar:\n    image: ${BUSYBOX}\n    command: "echo world"\n    depends_on:\n      foo:\n        condition: "service_completed_successfully"\n`,
    });
    const r = await s.fx(['--ansi=never', 'up', '--menu=false']);
    expect(r.exitCode, r.all).toBe(0);
    // compose's own assertion: its names and padding exactly.
    expect(r.stdout).toMatch(/foo-1  \| hello[\s\S]*bar-1  \| world/);
  }, 120_000);

  it('TestStopWithDependenciesAttached: up --attach-dependencies foo returns when foo exits, reporting it', async () => {
    s = scenario('attach-deps', {
      'compose.yaml': `services:\n  foo:\n    image: ${BUSYBOX}\n    command: echo hello\n    depends_on:\n      - bar\n  bar:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`,
    });
    const r = await s.fx(['up', '--attach-dependencies', 'foo', '--menu=false']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('exited with code 0');
  }, 120_000);

  it('TestUpStopWithLogsMixed: --abort-on-container-exit stops the rest, reports the exited one Stopped, runs the pre_stop hook, keeps the other output', async () => {
    s = scenario('stop-logs-mixed', {
      'compose.yaml': `services:\n  service1:\n    image: ${BUSYBOX}\n    command: sh -c "sleep 2"\n  service2:\n    image: ${BUSYBOX}\n    init: true\n    command: ping localhost\n    pre_stop:\n      - command: echo "stop hook running..."\n`,
    });
    const r = await s.fx(['up', '--abort-on-container-exit']);
    expect(r.stderr, r.all).toContain(`Container ${s.project}-service1-1 Stopped`);
    expect(r.stdout, r.all).toContain('stop hook running...');
    expect(r.stdout, r.all).toContain('64 bytes');
  }, 120_000);

  it('TestCompatibility: --compatibility names the container the v1 way, and later verbs find it', async () => {
    s = scenario('compat', { 'compose.yaml': `services:\n  simple:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n` });
    const up = await s.fx(['--compatibility', 'up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    const snap = await s.snapshot();
    expect(serviceStates(snap, 'simple')).toEqual(['running']);
    expect(snap.simple[0].name).toBe(`${s.project}_simple_1`);
    const ps = await s.fx(['--compatibility', 'ps']);
    expect(ps.stdout).toContain(`${s.project}_simple_1`);
    expect((await s.fx(['--compatibility', 'stop'])).exitCode).toBe(0);
    expect(serviceStates(await s.snapshot(), 'simple')).toEqual(['exited']);
  }, 120_000);

  it('TestUpWithAllResources: --all-resources up makes the volume and network no service uses, with compose\'s lines', async () => {
    s = scenario('all-res', { 'compose.yaml': 'volumes:\n  my_vol: {}\n\nnetworks:\n  my_net: {}\n' });
    const up = await s.fx(['--all-resources', 'up']);
    expect(up.exitCode, up.all).toBe(0);
    expect(up.all).toContain(`Volume ${s.project}_my_vol Created`);
    expect(up.all).toContain(`Network ${s.project}_my_net Created`);
    // Without the flag there is nothing to start: compose's refusal.
    const none = await s.fx(['up']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no service selected');
    const down = await s.fx(['down', '-v']);
    expect(down.stderr).toContain(`Network ${s.project}_my_net Removed`);
  }, 120_000);

  it('TestUpWait: up --wait -d returns with the oneshot completed and the long-running service up', async () => {
    s = scenario('up-wait', {
      'compose.yaml': `services:\n  oneshot:\n    image: ${BUSYBOX}\n    command: echo 'hello world'\n  longrunning:\n    image: ${BUSYBOX}\n    init: true\n    depends_on:\n      oneshot:\n        condition: service_completed_successfully\n    command: sleep infinity\n`,
    });
    const r = await s.fx(['up', '--wait', '-d']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain(`${s.project}-oneshot-1`);
    const snap = await s.snapshot();
    expect(serviceStates(snap, 'longrunning')).toEqual(['running']);
    expect(serviceStates(snap, 'oneshot')).toEqual(['exited']);
  }, 120_000);

  it('TestUpWaitTimeout: up --wait --wait-timeout 3 fails in compose\'s words with the service still starting', async () => {
    s = scenario('up-wait-timeout', {
      'compose.yaml': `services:\n  app:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    healthcheck:\n      test: ["CMD", "false"]\n      interval: 1s\n      retries: 3\n      start_period: 120s\n`,
    });
    const t0 = Date.now();
    const r = await s.fx(['up', '--wait', '--wait-timeout', '3', '-d']);
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stderr).toContain('application not healthy after 3s');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(serviceStates(await s.snapshot(), 'app')).toEqual(['running']);
  }, 120_000);

  it('TestUpContainerNameConflict: two services under one container_name are refused together (exit 1), each runs alone', async () => {
    s = scenario('name-conflict', {
      'compose.yaml': `services:\n  test:\n    image: ${BUSYBOX}\n    container_name: \${FIXED_NAME}\n    command: /bin/true\n  another_test:\n    image: ${BUSYBOX}\n    container_name: \${FIXED_NAME}\n    command: /bin/true\n`,
    });
    const env = { FIXED_NAME: `${s.project}-fixed` };
    const both = await s.fx(['up'], env);
    expect(both.exitCode, both.all).toBe(1);
    expect(both.stderr).toContain(`container name "${s.project}-fixed" is already in use`);
    expect((await s.fx(['down'], env)).exitCode).toBe(0);
    for (const one of ['test', 'another_test']) {
      const r = await s.fx(['up', one], env);
      expect(r.exitCode, r.all).toBe(0);
      expect(serviceStates(await s.snapshot(), one)).toEqual(['exited']);
      expect((await s.fx(['down'], env)).exitCode).toBe(0);
      expect(await s.snapshot()).toEqual({});
    }
  }, 120_000);

  it('up --pull: never refuses a missing image without pulling, always pulls first, a bad value is refused', async () => {
    s = scenario('up-pull', { 'compose.yaml': `services:\n  app:\n    image: foxdev-missing/nothing:1\n  local:\n    image: ${BUSYBOX}\n    command: "true"\n` });
    const never = await s.fx(['up', '-d', '--pull', 'never', 'app']);
    expect(never.exitCode, never.all).toBe(1);
    expect(never.all).toContain('image foxdev-missing/nothing:1 is not available locally (pull policy: never)');
    expect(never.all).not.toContain('pulling image');
    // The image is here, but "always" pulls first: with no registry to reach, that fails, as compose's would.
    const always = await s.fx(['up', '-d', '--pull', 'always', 'local']);
    expect(always.exitCode, always.all).toBe(1);
    expect(always.all).toContain(`pulling image ${BUSYBOX}`);
    const missing = await s.fx(['up', '-d', '--pull', 'missing', 'local']);
    expect(missing.exitCode, missing.all).toBe(0);
    const bad = await s.fx(['up', '-d', '--pull', 'sometimes']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('invalid --pull option "sometimes"');
  }, 120_000);
});
