// The whole `foxdev config` command, as a person runs it: the built CLI in a child process.
// Needs `npm run build` first (the test builds once if dist/ has no config command yet).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { removeTempProjects, tempProject } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(repoRoot, 'dist/cli/main.js');
const corpus = path.resolve(repoRoot, '../shared/corpus/awesome-compose');

function foxdev(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(repoRoot, 'dist/cli/config.js'))) execFileSync('npx', ['tsc', '-p', '.'], { cwd: repoRoot, stdio: 'ignore' });
}, 120_000);

afterAll(removeTempProjects);

describe('foxdev config', () => {
  it('five mistakes: five lines, exit code 2, no stack trace', () => {
    const r = foxdev('config', '-C', 'fixtures/config-five-mistakes');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('foxdev: 5 problems in the configuration:');
    const problems = lines.filter((l) => l.startsWith('  fixtures/config-five-mistakes/compose.yaml:'));
    expect(problems).toHaveLength(5);
    expect(problems.map((l) => l.split(': ').slice(2).join(': '))).toEqual([
      'unknown key "restrat" (did you mean "restart"?)',
      'expected a mapping or a list, got boolean true',
      'depends on "databse", which is not a service (did you mean "database"?)',
      'host port 8080/tcp is already published by service "web" (services.web.ports[0])',
      expect.stringMatching(/^sync path \/.*\/fixtures\/outside is outside the project directory \/.*\/fixtures\/config-five-mistakes$/),
    ]);
    expect(lines.at(-1)).toBe('  hint: fix these, then run `foxdev config` to check');
    expect(lines).toHaveLength(7);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints canonical YAML, masks secrets unless asked', () => {
    const dir = path.join(corpus, 'postgresql-pgadmin');
    const masked = parse(foxdev('config', '-C', dir).stdout);
    expect(masked.services.postgres.environment.POSTGRES_PASSWORD).toBe('********');
    expect(masked.services.postgres.environment.POSTGRES_USER).not.toBe('********');
    const shown = parse(foxdev('config', '-C', dir, '--show-secrets').stdout);
    expect(shown.services.postgres.environment.POSTGRES_PASSWORD).toBe('changeit');
  });

  it('--json, --services, -p and -f', () => {
    const dir = path.join(corpus, 'nginx-golang-mysql');
    const json = JSON.parse(foxdev('config', '--json', '-p', 'demo', '-f', path.join(dir, 'compose.yaml')).stdout);
    expect(json.name).toBe('demo');
    expect(json.services.proxy.ports).toEqual([{ protocol: 'tcp', published: 80, target: 80 }]);
    expect(json.services.proxy.depends_on).toEqual({ backend: { condition: 'service_started', required: true } });
    expect(foxdev('config', '--services', '-C', dir).stdout).toBe('db\nbackend\nproxy\n');
  });

  it('--profile enables services; warnings go to stderr', () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  api: { image: "api:${TAG}" }\n  debug: { image: busybox, profiles: [debug], depends_on: [api] }\n',
    });
    expect(foxdev('config', '--services', '-C', dir).stdout).toBe('api\n');
    const r = foxdev('config', '--services', '--profile', 'debug', '-C', dir);
    expect(r.stdout).toBe('api\ndebug\n');
    expect(r.stderr).toBe('foxdev: warning: the TAG variable is not set; using an empty string\n');
  });

  it('a missing project is one clear line', () => {
    const r = foxdev('config', '-C', 'fixtures/does-not-exist-anywhere');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^foxdev: .*does-not-exist-anywhere: no foxdev.config.ts or compose file/);
  });
});
