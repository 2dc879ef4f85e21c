// The compose format beyond the corpus: several files, extends, include, profiles, tags, anchors,
// environment precedence and the COMPOSE_* variables.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCanonical } from '../../src/config/canonical.js';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

describe('several -f files', () => {
  const dir = tempProject({
    'compose.yaml': `
services:
  api:
    image: api:1
    command: ["node", "server.js"]
    environment: { A: "1", B: "2" }
    dns: 1.1.1.1
    ports: ["3000:3000"]
    volumes: ["./src:/app/src", "data:/data"]
    labels: [one=1]
volumes:
  data: {}
`,
    'compose.override.yaml': `
services:
  api:
    command: node --watch server.js
    environment: [B=two, C=3]
    dns: [8.8.8.8]
    ports: ["9229:9229", "3000:3000"]
    volumes: ["./other:/app/src:ro"]
    labels: { two: "2" }
  db:
    image: postgres:16
`,
    'reset.yaml': `
services:
  api:
    ports: !reset []
    environment: !override { ONLY: "this" }
    labels: !reset null
`,
  });

  it('merges with the override rules', async () => {
    const p = await loadProject({ cwd: dir, files: ['compose.yaml', 'compose.override.yaml'], env: {} });
    const api = p.services.api;
    expect(api.command).toEqual(['node', '--watch', 'server.js']); // replaced, not appended
    expect(api.environment).toEqual({ A: '1', B: 'two', C: '3' });
    expect(api.ports.map((x) => `${x.published}:${x.target}`)).toEqual(['3000:3000', '9229:9229']); // unique
    expect(api.volumes.map((v) => `${v.source}:${v.target}:${v.read_only}`)).toEqual([
      `${dir}/other:/app/src:true`, // same target: the later file wins
      'data:/data:false',
    ]);
    expect(api.labels).toEqual({ one: '1', two: '2' });
    expect(api.extra.dns).toEqual(['1.1.1.1', '8.8.8.8']); // string_or_list appends
    expect(Object.keys(p.services)).toEqual(['api', 'db']);
    expect(p.files).toEqual([path.join(dir, 'compose.yaml'), path.join(dir, 'compose.override.yaml')]);
  });

  it('honours !reset and !override', async () => {
    const p = await loadProject({ cwd: dir, files: ['compose.yaml', 'compose.override.yaml', 'reset.yaml'], env: {} });
    expect(p.services.api.ports).toEqual([]);
    expect(p.services.api.environment).toEqual({ ONLY: 'this' });
    expect(p.services.api.labels).toEqual({});
  });

  it('reads COMPOSE_FILE with the path separator', async () => {
    const p = await loadProject({ cwd: dir, env: { COMPOSE_FILE: 'compose.yaml:compose.override.yaml' } });
    expect(Object.keys(p.services)).toEqual(['api', 'db']);
  });
});

describe('extends', () => {
  const dir = tempProject({
    'compose.yaml': `
services:
  base:
    image: app:1
    environment: { LEVEL: base, KEEP: yes }
    healthcheck: { test: curl -f localhost, interval: 5s }
  web:
    extends: base
    environment: { LEVEL: web }
  remote:
    extends: { file: common/services.yaml, service: shared }
    ports: ["8080:80"]
`,
    'common/services.yaml': `
services:
  shared:
    build: ./app
    volumes: ["./conf:/etc/app"]
`,
  });

  it('starts from the named service, in this file or another', async () => {
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.web.image).toBe('app:1');
    expect(p.services.web.environment).toEqual({ LEVEL: 'web', KEEP: 'yes' });
    expect(p.services.web.healthcheck?.test).toEqual(['CMD-SHELL', 'curl -f localhost']);
    expect(p.services.web.healthcheck?.intervalMs).toBe(5000);
    // Paths in the other file are relative to that file.
    expect(p.services.remote.build?.context).toBe(path.join(dir, 'common/app'));
    expect(p.services.remote.volumes[0].source).toBe(path.join(dir, 'common/conf'));
    expect(p.services.remote.ports[0].published).toBe(8080);
  });

  it('reports loops and unknown bases', async () => {
    const bad = tempProject({
      'compose.yaml': `
services:
  a: { image: x, extends: b }
  b: { image: x, extends: a }
  c: { image: x, extends: bse }
  bse2: { image: x }
`,
    });
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual([
      'services.a.extends: extends loops: a → b → a',
      'services.b.extends: extends loops: b → a → b',
      'services.c.extends: extends "bse", which is not a service in ' + path.join(bad, 'compose.yaml') + ' (did you mean "bse2"?)',
    ]);
  });
});

