import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';

describe('a volume declared as null in foxdev.config.ts', () => {
  it('gets the defaults, as `data:` does in a compose file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foxdev-nullvol-'));
    writeFileSync(
      join(dir, 'foxdev.config.mjs'),
      `export default { name: 'nv', services: { db: { image: 'foxdev/busybox:1', volumes: ['data:/data'] } }, volumes: { data: null } };\n`,
    );
    const project = await loadProject({ cwd: dir });
    expect(project.volumes.data).toEqual({ name: 'nv_data', external: false, labels: {} });
  });
});
