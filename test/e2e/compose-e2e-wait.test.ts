// Adapted from docker/compose pkg/e2e/wait_test.go (TestWaitOnFaster, TestWaitOnSlower,
// TestWaitOnInfinity, TestWaitAndDrop): wait returns when the named services' containers exit
// (whatever the others do), blocks on one that never exits, and --down-project takes the whole
// project down after. Plus compose's report line and exit code (the last container's).
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdevBackground } from '../helpers/cli.js';
import { BUSYBOX, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const waitCompose = `services:
  faster:
    image: ${BUSYBOX}
    command: sleep 1
  slower:
    image: ${BUSYBOX}
    command: sh -c "sleep 3; exit 3"
  infinity:
    image: ${BUSYBOX}
    init: true
    command: sleep infinity
`;

describe.runIf(hasEngine)('compose e2e: wait', () => {
  it('TestWaitOnFaster / TestWaitOnSlower: wait returns when the named service exits; the others keep their state', async () => {
    s = scenario('wait', { 'compose.yaml': waitCompose });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const faster = await s.fx(['wait', 'faster']);
    expect(faster.exitCode, faster.all).toBe(0);
    const snap1 = await s.snapshot();
    expect(faster.stdout.trim()).toBe(`container "${snap1.faster![0]!.id}" exited with status code 0`);
    expect(serviceStates(snap1, 'faster')).toEqual(['exited']);
    expect(serviceStates(snap1, 'infinity')).toEqual(['running']);
    // slower exits after faster did: wait still blocks for it, and gives its code.
    const slower = await s.fx(['wait', 'slower']);
    expect(slower.exitCode, slower.all).toBe(3);
    const snap2 = await s.snapshot();
    expect(slower.stdout.trim()).toBe(`container "${snap2.slower![0]!.id}" exited with status code 3`);
    expect(serviceStates(snap2, 'slower')).toEqual(['exited']);
    expect(serviceStates(snap2, 'infinity')).toEqual(['running']);
    // A name the file lacks is refused.
    const typo = await s.fx(['wait', 'nope']);
    expect(typo.exitCode).not.toBe(0);
    expect(typo.stderr).toContain('nope');
  }, 120_000);

  it('TestWaitOnInfinity: wait on a service that never exits does not return', async () => {
    s = scenario('wait-inf', { 'compose.yaml': waitCompose });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const bg = foxdevBackground(['-f', 'compose.yaml', '--project-name', s.project, 'wait', 'infinity'], { cwd: s.dir });
    await new Promise((r) => setTimeout(r, 5000));
    expect(bg.child.exitCode, bg.output()).toBeNull();
    bg.child.kill('SIGKILL');
    await bg.child;
  }, 120_000);

  it('TestWaitAndDrop: wait --down-project removes every container once the service exits', async () => {
    s = scenario('wait-drop', { 'compose.yaml': waitCompose });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const r = await s.fx(['wait', '--down-project', 'faster']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^container "[0-9a-f]{64}" exited with status code 0$/m);
    expect(await s.snapshot()).toEqual({});
  }, 120_000);
});
