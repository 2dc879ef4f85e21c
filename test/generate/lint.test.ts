import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions, detectStack, initFiles, STACKS, type Scan } from '../../src/generate/init/index.js';
import { collectLintInputs } from '../../src/generate/lint/collect.js';
import { formatFinding, lintFiles } from '../../src/generate/lint/index.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/lint-bad');

describe('foxdev lint', () => {
  it('finds each planted problem in fixtures/lint-bad at its file and line, and nothing else', () => {
    const findings = lintFiles(collectLintInputs([], FIXTURE), (p) => existsSync(join(FIXTURE, p)));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'api/Dockerfile:5 no-dockerignore',
      'compose.yaml:4 image-tag', // nginx, untagged
      'compose.yaml:5 root-user', // user: root
      'compose.yaml:7 secret', // - SECRET_KEY=abc123
      'compose.yaml:12 image-tag', // postgres:latest
      'compose.yaml:15 secret', // POSTGRES_PASSWORD: example
      'compose.yaml:17 no-healthcheck', // disable: true
      'compose.yaml:18 no-healthcheck', // cache has none
      'compose.yaml:21 no-dockerignore', // build: ./api
      'Dockerfile:3 image-tag', // FROM node
      'Dockerfile:5 no-dockerignore', // first COPY from the context
      'Dockerfile:6 secret', // ARG NPM_TOKEN=…
      'Dockerfile:10 image-tag', // FROM node:latest
      'Dockerfile:10 no-healthcheck', // final stage
      'Dockerfile:12 secret', // API_KEY inside a continued ENV
      'Dockerfile:14 secret', // legacy ENV DB_PASSWORD hunter2
      'Dockerfile:16 root-user', // USER root
    ]);
    expect(formatFinding(findings[0])).toMatch(/^api\/Dockerfile:5: no-dockerignore: /);
  });

  it('leaves references, pinned images and inherited USER/HEALTHCHECK alone', () => {
    const docker = [
      'ARG BASE=node:20-slim',
      'ARG TOKEN',
      'FROM ${BASE} AS base',
      'ENV API_KEY=$API_KEY_FROM_ARG',
      'USER 1000',
      'HEALTHCHECK CMD ["true"]',
      'FROM base',
      'COPY x y',
    ].join('\n');
    const compose = [
      'services:',
      '  a:',
      '    image: ${IMG:-redis:7}',
      '    environment:',
      '      PASSWORD: ${PASSWORD}',
      '      TOKEN:',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '  b:',
      '    image: registry.local:5000/b@sha256:abc',
      '    healthcheck: { test: ["CMD", "true"] }',
    ].join('\n');
    const findings = lintFiles(
      [
        { path: 'Dockerfile', content: docker, kind: 'dockerfile' },
        { path: 'compose.yaml', content: compose, kind: 'compose' },
      ],
      () => true,
    );
    expect(findings).toEqual([]);
  });

  it('a HEALTHCHECK NONE or a root USER set after a good one still counts', () => {
    const f = lintFiles([{ path: 'D', kind: 'dockerfile', content: 'FROM a:1\nUSER app\nHEALTHCHECK CMD ["x"]\nUSER 0:0\nHEALTHCHECK NONE\n' }], () => true);
    expect(f.map((x) => `${x.line} ${x.rule}`)).toEqual(['4 root-user', '5 no-healthcheck']);
  });

  const scan = (stack: string): Scan => ({
    name: 'demo',
    entries: { node: ['package.json', 'package-lock.json'], python: ['requirements.txt', 'app.py'], go: ['go.mod', 'main.go'], static: ['index.html'] }[stack]!,
    cmdDirs: [],
    texts: { node: { 'package.json': '{"scripts":{"test":"node --test"}}' }, python: { 'requirements.txt': '' }, go: { 'go.mod': 'module demo' }, static: {} }[stack]!,
  });
  for (const stack of STACKS) {
    it(`finds nothing in what foxdev init writes (${stack})`, () => {
      const d = detectStack(scan(stack));
      const files = initFiles(d, { ...defaultOptions(scan(stack), d), with: ['postgres', 'redis'] });
      const inputs = files
        .filter((f) => f.path === 'Dockerfile' || f.path.startsWith('compose'))
        .map((f) => ({ path: f.path, content: f.content, kind: f.path === 'Dockerfile' ? ('dockerfile' as const) : ('compose' as const) }));
      expect(inputs).toHaveLength(4);
      const present = new Set(files.map((f) => f.path));
      expect(lintFiles(inputs, (p) => present.has(p.replace(/^\.\//, '')))).toEqual([]);
    });
  }
});
