// Faults while running: a container the kernel kills for memory is reported as such, with its
// last lines, instead of a bare "exited with code 137"; a build that runs out of disk says so in
// one line naming the build and its step (the full disk is /dev/full: ENOSPC without filling the
// machine's). The engine dying under up is engine-restart.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const project = `oom-${process.pid}`;

describe.runIf(hasEngine)('faults', () => {
  afterAll(async () => {
    await purgeProject(project);
    await purgeProject(`${project}-disk`);
  });

  it('a build that runs out of disk: one line naming the build, its step and the full disk, exit 1, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foxdev-disk-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app/Dockerfile'), 'FROM foxdev/busybox:1\nRUN echo start && dd if=/dev/zero of=/dev/full bs=1M count=1\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  app:\n    build: ./app\n    command: ["sleep", "60"]\n');
    const r = await foxdev(['-C', dir, '-p', `${project}-disk`, 'up', '-d'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.all).toBe(1);
    const last = r.stderr.trim().split('\n').filter((l) => l.startsWith('foxdev: '));
    expect(last[0]).toMatch(/^foxdev: app: build of app failed at step 2\/\d+: no space left on device \(dd: error writing '\/dev\/full': No space left on device\); The command .* returned a non-zero code: 1$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an OOM-killed container is reported as OOMKilled with its limit and last lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foxdev-oom-'));
    // A one-shot job that prints, then holds 60 MB in a shell variable under a 24 MiB limit.
    writeFileSync(
      join(dir, 'compose.yaml'),
      [
        'services:',
        '  hog:',
        '    image: foxdev/busybox:1',
        '    mem_limit: 24m',
        '    memswap_limit: 24m',
        `    command: ["sh", "-c", "echo allocating; x=$$(head -c 60000000 /dev/zero | tr '\\\\0' a); echo survived"]`,
        '    restart: "no"',
        '  after:',
        '    image: foxdev/busybox:1',
        '    command: ["sleep", "60"]',
        '    depends_on:',
        '      hog: { condition: service_completed_successfully }',
        '',
      ].join('\n'),
    );
    const r = await foxdev(['-C', dir, '-p', project, 'up', '-d'], { timeoutMs: 120_000 });
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/exited with code 137 \(killed: out of memory \(OOMKilled, memory limit 24 MiB\)\)/);
    expect(r.all).toContain('allocating');
    expect(r.all).not.toContain('survived');
  });
});
