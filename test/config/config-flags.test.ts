// `foxdev config`'s compose flags, as a person runs them (the built CLI in a child process):
// cases adapted from docker/compose pkg/e2e config_test.go (TestLocalComposeConfig,
// TestLocalComposeConfigNoConsistency), env_file_test.go (TestUnusedMissingEnvFile) and
// compose_environment_test.go (TestEnvInterpolation*), plus the variable extractor and the
// `run -e KEY` resolution, unit-tested.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempProjects, tempProject } from './helpers.js';
import { modelVariables } from '../../src/config/variables.js';
import { resolveBareEnv } from '../../src/cli/bare-env.js';
import { loadProject } from '../../src/config/load.js';
import { containerSpec } from '../../src/plan/container-spec.js';
import { toCanonical } from '../../src/config/canonical.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(repoRoot, 'dist/cli/main.js');

function foxdev(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [main, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(removeTempProjects);

describe('config flags (compose e2e TestLocalComposeConfig)', () => {
  const dir = tempProject({ 'compose.yaml': 'services:\n  test:\n    image: test\n    ports:\n      - ${PORT:-8080}:80\n  other:\n    image: other\n' });

  it('--format json carries the resolved port; an unknown format is one line', () => {
    const r = foxdev(dir, ['config', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).services.test.ports[0]).toMatchObject({ target: 80, published: 8080 });
    const bad = foxdev(dir, ['config', '--format', 'toml']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toBe('foxdev: unsupported format "toml" (yaml or json)\n');
  });

  it('--no-interpolate keeps the expression; naming a service warns that filtering is not applied', () => {
    expect(foxdev(dir, ['config', '--no-interpolate']).stdout).toContain('- ${PORT:-8080}:80');
    const named = foxdev(dir, ['config', '--no-interpolate', 'test']);
    expect(named.stdout).toContain('- ${PORT:-8080}:80');
    expect(named.stderr).toContain('service filtering is not applied when --no-interpolate is set');
  });

  it('--variables as json (compose indents by 4), yaml, and a table by default', () => {
    expect(foxdev(dir, ['config', '--variables', '--format', 'json']).stdout).toContain(
      '{\n    "PORT": {\n        "Name": "PORT",\n        "DefaultValue": "8080",\n        "PresenceValue": "",\n        "Required": false\n    }\n}',
    );
    expect(foxdev(dir, ['config', '--variables', '--format', 'yaml']).stdout).toContain('PORT:\n    name: PORT\n    defaultvalue: "8080"\n    presencevalue: ""\n    required: false');
    const table = foxdev(dir, ['config', '--variables', 'test']);
    expect(table.stdout).toMatch(/^NAME +REQUIRED +DEFAULT VALUE +ALTERNATE VALUE\nPORT +false +8080\n$/);
    expect(table.stderr).toContain('service filtering is not applied when --variables is set');
  });

  it('naming a service prints it and what it needs only; -q prints nothing; -o writes the file', () => {
    const one = foxdev(dir, ['config', 'other']);
    expect(one.stdout).toContain('other:');
    expect(one.stdout).not.toContain('test:');
    expect(foxdev(dir, ['config', '-q'])).toMatchObject({ code: 0, stdout: '' });
    const file = path.join(dir, 'out.yaml');
    expect(foxdev(dir, ['config', '-o', file]).stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('image: test');
    expect(foxdev(dir, ['config', 'nope']).stderr).toContain('no such service: nope');
  });

  it('refuses what needs a registry, and prints the images and the interpolation environment', () => {
    expect(foxdev(dir, ['config', '--resolve-image-digests']).stderr).toMatch(/^foxdev: config --resolve-image-digests is not supported: .*registry/);
    expect(foxdev(dir, ['config', '--images']).stdout).toBe('other\ntest\n');
    expect(foxdev(dir, ['config', '--environment'], { ZZ_FOXDEV: 'x' }).stdout).toContain('ZZ_FOXDEV=x\n');
  });
});

describe('config --no-consistency and the lists (compose e2e TestLocalComposeConfigNoConsistency)', () => {
  const dir = tempProject({
    'compose.yaml':
      'services:\n  incomplete:\n    volumes:\n      - data:/data\n    networks:\n      - internal\n    models:\n      llm:\n  gated:\n    profiles: ["extra"]\nvolumes:\n  data:\nnetworks:\n  internal:\nmodels:\n  llm:\n    model: ai/example\n',
  });
  it('lists services, volumes, networks, models, profiles and hashes of a model that would fail the checks', () => {
    expect(foxdev(dir, ['config', '--services']).code).not.toBe(0); // no image: the checks fail it
    expect(foxdev(dir, ['config', '--no-consistency', '--services']).stdout).toBe('incomplete\n');
    expect(foxdev(dir, ['config', '--no-consistency', '--volumes']).stdout).toBe('data\n');
    expect(foxdev(dir, ['config', '--no-consistency', '--networks']).stdout).toBe('internal\n');
    expect(foxdev(dir, ['config', '--no-consistency', '--models']).stdout).toBe('ai/example\n');
    expect(foxdev(dir, ['config', '--profiles']).stdout).toBe('extra\n');
    expect(foxdev(dir, ['config', '--no-consistency', '--hash', '*']).stdout).toMatch(/^incomplete [0-9a-f]{16}\n$/);
    expect(foxdev(dir, ['--profile', 'extra', 'config', '--no-consistency', '--services']).stdout).toContain('gated');
  });
});

describe('config --hash (compose e2e TestUnusedMissingEnvFile, TestConfigHashMatchesContainerLabel)', () => {
  const dir = tempProject({
    'compose.yaml': 'services:\n  serviceA:\n    image: nginx:latest\n  serviceB:\n    image: nginx:latest\n    env_file:\n      - /doesnotexist/.env\n',
  });
  it('hashes a service whose env files are fine; the one with a missing env_file fails unless --no-env-resolution', () => {
    expect(foxdev(dir, ['config', '--hash', 'serviceA']).stdout).toMatch(/^serviceA [0-9a-f]{16}\n$/);
    const b = foxdev(dir, ['config', '--hash', 'serviceB']);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain('env file /doesnotexist/.env not found');
    expect(foxdev(dir, ['config', '--no-env-resolution', '--hash', 'serviceB']).code).toBe(0);
    expect(foxdev(dir, ['config', '--hash', '*']).stderr).toContain('env file /doesnotexist/.env not found');
    expect(foxdev(dir, ['config', '--services']).stdout).toBe('serviceA\nserviceB\n');
  });
  it('is the config hash the container is created with, services sorted by name', async () => {
    const p = await loadProject({ cwd: dir, env: {}, services: ['serviceA'] });
    const want = containerSpec(p, p.services.serviceA, 'nginx:latest').hash;
    expect(foxdev(dir, ['config', '--hash', 'serviceA']).stdout).toBe(`serviceA ${want}\n`);
  });
});

describe('interpolation and environment passthrough (compose e2e TestEnvInterpolation, TestUnsetEnv, TestEnvPriority)', () => {
  it('a shell variable wins over .env when interpolating; else the .env default applies', () => {
    const dir = tempProject({ '.env': 'WHEREAMI=EnvFile\nIMAGE=default_env:${WHEREAMI}\n', 'compose.yaml': 'services:\n  env-interpolation:\n    image: bash\n    environment:\n      IMAGE: ${IMAGE}\n' });
    expect(foxdev(dir, ['config'], { WHEREAMI: 'shell' }).stdout).toContain('IMAGE: default_env:shell');
    const dflt = tempProject({ '.env': 'IMAGE=default_env:${WHEREAMI:-EnvFileDefaultValue}\n', 'compose.yaml': 'services:\n  s:\n    image: bash\n    environment:\n      IMAGE: ${IMAGE}\n' });
    expect(foxdev(dflt, ['config']).stdout).toContain('IMAGE: default_env:EnvFileDefaultValue');
  });

  it('environment: [NAME] set nowhere is passed bare (the engine unsets the image ENV) and printed as null', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  s:\n    image: x\n    environment:\n      - EMPTY\n      - SET\n' });
    const p = await loadProject({ cwd: dir, env: { SET: 'yes' } });
    expect(containerSpec(p, p.services.s, 'x').body.Env).toEqual(['EMPTY', 'SET=yes']);
    expect((toCanonical(p).services as Record<string, { environment: unknown }>).s.environment).toEqual({ EMPTY: null, SET: 'yes' });
    const withValue = await loadProject({ cwd: dir, env: { SET: 'yes', EMPTY: 'hello' } });
    expect(containerSpec(withValue, withValue.services.s, 'x').body.Env).toEqual(['EMPTY=hello', 'SET=yes']);
  });

  it('run -e KEY: the shell first, then the project .env; set in neither, left out', () => {
    expect(resolveBareEnv(['A', 'B', 'C', 'D=given'], { A: 'dotenv', B: 'dotenv' }, { A: 'shell' })).toEqual(['A=shell', 'B=dotenv', 'D=given']);
  });
});

describe('modelVariables', () => {
  it('finds every form, nested defaults included, and skips $$', () => {
    const vars = modelVariables({ a: '${A:-x}', b: ['$B', '$$NOT', '${C:?need it}', { d: '${D:+alt} ${E-${F}}' }] });
    expect(Object.keys(vars).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(vars.A).toEqual({ Name: 'A', DefaultValue: 'x', PresenceValue: '', Required: false });
    expect(vars.C.Required).toBe(true);
    expect(vars.D.PresenceValue).toBe('alt');
    expect(vars.E.DefaultValue).toBe('${F}');
  });
});
