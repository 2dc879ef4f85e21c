// Adapted from docker/compose pkg/e2e/ps_test.go (TestPsHonorsPsFormat): without --format, ps
// applies the psFormat of the Docker CLI config (DOCKER_CONFIG); --format takes a Go template,
// with `table` for headers, as compose's does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, scenario, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.runIf(hasEngine)('compose e2e: ps formats', () => {
  it('TestPsHonorsPsFormat: psFormat from the Docker CLI config, and --format templates', async () => {
    s = scenario('ps-format', { 'compose.yaml': `services:\n  app:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    ports: ["127.0.0.1::80"]\n` });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const config = mkdtempSync(join(tmpdir(), 'foxdev-dockercfg-'));
    dirs.push(config);
    writeFileSync(join(config, 'config.json'), JSON.stringify({ psFormat: 'table {{.Name}}' }));
    const fromConfig = await s.fx(['ps'], { DOCKER_CONFIG: config });
    expect(fromConfig.exitCode, fromConfig.all).toBe(0);
    expect(fromConfig.stdout.trim().split('\n')).toEqual(['NAME', `${s.project}-app-1`]);
    // --format wins over the config.
    const plain = await s.fx(['ps', '--format', '{{.Service}}: {{.State}}'], { DOCKER_CONFIG: config });
    expect(plain.stdout.trim()).toBe('app: running');
    const table = await s.fx(['ps', '--format', 'table {{.Name}}\\t{{.Ports}}']);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME +PORTS$/);
    expect(lines[1]).toMatch(new RegExp(`^${s.project}-app-1 +127\\.0\\.0\\.1:\\d+->80/tcp$`));
    const bad = await s.fx(['ps', '--format', '{{.Nope}}']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--format: cannot use {{.Nope}}');
  }, 120_000);
});
