// Adapted from docker/compose pkg/e2e/compose_test.go (TestAttachRestart) and logs_test.go
// (TestLocalComposeLogs, TestLocalComposeLogsFollow): compose's log names and exit lines in an
// attached up with restarts; logs of some services, of one replica; logs -f picking up
// containers a later up makes. alpine's sh and ping are the local busybox's.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdevBackground } from '../helpers/cli.js';
import { BUSYBOX, eventually, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

const logsCompose = `services:
  ping:
    image: ${BUSYBOX}
    init: true
    command: ["sh", "-c", "for i in $$(seq \${REPEAT:-5}); do echo PING localhost $$i; sleep 0.2; done; exec sleep 3600"]
  hello:
    image: ${BUSYBOX}
    command: ["sh", "-c", "echo hello-$$(hostname)"]
    deploy:
      replicas: 2
`;

describe.runIf(hasEngine)('compose e2e: logs', () => {
  it('TestAttachRestart: each of the 3 runs (2 restarts) prints "failing-1  | world" and "failing-1 exited with code 1"; up returns', async () => {
    s = scenario('attach-restart', {
      'compose.yaml': `services:\n  failing:\n    image: ${BUSYBOX}\n    command: sh -c "sleep 0.1 && echo world && /bin/false"\n    deploy:\n      restart_policy:\n        condition: "on-failure"\n        max_attempts: 2\n`,
    });
    const r = await s.fx(['--ansi=never', 'up']);
    expect(r.stdout).toContain('Attaching to failing-1');
    expect(r.stdout.split('failing-1 exited with code 1').length - 1, r.all).toBe(3);
    expect(r.stdout.split('failing-1  | world').length - 1, r.all).toBe(3);
  }, 120_000);

  it('TestLocalComposeLogs: all services, one, several, and --index of a replica', async () => {
    s = scenario('logs', { 'compose.yaml': logsCompose });
    const up = await s.fx(['up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    await eventually(() => s!.snapshot(), (snap) => serviceStates(snap, 'hello').every((st) => st === 'exited'), 15_000);
    const all = await s.fx(['logs']);
    expect(all.stdout).toContain('PING localhost');
    expect(all.stdout).toContain('hello');
    const one = await s.fx(['logs', 'ping']);
    expect(one.stdout).toContain('PING localhost');
    expect(one.stdout).not.toContain('hello');
    const two = await s.fx(['logs', 'hello', 'ping']);
    expect(two.stdout).toContain('PING localhost');
    expect(two.stdout).toContain('hello');
    const index = await s.fx(['logs', '--index', '2', 'hello']);
    // Each line's prefix names the replica; the text after it holds the container's hostname
    // (a hex id that may itself start with "1"), so only the prefixes are compared.
    const prefixes = index.stdout.split('\n').filter((l) => l.includes(' | ')).map((l) => l.split(' | ')[0]!.trim());
    expect(prefixes.length, index.all).toBeGreaterThan(0);
    expect(new Set(prefixes), index.all).toEqual(new Set(['hello-2']));
  }, 120_000);

  it('TestLocalComposeLogsFollow: -p NAME logs -f shows containers that a later up creates, and a new replica', async () => {
    s = scenario('logs-follow', { 'compose.yaml': logsCompose });
    const env = { REPEAT: '20' };
    expect((await s.fx(['up', '-d', 'ping'], env)).exitCode).toBe(0);
    // By name, from a directory with no compose file, as compose's test runs it.
    const follow = foxdevBackground(['--project-name', s.project, 'logs', '-f'], { cwd: '/' });
    try {
      await follow.waitFor(/ping-1 /, 10_000);
      expect((await s.fx(['up', '-d'], env)).exitCode).toBe(0);
      await follow.waitFor(/hello-1 /, 10_000);
      expect((await s.fx(['up', '-d', '--scale', 'ping=2', 'ping'], env)).exitCode).toBe(0);
      await follow.waitFor(/ping-2 /, 20_000);
    } finally {
      follow.child.kill('SIGINT');
      await follow.child;
    }
  }, 120_000);

  it('logs --until: only the lines before the time given (a timestamp or a duration ago)', async () => {
    s = scenario('logs-until', { 'compose.yaml': `services:\n  talk:\n    image: ${BUSYBOX}\n    init: true\n    command: ["sh", "-c", "echo first; sleep 3; echo second; exec sleep 3600"]\n` });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const both = await eventually(() => s!.fx(['logs', '-t', 'talk']), (r) => r.stdout.includes('second'), 15_000);
    // compose's -t: the engine's RFC 3339 time after the prefix.
    const firstAt = /^talk-1 +\| (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z) first$/m.exec(both.stdout)?.[1];
    expect(firstAt, both.stdout).toBeDefined();
    const until = new Date(Date.parse(firstAt!) + 1500).toISOString();
    const before = await s.fx(['logs', '--until', until, 'talk']);
    expect(before.exitCode, before.all).toBe(0);
    expect(before.stdout).toContain('first');
    expect(before.stdout).not.toContain('second');
    // A duration: everything up to an hour ago is nothing here.
    expect((await s.fx(['logs', '--until', '1h', 'talk'])).stdout.trim()).toBe('');
    const bad = await s.fx(['logs', '--until', 'yesterday-ish']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--until yesterday-ish: expected');
  }, 120_000);
});
