// The lint and generate commands as library calls (src/cli/*.ts export their bodies).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../src/cli/generate.js';
import { runInit } from '../../src/cli/init.js';
import { runLint } from '../../src/cli/lint.js';
import type { K8sObject } from '../../src/generate/k8s/index.js';
import { validateObject } from './k8s-validate.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

async function initProject(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'foxdev-gen-'));
  cpSync(join(FIXTURES, 'init-node'), dir, { recursive: true });
  await runInit(dir, { yes: true, with: 'postgres,redis' }, { write: () => undefined });
  return dir;
}

describe('foxdev lint (command)', () => {
  it('exits 1 and prints file:line for each finding', async () => {
    const out: string[] = [];
    expect(await runLint([], join(FIXTURES, 'lint-bad'), {}, (s) => out.push(s))).toBe(1);
    const text = out.join('');
    expect(text).toContain('Dockerfile:16: root-user: the final stage runs as root');
    expect(text).toMatch(/17 findings in 4 files\n$/);
  });

  it('exits 0 on what init wrote; --json gives the findings as data', async () => {
    const dir = await initProject();
    const out: string[] = [];
    expect(await runLint([], dir, {}, (s) => out.push(s))).toBe(0);
    expect(out.join('')).toBe('4 files checked, no findings\n');
    const json: string[] = [];
    await runLint(['Dockerfile'], join(FIXTURES, 'lint-bad'), { json: true }, (s) => json.push(s));
    expect(JSON.parse(json.join('')).map((f: { line: number }) => f.line)).toEqual([3, 5, 6, 10, 10, 12, 14, 16]);
  });

  it('a path that does not exist is a usage error', async () => {
    await expect(runLint(['nope'], FIXTURES, {}, () => undefined)).rejects.toMatchObject({ kind: 'usage' });
  });
});

describe('foxdev generate (command)', () => {
  it('k8s: loads the project init wrote and writes valid manifests with notes', async () => {
    const dir = await initProject();
    const err: string[] = [];
    await runGenerate('k8s', { projectDir: dir }, { env: 'prod', namespace: 'demo', tag: '1.0.0', imagePrefix: 'reg.example/t' }, { out: () => undefined, err: (s) => err.push(s) });
    const out = join(dir, 'deploy/k8s-prod');
    expect(readdirSync(out).sort()).toEqual(['app.yaml', 'postgres.yaml', 'redis.yaml', 'volumes.yaml']);
    const objects = readdirSync(out).flatMap((f) => parseAllDocuments(readFileSync(join(out, f), 'utf8')).map((d) => d.toJS() as K8sObject));
    for (const o of objects) expect(() => validateObject(o)).not.toThrow();
    const app = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'app') as any;
    expect(app.spec.template.spec.containers[0].image).toBe('reg.example/t/foxdev-gen-' + dir.split('foxdev-gen-')[1].toLowerCase() + '-app:1.0.0');
    expect(app.spec.template.spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-postgres', 'wait-for-redis']);
    expect(objects.every((o) => o.metadata.namespace === 'demo')).toBe(true);
    expect(objects.map((o) => o.kind)).toContain('HorizontalPodAutoscaler');
    expect(err.join('')).toContain('note: postgres: root filesystem left writable');
  });

  it('helm: writes the chart to --out', async () => {
    const dir = await initProject();
    await runGenerate('helm', { projectDir: dir }, { out: 'chart' }, { out: () => undefined, err: () => undefined });
    for (const f of ['Chart.yaml', 'values.yaml', 'values-dev.yaml', 'values-prod.yaml', 'templates/_helpers.tpl', 'templates/app.yaml']) {
      expect(existsSync(join(dir, 'chart', f)), f).toBe(true);
    }
  });

  it('rejects bad flags before loading anything', async () => {
    const io = { out: () => undefined, err: () => undefined };
    await expect(runGenerate('k8s', { projectDir: '/nonexistent' }, { env: 'staging' }, io)).rejects.toMatchObject({ kind: 'usage' });
    await expect(runGenerate('k8s', { projectDir: '/nonexistent' }, { requests: 'gpu=1' }, io)).rejects.toMatchObject({ kind: 'usage' });
  });

  it('rejects values Kubernetes would refuse, naming the flag', async () => {
    const io = { out: () => undefined, err: () => undefined };
    const bad: Array<[Record<string, string>, string]> = [
      [{ namespace: 'Bad_NS!' }, '--namespace "Bad_NS!" is not a Kubernetes namespace'],
      [{ volumeSize: 'huge' }, '--volume-size "huge" is not a Kubernetes quantity'],
      [{ tag: 'has space' }, '--tag "has space" is not an image tag'],
      [{ limits: 'memory=lots' }, '--limits "lots" is not a Kubernetes quantity for memory'],
    ];
    for (const [flags, message] of bad) {
      await expect(runGenerate('k8s', { projectDir: '/nonexistent' }, flags, io)).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining(message) });
    }
  });

  it('keeps a hand-edited file unless --force, shows the diff with --dry-run, and refuses --out naming a file', async () => {
    const dir = await initProject();
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
    };
    const first = io();
    expect(await runGenerate('k8s', { projectDir: dir }, { out: 'k8s' }, first.io)).toBe(0);
    const file = join(dir, 'k8s/app.yaml');
    const edited = readFileSync(file, 'utf8').replace('replicas: 1', 'replicas: 7');
    writeFileSync(file, edited);

    const again = io();
    expect(await runGenerate('k8s', { projectDir: dir }, { out: 'k8s' }, again.io)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(again.err.join('')).toMatch(/kept \S*k8s\/app\.yaml: it differs from what generate writes/);
    expect(again.out.join('')).toMatch(/wrote 0 files to \S*k8s \(\d+ unchanged\)/);

    const dry = io();
    expect(await runGenerate('k8s', { projectDir: dir }, { out: 'k8s', dryRun: true }, dry.io)).toBe(0);
    expect(dry.out.join('')).toContain('-  replicas: 7');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    expect(await runGenerate('k8s', { projectDir: dir }, { out: 'k8s', force: true }, io().io)).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(edited);

    await expect(runGenerate('k8s', { projectDir: dir }, { out: 'k8s/app.yaml' }, io().io)).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('is a file, not a folder') });
  });
});