describe('include', () => {
  it('loads another project relative to its own directory', async () => {
    const dir = tempProject({
      'compose.yaml': `
include:
  - db/compose.yaml
services:
  api: { image: api, depends_on: [db] }
`,
      'db/compose.yaml': `
name: dbproject
services:
  db:
    image: postgres:\${PG_VERSION}
    volumes: ["./init:/docker-entrypoint-initdb.d"]
`,
      'db/.env': 'PG_VERSION=16\n',
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.db.image).toBe('postgres:16');
    expect(p.services.db.volumes[0].source).toBe(path.join(dir, 'db/init'));
    expect(p.services.api.depends_on.db.condition).toBe('service_started');
    expect(p.name).toBe(path.basename(dir).toLowerCase());
  });

  it('reports a service defined in both', async () => {
    const dir = tempProject({
      'compose.yaml': 'include: [other.yaml]\nservices:\n  api: { image: a }\n',
      'other.yaml': 'services:\n  api: { image: b }\n',
    });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual(['compose.yaml: services.api: "api" is also defined by included file other.yaml']);
  });
});

describe('profiles', () => {
  const dir = tempProject({
    'compose.yaml': `
services:
  api: { image: api, depends_on: { tools: { condition: service_started, required: false } } }
  tools: { image: tools, profiles: [debug] }
  admin: { image: admin, profiles: [debug, ops], depends_on: [api] }
`,
  });

  it('leaves out services of inactive profiles, and optional dependencies on them', async () => {
    const p = await loadProject({ cwd: dir, env: {} });
    expect(Object.keys(p.services)).toEqual(['api']);
    expect(p.services.api.depends_on).toEqual({});
  });

  it('enables profiles from --profile or COMPOSE_PROFILES', async () => {
    expect(Object.keys((await loadProject({ cwd: dir, profiles: ['ops'], env: {} })).services)).toEqual(['api', 'admin']);
    const p = await loadProject({ cwd: dir, env: { COMPOSE_PROFILES: 'debug' } });
    expect(Object.keys(p.services)).toEqual(['api', 'tools', 'admin']);
    expect(p.profiles).toEqual(['debug']);
    expect(Object.keys((await loadProject({ cwd: dir, profiles: ['*'], env: {} })).services)).toHaveLength(3);
  });

  it('reports a required dependency on a disabled service', async () => {
    const bad = tempProject({ 'compose.yaml': 'services:\n  api: { image: a, depends_on: [tools] }\n  tools: { image: t, profiles: [debug] }\n' });
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual([
      'compose.yaml:2:33: services.api.depends_on.tools: depends on "tools", which is not enabled (profiles: debug)',
    ]);
  });
});

describe('environment', () => {
  const dir = tempProject({
    '.env': 'FROM_DOTENV=dotenv\nBOTH=dotenv\nTAG=1.0\nCOMPOSE_PROJECT_NAME=fromdotenv\n',
    'app.env': 'FROM_FILE=file\nBOTH=file\nSET_IN_SERVICE=file\n',
    'compose.yaml': `
services:
  api:
    image: "api:\${TAG}"
    env_file: app.env
    environment:
      - SET_IN_SERVICE=service
      - BOTH=\${BOTH}
      - PASSTHROUGH
      - MISSING
      - DB_PASSWORD=hunter2
      - API_TOKEN=t0k3n
      - PASSWORD_FILE=/run/secrets/pw
`,
  });

  it('takes the shell over .env over env_file, and passes through named variables', async () => {
    const p = await loadProject({ cwd: dir, env: { BOTH: 'shell', PASSTHROUGH: 'from-shell' } });
    expect(p.services.api.image).toBe('api:1.0');
    expect(p.services.api.environment).toEqual({
      FROM_FILE: 'file',
      BOTH: 'shell',
      SET_IN_SERVICE: 'service',
      PASSTHROUGH: 'from-shell',
      DB_PASSWORD: 'hunter2',
      API_TOKEN: 't0k3n',
      PASSWORD_FILE: '/run/secrets/pw',
    });
    expect(p.name).toBe('fromdotenv');
  });

  it('project name: -p over COMPOSE_PROJECT_NAME over name: over the directory', async () => {
    expect((await loadProject({ cwd: dir, projectName: 'given', env: {} })).name).toBe('given');
    expect((await loadProject({ cwd: dir, env: { COMPOSE_PROJECT_NAME: 'shell' } })).name).toBe('shell');
    const named = tempProject({ 'compose.yaml': 'name: fromfile\nservices: { a: { image: a } }\n' });
    expect((await loadProject({ cwd: named, env: {} })).name).toBe('fromfile');
    const plain = tempProject({ 'docker-compose.yml': 'services: { a: { image: a } }\n' });
    expect((await loadProject({ cwd: plain, env: {} })).name).toBe(path.basename(plain).toLowerCase());
  });

  it('masks secret-looking values unless asked', async () => {
    const p = await loadProject({ cwd: dir, env: {} });
    const masked = toCanonical(p) as { services: { api: { environment: Record<string, string> } } };
    expect(masked.services.api.environment.DB_PASSWORD).toBe('********');
    expect(masked.services.api.environment.API_TOKEN).toBe('********');
    expect(masked.services.api.environment.PASSWORD_FILE).toBe('/run/secrets/pw');
    expect(masked.services.api.environment.FROM_FILE).toBe('file');
    const shown = toCanonical(p, { showSecrets: true }) as typeof masked;
    expect(shown.services.api.environment.DB_PASSWORD).toBe('hunter2');
  });

  it('warns about variables that are not set', async () => {
    const d = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: "a:${TAG}"\n    environment: [\"X=${OK:-1}\"]\n' });
    expect((await loadProject({ cwd: d, env: {} })).warnings).toEqual(['the TAG variable is not set; using an empty string']);
    expect((await loadProject({ cwd: d, env: { TAG: '1' } })).warnings).toBeUndefined();
  });

  it('reports a required variable with its location', async () => {
    const bad = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: "a:${TAG:?set TAG first}"\n' });
    expect(await problems(loadProject({ cwd: bad, env: {} }), bad)).toEqual([
      'compose.yaml:3:5: services.a.image: required variable TAG is missing a value: set TAG first',
    ]);
  });
});

describe('syntax', () => {
  it('reads anchors, merge keys and x- extensions', async () => {
    const dir = tempProject({
      'compose.yaml': `
x-common: &common
  restart: unless-stopped
  environment: { SHARED: "1" }
  logging: { driver: local }
services:
  a:
    <<: *common
    image: a
  b:
    <<: *common
    image: b
    restart: on-failure:3
    x-team: payments
`,
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.a.restart).toBe('unless-stopped');
    expect(p.services.a.environment).toEqual({ SHARED: '1' });
    expect(p.services.a.extra.logging).toEqual({ driver: 'local' });
    expect(p.services.b.restart).toBe('on-failure');
    expect(p.services.b.restartMaxRetries).toBe(3);
    expect(p.services.b.extra['x-team']).toBe('payments');
    expect(p.extensions?.['x-common']).toMatchObject({ restart: 'unless-stopped' });
    expect((toCanonical(p) as { services: { b: { restart: string } } }).services.b.restart).toBe('on-failure:3');
  });

  it('reads long syntax of ports, volumes, depends_on, healthcheck, build and secrets', async () => {
    const dir = tempProject({
      'compose.yaml': `
services:
  api:
    build: { context: ./api, dockerfile: Dev.Dockerfile, target: dev, args: [VERSION=1, FROM_ENV] }
    ports:
      - { target: 80, published: "8080", host_ip: 127.0.0.1, protocol: udp }
      - "3000-3001:4000-4001"
    volumes:
      - { type: bind, source: ./conf, target: /etc/conf/, read_only: true }
      - { type: tmpfs, target: /tmp, tmpfs: { size: 1000 } }
    depends_on:
      db: { condition: service_healthy, restart: true }
    healthcheck: { disable: true }
    secrets: [token, { source: cert, target: /certs/c.pem, mode: 0400 }]
    stop_grace_period: 1m30s
  db:
    image: postgres
    healthcheck:
      test: ["CMD", "pg_isready"]
      interval: 500ms
      timeout: 2s
      retries: 10
      start_period: 1m
secrets:
  token: { environment: API_TOKEN }
  cert: { file: ./cert.pem }
`,
    });
    const p = await loadProject({ cwd: dir, env: { FROM_ENV: 'env' } });
    const api = p.services.api;
    expect(api.build).toEqual({ context: path.join(dir, 'api'), dockerfile: 'Dev.Dockerfile', target: 'dev', args: { VERSION: '1', FROM_ENV: 'env' } });
    expect(api.ports).toEqual([
      { target: 80, published: 8080, host_ip: '127.0.0.1', protocol: 'udp' },
      { target: 4000, published: 3000, protocol: 'tcp' },
      { target: 4001, published: 3001, protocol: 'tcp' },
    ]);
    expect(api.volumes).toEqual([
      { type: 'bind', source: path.join(dir, 'conf'), target: '/etc/conf', read_only: true },
      { type: 'tmpfs', target: '/tmp', read_only: false, tmpfs: { size: 1000 } },
    ]);
    expect(api.depends_on).toEqual({ db: { condition: 'service_healthy', required: true, restart: true } });
    expect(api.healthcheck?.test).toEqual(['NONE']);
    expect(api.stopGracePeriodMs).toBe(90_000);
    expect(api.extra.secrets).toEqual([{ source: 'token' }, { source: 'cert', target: '/certs/c.pem', mode: 0o400 }]);
    expect(p.secrets?.cert).toEqual({ file: path.join(dir, 'cert.pem') });
    expect(p.services.db.healthcheck).toEqual({ test: ['CMD', 'pg_isready'], intervalMs: 500, timeoutMs: 2000, retries: 10, startPeriodMs: 60_000 });
  });

  it('maps develop.watch onto sync rules', async () => {
    const dir = tempProject({
      'compose.yaml': `
services:
  web:
    build: .
    develop:
      watch:
        - { action: sync, path: ./src, target: /app/src, ignore: [node_modules/] }
        - { action: rebuild, path: package.json }
        - { action: sync+restart, path: ./conf, target: /etc/web }
        - { action: sync+exec, path: ./lib, target: /app/lib, exec: { command: npm run build } }
        - { action: restart, path: ./env }
`,
      // Sync paths must exist (host-files.ts).
      'src/a.js': '', 'package.json': '{}', 'conf/a.conf': '', 'lib/a.js': '', env: '',
    });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.services.web.sync).toEqual([
      { path: path.join(dir, 'src'), target: '/app/src', action: 'sync', ignore: ['node_modules/'], include: [], initialSync: false },
      { path: path.join(dir, 'package.json'), action: 'rebuild', ignore: [], include: [], initialSync: false },
      { path: path.join(dir, 'conf'), target: '/etc/web', action: 'sync+restart', ignore: [], include: [], initialSync: false },
      { path: path.join(dir, 'lib'), target: '/app/lib', action: 'sync+exec', exec: ['sh', '-c', 'npm run build'], ignore: [], include: [], initialSync: false },
      { path: path.join(dir, 'env'), action: 'restart', ignore: [], include: [], initialSync: false },
    ]);
    expect(p.services.web.extra.develop).toBeUndefined();
  });

  it('reports broken foxdev keys and invalid values without tripping over them', async () => {
    const dir = tempProject({
      'compose.yaml': `
services:
  web:
    image: nginx
    healthcheck: { test: curl, interval: soon, retries: many }
    restart: sometimes
    x-foxdev:
      ready: { interval: 1s }
      seed: { postgres: { database: 1 } }
      sync: [{ target: /x }]
`,
    });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      'compose.yaml:5:32: services.web.healthcheck.interval: expected a duration such as "500ms", "2s" or "1m30s", got "soon"',
      'compose.yaml:5:48: services.web.healthcheck.retries: expected a whole number, got "many"',
      'compose.yaml:6:5: services.web.restart: expected "no", "always", "on-failure[:N]" or "unless-stopped", got "sometimes"',
      'compose.yaml:8:7: services.web.x-foxdev.ready: a probe needs one of "http", "tcp", "exec" or "log"',
      'compose.yaml:9:15: services.web.x-foxdev.seed.postgres: missing required key "files"',
      'compose.yaml:9:27: services.web.x-foxdev.seed.postgres.database: expected a string, got number 1',
      'compose.yaml:10:14: services.web.x-foxdev.sync[0]: missing required key "path"',
    ]);
  });

  it('points at the develop.watch entry whose path leaves the project', async () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: w\n    develop:\n      watch:\n        - { action: sync, path: ./src, target: /src }\n        - { action: rebuild, path: ../elsewhere }\n',
      'src/a.js': '',
    });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      `compose.yaml:7:30: services.web.develop.watch[1].path: sync path ${path.resolve(dir, '../elsewhere')} is outside the project directory ${dir}`,
    ]);
  });

  it('reads empty sections as empty', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  a: { image: a }\nvolumes:\nnetworks:\n' });
    const p = await loadProject({ cwd: dir, env: {} });
    expect(p.volumes).toEqual({});
    expect(Object.keys(p.networks)).toEqual(['default']);
  });

  it('reports YAML syntax errors with their position', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: [unclosed\n' });
    const found = await problems(loadProject({ cwd: dir, env: {} }), dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^compose\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('reports undeclared volumes, networks and secrets with a did-you-mean', async () => {
    const dir = tempProject({
      'compose.yaml': `
services:
  a:
    image: a
    volumes: [dbdata:/data]
    networks: [front]
    secrets: [tokn]
volumes: { db-data: {} }
networks: { frontend: {} }
secrets: { token: { file: ./t } }
`,
    });
    expect(await problems(loadProject({ cwd: dir, env: {} }), dir)).toEqual([
      'compose.yaml:5:15: services.a.volumes[0]: uses volume "dbdata", which is not declared under top-level "volumes" (did you mean "db-data"?)',
      'compose.yaml:6:16: services.a.networks.front: uses network "front", which is not declared under top-level "networks"',
      'compose.yaml:7:15: services.a.secrets[0]: uses secret "tokn", which is not declared under top-level "secrets" (did you mean "token"?)',
    ]);
  });
});
