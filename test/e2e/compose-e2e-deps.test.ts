// Adapted from docker/compose pkg/e2e/up_test.go: dependency failures at start with compose's
// words — a service_healthy dependency that exits first ("dependency failed to start: container
// x exited (1)"), one that never turns healthy ("container x is unhealthy"), and an optional
// (required: false) dependency with nothing measuring its health, which up reports and starts past.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: dependency failures', () => {
  it('TestUpWithDependencyExit: the dependency exits before turning healthy → exit 1 with compose’s line, web never runs', async () => {
    s = scenario('dep-exit', {
      'compose.yaml': `services:\n  web:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: ${BUSYBOX}\n    command: sh -c "exit 1"\n`,
    });
    const r = await s.fx(['up', '-d']);
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toContain(`dependency failed to start: container ${s.project}-db-1 exited (1)`);
    expect(serviceStates(await s.snapshot(), 'web').filter((x) => x === 'running')).toEqual([]);
  }, 120_000);

  it('TestUpServiceUnhealthy: a dependency that never turns healthy fails up, naming it unhealthy', async () => {
    s = scenario('dep-unhealthy', {
      'compose.yaml': `services:\n  fail:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    healthcheck:\n      test: "false"\n      interval: 1s\n      retries: 3\n  depends:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    depends_on:\n      fail:\n        condition: service_healthy\n`,
    });
    const r = await s.fx(['up', '-d']);
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toContain(`container ${s.project}-fail-1 is unhealthy`);
    expect(serviceStates(await s.snapshot(), 'depends').filter((x) => x === 'running')).toEqual([]);
  }, 120_000);

  it('TestUpWithDependencyNotRequired: an optional dependency with no healthcheck is reported and foo runs', async () => {
    s = scenario('dep-optional', {
      'compose.yaml': `services:\n  foo:\n    image: ${BUSYBOX}\n    command: echo "foo"\n    depends_on:\n      bar:\n        required: false\n        condition: service_healthy\n  bar:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    profiles: [not-required]\n`,
    });
    const r = await s.fx(['--profile', 'not-required', 'up', '-d']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toContain('foo');
    expect(r.all).toContain('optional dependency "bar" failed to start');
    const snap = await s.snapshot();
    expect(serviceStates(snap, 'foo')).toHaveLength(1);
  }, 120_000);
});
