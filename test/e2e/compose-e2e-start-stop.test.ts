// Adapted from docker/compose pkg/e2e/start_stop_test.go, restart_test.go and compose_test.go
// (TestRm): stop halts in place, start brings the same containers back (a named service with its
// dependency chain, nothing else), restart reuses the container, one-offs are left alone.
// Images rewritten to the local busybox (alpine's `sleep infinity` and `ash` are busybox's too).
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, eventually, ids, oneOffs, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
const svc = (deps: string[] = []) => `    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n${deps.length ? `    depends_on: [${deps.join(', ')}]\n` : ''}`;
const compose = (services: Record<string, string[]>) => `services:\n${Object.entries(services).map(([n, d]) => `  ${n}:\n${svc(d)}`).join('')}`;

let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: start / stop / restart', () => {
  it('TestStartStop: stop halts in place, ls hides the stopped project unless --all, start brings the same containers back', async () => {
    s = scenario('start-stop', { 'compose.yaml': compose({ simple: [], another: [] }) });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    let snap = await s.snapshot();
    expect([serviceStates(snap, 'simple'), serviceStates(snap, 'another')]).toEqual([['running'], ['running']]);
    const before = [...ids(snap, 'simple'), ...ids(snap, 'another')];
    expect((await s.fx(['ls', '--format', 'json'])).stdout).toContain(`"Name":"${s.project}"`);
    // --filter name=: this project only (exact or a pattern), and nothing for another name.
    expect((await s.fx(['ls', '-q', '--filter', `name=${s.project}`])).stdout.trim()).toBe(s.project);
    expect((await s.fx(['ls', '-q', '--filter', `name=^${s.project}$`])).stdout.trim()).toBe(s.project);
    expect((await s.fx(['ls', '-q', '--filter', 'name=^no-such-project$'])).stdout.trim()).toBe('');
    expect((await s.fx(['stop'])).exitCode).toBe(0);
    snap = await s.snapshot();
    expect([serviceStates(snap, 'simple'), serviceStates(snap, 'another')]).toEqual([['exited'], ['exited']]);
    expect((await s.fx(['ls', '--format', 'json'])).stdout).not.toContain(`"Name":"${s.project}"`);
    expect((await s.fx(['ls', '--all', '--format', 'json'])).stdout).toContain(`"Name":"${s.project}"`);
    expect((await s.fx(['start'])).exitCode).toBe(0);
    snap = await s.snapshot();
    expect([serviceStates(snap, 'simple'), serviceStates(snap, 'another')]).toEqual([['running'], ['running']]);
    expect([...ids(snap, 'simple'), ...ids(snap, 'another')]).toEqual(before);
  }, 120_000);

  it('TestStartStopWithDependencies: stop foo leaves bar running; start foo brings bar back too, same containers', async () => {
    s = scenario('start-stop-deps', { 'compose.yaml': compose({ foo: ['bar'], bar: [] }) });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const before = await s.snapshot();
    expect((await s.fx(['stop', 'foo'])).exitCode).toBe(0);
    let snap = await s.snapshot();
    expect([serviceStates(snap, 'foo'), serviceStates(snap, 'bar')]).toEqual([['exited'], ['running']]);
    expect((await s.fx(['stop'])).exitCode).toBe(0);
    snap = await s.snapshot();
    expect(serviceStates(snap, 'bar')).toEqual(['exited']);
    const r = await s.fx(['start', 'foo']);
    expect(r.exitCode, r.all).toBe(0);
    snap = await s.snapshot();
    expect([serviceStates(snap, 'foo'), serviceStates(snap, 'bar')]).toEqual([['running'], ['running']]);
    expect([...ids(snap, 'foo'), ...ids(snap, 'bar')]).toEqual([...ids(before, 'foo'), ...ids(before, 'bar')]);
  }, 120_000);

  it('TestUpNoDeps: up --no-deps -d foo creates nothing for bar', async () => {
    s = scenario('up-no-deps', { 'compose.yaml': compose({ foo: ['bar'], bar: [] }) });
    expect((await s.fx(['up', '--no-deps', '-d', 'foo'])).exitCode).toBe(0);
    const snap = await s.snapshot();
    expect(serviceStates(snap, 'foo')).toEqual(['running']);
    expect(snap.bar).toBeUndefined();
  }, 120_000);

  it('TestStartSingleServiceAndDependency: create desired makes its chain only; start desired starts the chain, nothing else', async () => {
    s = scenario('start-single', { 'compose.yaml': compose({ desired: ['dep_1'], dep_1: ['dep_2'], dep_2: [], another: ['another_2'], another_2: [] }) });
    expect((await s.fx(['create', 'desired'])).exitCode).toBe(0);
    let snap = await s.snapshot();
    expect(['desired', 'dep_1', 'dep_2'].map((n) => serviceStates(snap, n))).toEqual([['created'], ['created'], ['created']]);
    expect([snap.another, snap.another_2]).toEqual([undefined, undefined]);
    const r = await s.fx(['start', 'desired']);
    expect(r.exitCode, r.all).toBe(0);
    snap = await s.snapshot();
    expect(['desired', 'dep_1', 'dep_2'].map((n) => serviceStates(snap, n))).toEqual([['running'], ['running'], ['running']]);
    expect([snap.another, snap.another_2]).toEqual([undefined, undefined]);
  }, 120_000);

  it('TestStartStopWithOneOffs: stop/start/restart leave a run -d one-off alone; down --remove-orphans removes it', async () => {
    s = scenario('start-stop-oneoffs', { 'compose.yaml': compose({ foo: [], bar: [] }) });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const before = await s.snapshot();
    const run = await s.fx(['run', '-d', 'bar', 'sleep', 'infinity']);
    expect(run.exitCode, run.all).toBe(0);
    let snap = await s.snapshot();
    const oneOff = oneOffs(snap, 'bar');
    expect(oneOff.map((c) => c.state)).toEqual(['running']);
    expect(ids(snap, 'bar')).toEqual(ids(before, 'bar'));
    for (const verb of ['stop', 'start', 'restart']) {
      expect((await s.fx([verb])).exitCode).toBe(0);
      snap = await s.snapshot();
      expect(serviceStates(snap, 'foo')).toEqual([verb === 'stop' ? 'exited' : 'running']);
      expect(oneOffs(snap, 'bar').map((c) => [c.id, c.state])).toEqual([[oneOff[0].id, 'running']]);
    }
    expect(ids(snap, 'foo')).toEqual(ids(before, 'foo'));
    expect((await s.fx(['down', '--remove-orphans'])).exitCode).toBe(0);
    expect(await s.snapshot()).toEqual({});
  }, 120_000);

  it('TestStartAlreadyRunning / TestStopAlreadyStopped: nothing on stdout for a running service; stopping twice exits 0', async () => {
    s = scenario('already', { 'compose.yaml': compose({ simple: [], another: [] }) });
    expect((await s.fx(['up', '-d', '--wait'])).exitCode).toBe(0);
    const start = await s.fx(['start', 'simple']);
    expect([start.exitCode, start.stdout]).toEqual([0, '']);
    const first = await s.fx(['stop', 'simple', 'another']);
    expect(first.exitCode).toBe(0);
    // TestStartStopMultipleServices: one Stopped line per service, on stderr.
    for (const svc of ['simple', 'another']) expect(first.stderr).toContain(`Container ${s.project}-${svc}-1 Stopped`);
    const again = await s.fx(['stop', 'simple']);
    expect(again.exitCode).toBe(0);
    // compose says Stopped again for a container that was stopped already.
    expect(again.stderr).toContain(`Container ${s.project}-simple-1 Stopped`);
    const started = await s.fx(['start', 'simple', 'another']);
    for (const svc of ['simple', 'another']) expect(started.stderr).toContain(`Container ${s.project}-${svc}-1 Started`);
  }, 120_000);

  it('TestRestart: restart brings an exited service back up in the same container', async () => {
    s = scenario('restart', {
      'compose.yaml': `services:\n  app:\n    image: ${BUSYBOX}\n    init: true\n    command: ash -c "if [[ -f /tmp/restart.lock ]] ; then sleep infinity; else touch /tmp/restart.lock; fi"\n`,
    });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const exited = await eventually(() => s!.snapshot(), (v) => serviceStates(v, 'app')[0] === 'exited');
    expect(serviceStates(exited, 'app')).toEqual(['exited']);
    expect((await s.fx(['restart'])).exitCode).toBe(0);
    const up = await eventually(() => s!.snapshot(), (v) => serviceStates(v, 'app')[0] === 'running');
    expect(serviceStates(up, 'app')).toEqual(['running']);
    expect(ids(up, 'app')).toEqual(ids(exited, 'app'));
  }, 120_000);

  it('TestRm: rm --stop --force removes the named service only, then every container', async () => {
    s = scenario('rm', { 'compose.yaml': compose({ simple: [], another: [] }) });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    expect((await s.fx(['rm', '--stop', '--force', 'simple'])).exitCode).toBe(0);
    let snap = await s.snapshot();
    expect([snap.simple, serviceStates(snap, 'another')]).toEqual([undefined, ['running']]);
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    expect(serviceStates(await s.snapshot(), 'simple')).toEqual(['running']);
    expect((await s.fx(['rm', '--stop', '--force'])).exitCode).toBe(0);
    snap = await s.snapshot();
    expect([snap.simple, snap.another]).toEqual([undefined, undefined]);
  }, 120_000);
});
