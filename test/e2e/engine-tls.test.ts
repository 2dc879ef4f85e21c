// An engine reached over TCP with TLS, chosen by DOCKER_HOST + DOCKER_TLS_VERIFY/DOCKER_CERT_PATH
// and by a Docker context (--context, and docker's current context), the way the docker CLI
// chooses it. The test makes its own CA, server and client certificates (openssl) and a TLS
// endpoint on loopback that demands the client certificate and forwards to the local engine's
// socket — the same bytes a `dockerd --tlsverify -H tcp://…` would answer. A wrong CA gives one
// clear line about TLS.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const work = mkdtempSync(path.join(os.tmpdir(), 'foxdev-tls-'));
const project = `tls-${process.pid}`;
let server: tls.Server;
let port = 0;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: work, stdio: 'pipe' });
}

/** CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA; and a second, unrelated CA. */
function makeCertificates(): void {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=foxdev test CA');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other-ca-key.pem', '-out', 'other-ca.pem', '-days', '2', '-subj', '/CN=someone else');
  writeFileSync(path.join(work, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(path.join(work, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const who of ['server', 'client']) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}-key.pem`, '-out', `${who}.csr`, '-subj', `/CN=${who === 'server' ? '127.0.0.1' : 'client'}`);
    openssl('x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${who}.pem`, '-days', '2', '-extfile', `${who}.ext`);
  }
}

/** A docker-style cert folder: ca.pem, cert.pem, key.pem. */
function certDir(name: string, ca = 'ca.pem'): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(work, ca), path.join(dir, 'ca.pem'));
  copyFileSync(path.join(work, 'client.pem'), path.join(dir, 'cert.pem'));
  copyFileSync(path.join(work, 'client-key.pem'), path.join(dir, 'key.pem'));
  return dir;
}

describe.runIf(hasEngine)('an engine over TCP with TLS', () => {
  beforeAll(async () => {
    makeCertificates();
    const read = (f: string) => readFileSync(path.join(work, f));
    server = tls.createServer({ key: read('server-key.pem'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (client) => {
      const engine = net.connect('/var/run/docker.sock');
      client.pipe(engine).pipe(client);
      const end = () => (client.destroy(), engine.destroy());
      client.on('error', end);
      engine.on('error', end);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    writeFileSync(path.join(work, 'compose.yaml'), 'services:\n  a:\n    image: foxdev/busybox:1\n    command: ["sleep", "3600"]\n    init: true\n');
  });

  afterAll(async () => {
    await purgeProject(project);
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('DOCKER_HOST=tcp://… with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH: up, ps, doctor, down', async () => {
    const env = { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir('certs') };
    const up = await foxdev(['-C', work, '-p', project, 'up', '-d'], { env });
    expect(up.exitCode, up.all).toBe(0);
    expect((await projectContainers(project)).map((c) => c.state)).toEqual(['running']);
    const ps = await foxdev(['-C', work, '-p', project, 'ps'], { env });
    expect(ps.stdout, ps.all).toMatch(new RegExp(`^${project}-a-1\\s+\\S+\\s+"[^"]*"\\s+a\\s+.* ago\\s+Up `, 'm'));
    const doctor = await foxdev(['doctor'], { env });
    expect(doctor.stdout).toContain(`tcp://127.0.0.1:${port} (from DOCKER_HOST), local`);
    expect(doctor.stdout).toMatch(/ok\s+engine\s+Docker/);
    const down = await foxdev(['-C', work, '-p', project, 'down'], { env });
    expect(down.exitCode, down.all).toBe(0);
    expect(await projectContainers(project)).toEqual([]);
  });

  it('a Docker context: --context NAME, and docker’s current context from config.json', async () => {
    const config = path.join(work, 'docker-config');
    const id = createHash('sha256').update('tls-box').digest('hex');
    mkdirSync(path.join(config, 'contexts', 'meta', id), { recursive: true });
    writeFileSync(path.join(config, 'contexts', 'meta', id, 'meta.json'), JSON.stringify({ Name: 'tls-box', Metadata: {}, Endpoints: { docker: { Host: `tcp://127.0.0.1:${port}`, SkipTLSVerify: false } } }));
    const tlsDir = path.join(config, 'contexts', 'tls', id, 'docker');
    mkdirSync(tlsDir, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) copyFileSync(path.join(certDir('ctx-certs'), f), path.join(tlsDir, f));

    // --context wins over a DOCKER_HOST that points nowhere, as in docker.
    const flag = await foxdev(['--context', 'tls-box', '-C', work, '-p', project, 'up', '-d'], { env: { DOCKER_CONFIG: config, DOCKER_HOST: 'unix:///nonexistent.sock' } });
    expect(flag.exitCode, flag.all).toBe(0);
    writeFileSync(path.join(config, 'config.json'), JSON.stringify({ currentContext: 'tls-box' }));
    const doctor = await foxdev(['doctor'], { env: { DOCKER_CONFIG: config } });
    expect(doctor.stdout).toContain(`tcp://127.0.0.1:${port} (context tls-box, from current context)`);
    const down = await foxdev(['-C', work, '-p', project, 'down'], { env: { DOCKER_CONFIG: config } });
    expect(down.exitCode, down.all).toBe(0);
    expect(await projectContainers(project)).toEqual([]);
    const missing = await foxdev(['--context', 'nope', '-C', work, '-p', project, 'ps'], { env: { DOCKER_CONFIG: config } });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^foxdev: context "nope" does not exist/);
  });

  it('a certificate from the wrong CA: one line that says TLS, no stack trace', async () => {
    const env = { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir('wrong', 'other-ca.pem') };
    const r = await foxdev(['-C', work, '-p', project, 'up', '-d'], { env });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`cannot reach the Docker engine at tcp://127.0.0.1:${port}: TLS failed`));
    expect(r.stderr).toContain('check the certificates');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
