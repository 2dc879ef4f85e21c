// The small read-only Engine API client `foxdev ps` uses instead of dockerode. A fake engine on
// a unix socket answers both it and dockerode, so the ps rows can be compared: they must be the
// same, whichever client read them.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPs, ps } from '../../src/engine/ps.js';
import { dockerPsEngine, httpPsEngine } from '../../src/runtime/ps-readers.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { loadDockerode } from '../../src/runtime/dockerode-load.js';
import type { EngineEndpoint } from '../../src/runtime/engine-endpoint.js';
import { EngineHttpError, engineGet } from '../../src/runtime/engine-http.js';
import { project } from '../helpers/project.js';

const labels = (service: string) => ({ 'dev.foxdev.project': 'demo', 'dev.foxdev.service': service, 'dev.foxdev.config-hash': 'h' });
const LIST = [
  { Id: 'c-api', Names: ['/demo-api'], State: 'running', Status: 'Up 5 seconds (healthy)', Labels: labels('api'), Ports: [{ PrivatePort: 3000, PublicPort: 4100, Type: 'tcp' }, { PrivatePort: 3000, PublicPort: 4100, Type: 'tcp', IP: '::' }] },
  { Id: 'c-migrate', Names: ['/demo-migrate'], State: 'exited', Status: 'Exited (0) 3 seconds ago', Labels: labels('migrate'), Ports: [] },
  { Id: 'c-db', Names: ['/demo-db'], State: 'running', Status: 'Up 9 seconds', Labels: labels('db'), Ports: [] },
  { Id: 'c-gone', Names: ['/demo-gone'], State: 'exited', Status: 'Exited (1)', Labels: labels('gone'), Ports: [] },
];
const INSPECT: Record<string, object> = {
  'c-api': { Id: 'c-api', RestartCount: 2, State: { Status: 'running', Running: true, ExitCode: 0, StartedAt: '2026-01-01T00:00:05Z', Health: { Status: 'healthy' } } },
  'c-migrate': { Id: 'c-migrate', RestartCount: 0, State: { Status: 'exited', Running: false, ExitCode: 0, StartedAt: '2026-01-01T00:00:01Z' } },
  'c-db': { Id: 'c-db', RestartCount: 0, State: { Status: 'running', Running: true, ExitCode: 0, StartedAt: '2026-01-01T00:00:00Z' } },
  // c-gone is listed but removed before it is inspected: 404.
};

let server: Server;
let dir: string;
let endpoint: EngineEndpoint;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foxdev-engine-http-'));
  const socketPath = join(dir, 'docker.sock');
  endpoint = { display: `unix://${socketPath}`, context: 'default', source: 'test', local: true, options: { socketPath } };
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://docker');
    const path = url.pathname.replace(/^\/v[\d.]+/, ''); // dockerode may prefix an API version
    requests.push(`${req.method} ${path}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/containers/json') {
      const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as { label?: string[] };
      if (url.searchParams.get('all') !== '1' && url.searchParams.get('all') !== 'true') return send(400, { message: 'ps wants stopped containers too' });
      return send(200, filters.label?.includes('dev.foxdev.project=demo') ? LIST : []);
    }
    const m = /^\/containers\/([^/]+)\/json$/.exec(path);
    if (m && INSPECT[decodeURIComponent(m[1])]) return send(200, INSPECT[decodeURIComponent(m[1])]);
    if (path === '/broken') {
      res.writeHead(200);
      return res.end('not json');
    }
    send(404, { message: `No such container: ${path}` });
  });
  await new Promise<void>((r) => server.listen(socketPath, r));
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('engineGet', () => {
  it('parses JSON answers and sends label filters the way the engine reads them', async () => {
    const list = await engineGet<Array<{ Id: string }>>(endpoint, `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ label: ['dev.foxdev.project=demo'] }))}`);
    expect(list.map((c) => c.Id)).toEqual(['c-api', 'c-migrate', 'c-db', 'c-gone']);
  });

  it('rejects with the status code and the engine message on errors', async () => {
    const err = await engineGet(endpoint, '/containers/nope/json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineHttpError);
    expect((err as EngineHttpError).statusCode).toBe(404);
    expect((err as Error).message).toBe('GET /containers/nope/json: 404 No such container: /containers/nope/json');
  });

  it('says so when the answer is not JSON, and when nothing listens', async () => {
    await expect(engineGet(endpoint, '/broken')).rejects.toThrow(/not JSON/);
    await expect(engineGet({ display: 'x', context: 'default', source: 'test', local: true, options: { socketPath: join(dir, 'missing.sock') } }, '/_ping')).rejects.toThrow(/ENOENT/);
  });
});

describe('ps through engine-http', () => {
  const p = project({ db: {}, migrate: { kind: 'job', depends_on: { db: 'service_healthy' } }, api: { depends_on: { migrate: 'service_completed_successfully' } } });

  it('gives the rows dockerode gives, in dependency order, skipping containers gone before inspect', async () => {
    const viaHttp = await ps(httpPsEngine(endpoint), p);
    const Docker = loadDockerode();
    const viaDockerode = await ps(dockerPsEngine(new Docker({ socketPath: endpoint.options.socketPath })), p);
    expect(viaHttp).toEqual(viaDockerode);
    expect(viaHttp).toEqual([
      { service: 'db', kind: 'container', name: 'demo-db', state: 'running', health: 'none', ports: [], restarts: 0, startedAt: '2026-01-01T00:00:00Z' },
      { service: 'migrate', kind: 'job', name: 'demo-migrate', state: 'exited', exitCode: 0, health: 'none', ports: [], restarts: 0 },
      { service: 'api', kind: 'container', name: 'demo-api', state: 'running', health: 'healthy', ports: ['http://localhost:4100->3000/tcp'], restarts: 2, startedAt: '2026-01-01T00:00:05Z' },
    ]);
    expect(JSON.stringify(viaHttp)).toBe(JSON.stringify(viaDockerode)); // --json prints the same bytes
    expect(formatPs(viaHttp, Date.parse('2026-01-01T00:01:05Z'))).toBe(
      [
        'SERVICE  KIND       STATE       HEALTH   UPTIME  RESTARTS  PORTS',
        'db       container  running     none     1m5s    0',
        'migrate  job        exited (0)  none     -       0',
        'api      container  running     healthy  1m      2         http://localhost:4100->3000/tcp',
      ].join('\n'),
    );
  });
});

describe('loadDockerode', () => {
  it('loads dockerode without BuildKit (grpc) or ssh2, and still loads them when first used', async () => {
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    const loadedNames = () => Object.keys(req.cache).filter((k) => /node_modules\/(@grpc|ssh2|protobufjs)\//.test(k));
    dockerClient(); // the shared client goes through loadDockerode
    expect(loadedNames()).toEqual([]);
    // docker-modem's ssh agent factory is a stand-in until called; calling it loads ssh2.
    const sshPath = createRequire(createRequire(req.resolve('dockerode')).resolve('docker-modem')).resolve('./ssh.js');
    const agent = (req(sshPath) as (o: object) => { destroy?: () => void })({ host: 'localhost' });
    expect(agent).toBeDefined();
    expect(loadedNames().some((k) => k.includes('/ssh2/'))).toBe(true);
  });
});
