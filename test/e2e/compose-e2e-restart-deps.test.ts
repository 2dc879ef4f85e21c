// Adapted from docker/compose pkg/e2e/restart_test.go (TestRestartWithDependencies,
// TestRestartWithProfiles) and ps_test.go's "Container … Started" line: compose's progress lines
// on a restart with `restart: true` dependents and on an up that recreates the dependency.
// nginx rewritten to the local busybox: its healthcheck looks for a file the command makes.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, scenario, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();

const dependsOn = `services:
  with-restart:
    image: ${BUSYBOX}
    init: true
    command: tail -f /dev/null
    stop_signal: SIGTERM
    depends_on:
      nginx: {condition: service_healthy, restart: true}
  no-restart:
    image: ${BUSYBOX}
    init: true
    command: tail -f /dev/null
    stop_signal: SIGTERM
    depends_on:
      nginx: { condition: service_healthy }
  nginx:
    image: ${BUSYBOX}
    init: true
    command: ["sh", "-c", "rm -f /tmp/ok; sleep 1; touch /tmp/ok; exec sleep 3600"]
    labels:
      TEST: \${LABEL:-test}
    stop_signal: SIGTERM
    healthcheck:
      test: "test -f /tmp/ok"
      interval: 2s
      timeout: 1s
      retries: 10
`;

let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: restart with dependencies', () => {
  it('TestRestartWithDependencies: restart nginx waits for it to be healthy, then restarts its restart: true dependent only; a recreating up stops and restarts it', async () => {
    s = scenario('restart-deps', { 'compose.yaml': dependsOn });
    const p = s.project;
    const up = await s.fx(['up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    expect(up.all).toContain(`Container ${p}-with-restart-1 Started`);

    const res = await s.fx(['restart', 'nginx']);
    const out = res.all;
    expect(res.exitCode, out).toBe(0);
    expect(out).toContain(`Container ${p}-nginx-1 Restarting`);
    expect(out).toContain(`Container ${p}-nginx-1 Healthy`);
    expect(out).toContain(`Container ${p}-with-restart-1 Started`);
    expect(out).not.toContain('no-restart');
    // The dependent restarted only once nginx was healthy again.
    expect(out.indexOf(`Container ${p}-nginx-1 Healthy`)).toBeLessThan(out.indexOf(`Container ${p}-with-restart-1 Restarting`));

    // --no-deps: nginx alone; its restart: true dependent keeps running untouched.
    const { dockerClient } = await import('../../src/runtime/docker-client.js');
    const startedAt = async (svc: string) => (await dockerClient().getContainer(`${p}-${svc}-1`).inspect()).State.StartedAt;
    const before = await startedAt('with-restart');
    const alone = await s.fx(['restart', '--no-deps', 'nginx']);
    expect(alone.exitCode, alone.all).toBe(0);
    expect(alone.all).toContain(`Container ${p}-nginx-1 Restarting`);
    expect(alone.all).not.toContain('with-restart');
    expect(await startedAt('with-restart')).toBe(before);

    const again = await s.fx(['up', '-d'], { LABEL: 'recreate' });
    const out2 = again.all;
    expect(again.exitCode, out2).toBe(0);
    expect(out2).toContain(`Container ${p}-with-restart-1 Stopped`);
    expect(out2).toContain(`Container ${p}-nginx-1 Recreated`);
    expect(out2).toContain(`Container ${p}-nginx-1 Healthy`);
    expect(out2).toContain(`Container ${p}-with-restart-1 Started`);
    expect(out2).toContain(`Container ${p}-no-restart-1 Running`);
  }, 120_000);

  it('TestRestartWithProfiles: restart of a profiled service started with --profile', async () => {
    s = scenario('restart-profiles', {
      'compose.yaml': `services:\n  test:\n    profiles: [test]\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n`,
    });
    expect((await s.fx(['--profile', 'test', 'up', '-d'])).exitCode).toBe(0);
    const res = await s.fx(['restart', 'test']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toContain(`Container ${s.project}-test-1 Started`);
  }, 60_000);
});
