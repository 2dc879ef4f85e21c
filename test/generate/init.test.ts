import { mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FoxdevError } from '../../src/errors.js';
import { defaultOptions, detectStack, initFiles, scanDir, type Scan } from '../../src/generate/init/index.js';
import { parseDockerfile } from '../../src/generate/lint/dockerfile-parse.js';
import { runInit } from '../../src/cli/init.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const scan = (entries: string[], texts: Record<string, string> = {}, cmdDirs: string[] = []): Scan => ({ name: 'Demo App', entries, texts, cmdDirs });
const tmp = () => mkdtempSync(join(tmpdir(), 'foxdev-init-'));

function filesFor(s: Scan, over: Record<string, unknown> = {}) {
  const d = detectStack(s);
  return Object.fromEntries(initFiles(d, { ...defaultOptions(s, d), ...over }).map((f) => [f.path, f.content]));
}

describe('detect', () => {
  it('tells Node package managers apart by lockfile', () => {
    const pkg = { 'package.json': '{"main":"app.js","scripts":{"dev":"x","test":"y"}}' };
    expect(detectStack(scan(['package.json', 'pnpm-lock.yaml'], pkg))).toMatchObject({ stack: 'node', packageManager: 'pnpm', entry: 'app.js', manifests: ['package.json', 'pnpm-lock.yaml'], scripts: ['dev', 'test'] });
    expect(detectStack(scan(['package.json', 'yarn.lock'], pkg)).packageManager).toBe('yarn');
    expect(detectStack(scan(['package.json', 'package-lock.json'], pkg)).packageManager).toBe('npm');
  });

  it('recognises Python, Go and static sites', () => {
    expect(detectStack(scan(['requirements.txt', 'main.py'], { 'requirements.txt': 'flask\npsycopg2' }))).toMatchObject({ stack: 'python', entry: 'main.py', mentions: ['postgres'] });
    expect(detectStack(scan(['pyproject.toml', 'svc/', 'svc/__main__.py'], { 'pyproject.toml': '[project]\ndependencies=["pytest"]' }))).toMatchObject({ stack: 'python', manifests: ['pyproject.toml'], entry: 'svc/' });
    expect(detectStack(scan(['go.mod', 'go.sum', 'cmd/'], { 'go.mod': 'module x' }, ['server']))).toMatchObject({ stack: 'go', entry: './cmd/server', manifests: ['go.mod', 'go.sum'] });
    expect(detectStack(scan(['index.html']))).toMatchObject({ stack: 'static', entry: 'index.html' });
  });

  it('says what it knows when it cannot tell', () => {
    const err = (() => { try { detectStack(scan(['README.md'])); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(FoxdevError);
    expect((err as FoxdevError).kind).toBe('usage');
    expect((err as FoxdevError).hint).toMatch(/--stack/);
  });

  it('reports a broken package.json as a config error', () => {
    expect(() => detectStack(scan(['package.json'], { 'package.json': '{"name": ' }))).toThrow(expect.objectContaining({ kind: 'config', message: 'package.json is not valid JSON' }));
  });

  it('offers the backing services the code mentions and a clean project name', () => {
    const s = scan(['package.json'], { 'package.json': '{"dependencies":{"pg":"8","ioredis":"5"}}' });
    expect(defaultOptions(s, detectStack(s))).toMatchObject({ project: 'demo-app', with: ['postgres', 'redis'], port: 3000 });
  });
});

describe('the Dockerfile', () => {
  const stacks: Record<string, Scan> = {
    node: scan(['package.json', 'package-lock.json'], { 'package.json': '{"scripts":{"build":"tsc","test":"vitest"}}' }),
    python: scan(['requirements.txt', 'requirements-dev.txt', 'app.py'], { 'requirements.txt': '', 'requirements-dev.txt': 'pytest' }),
    go: scan(['go.mod', 'main.go'], { 'go.mod': 'module x' }),
    static: scan(['index.html']),
  };
  for (const [stack, s] of Object.entries(stacks)) {
    it(`${stack}: dev, test and prod targets; pinned base from a build arg; non-root prod with healthcheck`, () => {
      const text = filesFor(s)['Dockerfile'];
      const ins = parseDockerfile(text);
      const froms = ins.filter((i) => i.keyword === 'FROM').map((i) => i.args);
      for (const t of ['dev', 'test', 'prod']) expect(froms.some((f) => f.endsWith(` AS ${t}`))).toBe(true);
      // The base image is a build argument with a tagged real-world default.
      const args = ins.filter((i) => i.keyword === 'ARG' && i.line < ins.find((x) => x.keyword === 'FROM')!.line);
      expect(args.length).toBeGreaterThan(0);
      for (const a of args) expect(a.args).toMatch(/^[A-Z_]+_IMAGE=[\w./-]+:[\w.-]+$/);
      expect(froms.every((f) => f.startsWith('${') || /^[a-z-]+ AS /.test(f))).toBe(true);
      // The last stage is prod: numeric non-root USER, exec-form HEALTHCHECK, EXPOSE, owned copies.
      const prodAt = ins.findIndex((i) => i.keyword === 'FROM' && i.args.endsWith(' AS prod'));
      expect(ins.slice(prodAt + 1).some((i) => i.keyword === 'FROM')).toBe(false);
      const prod = ins.slice(prodAt + 1);
      expect(prod.find((i) => i.keyword === 'USER')?.args).toMatch(/^[1-9]\d*:[1-9]\d*$/);
      expect(prod.find((i) => i.keyword === 'HEALTHCHECK')?.args).toMatch(/CMD \["/);
      expect(prod.find((i) => i.keyword === 'EXPOSE')?.args).toBe(String(defaultOptions(s, detectStack(s)).port));
      for (const c of prod.filter((i) => i.keyword === 'COPY')) expect(c.args).toMatch(/--chown=\d+:\d+/);
      // Build tools stay in build stages.
      expect(prod.some((i) => i.keyword === 'RUN' && /npm ci|pip install|go build/.test(i.args))).toBe(false);
    });
  }

  it('copies dependency manifests and installs before the source arrives', () => {
    for (const s of [stacks.node, stacks.python, stacks.go]) {
      const ins = parseDockerfile(filesFor(s)['Dockerfile']);
      const install = ins.findIndex((i) => i.keyword === 'RUN' && /npm ci|pip install|go mod download/.test(i.args));
      const manifests = ins.findIndex((i) => i.keyword === 'COPY' && !i.args.includes('--from') && !/ \. \.?\/?$|\. \/www$/.test(i.args));
      const source = ins.findIndex((i) => i.keyword === 'COPY' && /(^| )\. \.$/.test(i.args));
      expect(manifests).toBeGreaterThanOrEqual(0);
      expect(manifests).toBeLessThan(install);
      expect(install).toBeLessThan(source);
    }
  });

  it('uses the project scripts and package manager', () => {
    const text = filesFor(stacks.node)['Dockerfile'];
    expect(text).toContain('RUN npm run build && rm -rf node_modules');
    expect(text).toContain('RUN ["npm", "run", "test"]');
    expect(text).toContain('CMD ["node", "--watch", "index.js"]');
    const pnpm = filesFor(scan(['package.json', 'pnpm-lock.yaml'], { 'package.json': '{}' }))['Dockerfile'];
    expect(pnpm).toContain('pnpm install --frozen-lockfile --prod');
    expect(filesFor(stacks.python)['Dockerfile']).toContain('RUN python3 -m pytest -q');
  });
});

describe('compose and foxdev.config.ts', () => {
  const s = scan(['package.json', 'package-lock.json', 'src/'], { 'package.json': '{}' });
  const files = filesFor(s, { with: ['postgres', 'redis'], service: 'api', port: 4000 });

  it('compose.yaml: healthchecks everywhere and depends_on waiting for healthy services', () => {
    const c = parse(files['compose.yaml']);
    expect(Object.keys(c.services)).toEqual(['api', 'postgres', 'redis']);
    for (const svc of Object.values(c.services) as any[]) expect(svc.healthcheck.test[0]).toBe('CMD');
    expect(c.services.api.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(c.services.api.ports).toEqual(['4000:4000']);
    expect(c.services.api.build).toEqual({ context: '.', target: 'prod', args: { NODE_IMAGE: '${NODE_IMAGE:-node:20-bookworm-slim}' } });
    expect(c.volumes).toEqual({ 'postgres-data': {}, 'redis-data': {} });
  });

  it('override is dev; prod has restart policies, limits and a required password', () => {
    const dev = parse(files['compose.override.yaml']);
    expect(dev.services.api.build.target).toBe('dev');
    const prod = parse(files['compose.prod.yaml']);
    for (const svc of Object.values(prod.services) as any[]) {
      expect(svc.restart).toBe('unless-stopped');
      expect(svc.deploy.resources.limits).toHaveProperty('memory');
    }
    expect(prod.services.api).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    expect(prod.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('foxdev.config.ts syncs the source folder and seeds the database', () => {
    const ts = files['foxdev.config.ts'];
    expect(ts).toContain("import { defineConfig } from 'foxdev';");
    expect(ts).toMatch(/path: 'src',\n\s+target: '\/app\/src',\n\s+action: 'sync'/);
    expect(ts).toContain("files: ['db/seed/*.sql']");
    expect(files['db/seed/001_example.sql']).toMatch(/CREATE TABLE/);
  });

  it('what init writes loads as a foxdev project with the sync rule and seed', async () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'init-node'), dir, { recursive: true });
    await runInit(dir, { yes: true, with: 'postgres' }, { write: () => undefined });
    const { loadProject } = await import('../../src/config/load.js');
    const project = await loadProject({ cwd: dir, env: {} });
    expect(Object.keys(project.services).sort()).toEqual(['app', 'postgres']);
    expect(project.services.app.sync[0]).toMatchObject({ target: '/app', action: 'sync' });
    expect(project.services.app.depends_on.postgres.condition).toBe('service_healthy');
    expect(project.services.postgres.seed).toMatchObject({ kind: 'postgres', database: 'app' });
  });

  it('fixture outputs match their snapshots', async () => {
    for (const fx of ['init-node', 'init-python']) {
      const sc = scanDir(join(FIXTURES, fx));
      const d = detectStack(sc);
      for (const f of initFiles(d, defaultOptions(sc, d))) await expect(f.content).toMatchFileSnapshot(`__snapshots__/${fx}/${f.path === '.dockerignore' ? 'dockerignore' : f.path}`);
    }
  });
});

describe('foxdev init (command)', () => {
  it('never overwrites a file without --force', async () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'init-python'), dir, { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM mine:1\n');
    const out: string[] = [];
    await runInit(dir, { yes: true }, { write: (s) => out.push(s) });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM mine:1\n');
    expect(out.join('')).toContain('kept  Dockerfile (exists and differs; --dry-run shows the diff, --force overwrites)');
    expect(existsSync(join(dir, 'compose.yaml'))).toBe(true);
    const compose = readFileSync(join(dir, 'compose.yaml'), 'utf8');
    writeFileSync(join(dir, 'compose.yaml'), '# edited\n');
    await runInit(dir, { yes: true }, { write: () => undefined });
    expect(readFileSync(join(dir, 'compose.yaml'), 'utf8')).toBe('# edited\n');
    await runInit(dir, { yes: true, force: true }, { write: () => undefined });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('AS prod');
    expect(readFileSync(join(dir, 'compose.yaml'), 'utf8')).toBe(compose);
  });

  it('asks on a terminal; flags win over questions', async () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'init-node'), dir, { recursive: true });
    const asked: string[] = [];
    const answers: Record<string, string> = { 'Port the app listens on': '4100', 'Backing services (postgres,redis or none)': 'redis' };
    await runInit(dir, { service: 'web' }, { write: () => undefined, ask: async (q, suggestion) => (asked.push(`${q} [${suggestion}]`), answers[q] ?? '') });
    expect(asked).toEqual(['Project name [foxdev-init-' + dir.split('foxdev-init-')[1].toLowerCase() + ']', 'Port the app listens on [3000]', 'Health check path [/health]', 'Backing services (postgres,redis or none) [none]']);
    const c = parse(readFileSync(join(dir, 'compose.yaml'), 'utf8'));
    expect(Object.keys(c.services)).toEqual(['web', 'redis']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('EXPOSE 4100');
  });

  it('rejects bad flags as usage errors', async () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'init-node'), dir, { recursive: true });
    await expect(runInit(dir, { yes: true, with: 'mongo' }, { write: () => undefined })).rejects.toMatchObject({ kind: 'usage' });
    await expect(runInit(dir, { yes: true, port: '99999' }, { write: () => undefined })).rejects.toMatchObject({ kind: 'usage' });
    await expect(runInit(dir, { stack: 'cobol' }, { write: () => undefined })).rejects.toMatchObject({ kind: 'usage' });
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
  });
});
