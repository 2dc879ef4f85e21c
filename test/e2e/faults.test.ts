// Faults while running: a container the kernel kills for memory is reported as such, with its
// last lines, instead of a bare "exited with code 137".
import { mkdtempSync, writeFileSync } from 'node:fs';
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
