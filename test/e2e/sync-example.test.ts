// Live sync on the example's api, in a copy of the example so the repository's files are never
// edited: a source edit changes the HTTP answer, package.json runs the exec step, the Dockerfile
// rebuilds the image and the message names the file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet, requireEngine, waitFor } from '../helpers/engine.js';
import { foxdev, foxdevBackground, repoRoot } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const NAME = `shop-sync-${process.pid}`;
const env = { SHOP_API_PORT: '4330', SHOP_WEB_PORT: '4331', SHOP_DOCS_PORT: '4332' };

describe.runIf(hasEngine)('live sync on the example api', () => {
  let dir: string;
  let up: ReturnType<typeof foxdevBackground>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'foxdev-sync-example-'));
    cpSync(join(repoRoot, 'foxdev.config.ts'), join(dir, 'foxdev.config.ts'));
    cpSync(join(repoRoot, 'fixtures/shop'), join(dir, 'fixtures/shop'), { recursive: true });
    up = foxdevBackground(['-C', dir, '-p', NAME, 'up', '--no-tui'], { env });
    await up.waitFor(/web(?:-\d+)? +\| ◆ ready/, 150_000);
  });

  afterAll(async () => {
    up?.child.kill('SIGINT');
    await up?.child;
    await foxdev(['-C', dir, '-p', NAME, 'down', '-v']);
    await purgeProject(NAME);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a source edit changes the HTTP answer', async () => {
    expect(await httpGet('http://127.0.0.1:4330/')).toBe('{"service":"shop api"}');
    const file = join(dir, 'fixtures/shop/api/src/server.js');
    const t0 = Date.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace("const GREETING = 'shop api';", "const GREETING = 'shop api, edited';"));
    await waitFor('the edited answer', async () => ((await httpGet('http://127.0.0.1:4330/')).includes('edited') ? true : undefined), 20_000, 50);
    console.log(`edit → new HTTP answer: ${Date.now() - t0} ms`);
    expect(up.output()).toMatch(/api(?:-\d+)? +\| synced 1 change\(s\) to api/);
  });

  it('a package.json edit runs the exec step in the container', async () => {
    const file = join(dir, 'fixtures/shop/api/package.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'));
    await up.waitFor(/api(?:-\d+)? +\| running `sh -c npm install --offline --no-audit --no-fund` in api because package.json changed/, 30_000);
  });

  it('a Dockerfile edit rebuilds the image, names the file, and the api answers again', async () => {
    appendFileSync(join(dir, 'fixtures/shop/api/Dockerfile'), '\nLABEL edited=yes\n');
    await up.waitFor(/api(?:-\d+)? +\| rebuilding: fixtures\/shop\/api\/Dockerfile changed/, 30_000);
    await up.waitFor(/rebuilding[\s\S]*api(?:-\d+)? +\| ◆ ready/, 120_000);
    expect(await httpGet('http://127.0.0.1:4330/health')).toBe('{"ok":true}');
  });
});
