// Engine selection as the docker CLI does it: DOCKER_HOST (unix, tcp, TLS from DOCKER_CERT_PATH,
// ssh), DOCKER_CONTEXT and the current context from the docker config folder, in docker's order.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineEndpoint } from '../../src/runtime/engine-endpoint.js';

function configDir(contexts: Record<string, { host: string; tls?: boolean; skip?: boolean }>, current?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-dockercfg-'));
  if (current) writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: current }));
  for (const [name, c] of Object.entries(contexts)) {
    const id = createHash('sha256').update(name).digest('hex');
    mkdirSync(path.join(dir, 'contexts', 'meta', id), { recursive: true });
    writeFileSync(path.join(dir, 'contexts', 'meta', id, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: c.host, SkipTLSVerify: c.skip === true } } }));
    if (c.tls) {
      const tls = path.join(dir, 'contexts', 'tls', id, 'docker');
      mkdirSync(tls, { recursive: true });
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(tls, f), `${name}-${f}`);
    }
  }
  return dir;
}

describe('engineEndpoint', () => {
  it('defaults to the local socket', () => {
    const ep = engineEndpoint({ DOCKER_CONFIG: configDir({}) });
    expect([ep.display, ep.context, ep.local, ep.options]).toEqual(['unix:///var/run/docker.sock', 'default', true, { socketPath: '/var/run/docker.sock' }]);
  });

  it('reads DOCKER_HOST: unix, tcp (2375), tcp with TLS (2376, the cert files), ssh', () => {
    expect(engineEndpoint({ DOCKER_HOST: 'unix:///tmp/d.sock' }).options).toEqual({ socketPath: '/tmp/d.sock' });
    expect(engineEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5' }).options).toEqual({ host: '10.0.0.5', port: 2375, protocol: 'http' });
    const certs = mkdtempSync(path.join(os.tmpdir(), 'foxdev-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(certs, f), f);
    const tls = engineEndpoint({ DOCKER_HOST: 'tcp://build-box', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs });
    expect(tls.options).toMatchObject({ host: 'build-box', port: 2376, protocol: 'https' });
    expect(String((tls.options as { ca: Buffer }).ca)).toBe('ca.pem');
    expect(tls.local).toBe(false);
    const ssh = engineEndpoint({ DOCKER_HOST: 'ssh://me@big-box:2222' });
    expect(ssh.options).toMatchObject({ protocol: 'ssh', host: 'big-box', port: 2222, username: 'me' });
    expect(engineEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }).local).toBe(true);
  });

  it('DOCKER_TLS_VERIFY without a CA file is one clear line', () => {
    expect(() => engineEndpoint({ DOCKER_HOST: 'tcp://x', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' })).toThrow(/DOCKER_TLS_VERIFY is set but \/nonexistent\/ca.pem does not exist/);
  });

  it('a bad DOCKER_HOST names itself', () => {
    expect(() => engineEndpoint({ DOCKER_HOST: 'ftp://x' })).toThrow('DOCKER_HOST=ftp://x is not a unix://, tcp:// or ssh:// address');
  });

  it('the current context from config.json, DOCKER_CONTEXT over it, DOCKER_HOST over both (docker’s order)', () => {
    const dir = configDir({ remote: { host: 'tcp://remote:2376', tls: true }, other: { host: 'unix:///run/other.sock' } }, 'remote');
    const cur = engineEndpoint({ DOCKER_CONFIG: dir });
    expect([cur.context, cur.source, cur.display, cur.local]).toEqual(['remote', 'current context', 'tcp://remote:2376', false]);
    expect(cur.options).toMatchObject({ host: 'remote', port: 2376, protocol: 'https' });
    expect(String((cur.options as { cert: Buffer }).cert)).toBe('remote-cert.pem');
    const env = engineEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'other' });
    expect([env.context, env.source, env.options]).toEqual(['other', 'DOCKER_CONTEXT', { socketPath: '/run/other.sock' }]);
    const host = engineEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'other', DOCKER_HOST: 'unix:///x.sock' });
    expect([host.context, host.source]).toEqual(['default', 'DOCKER_HOST']);
    expect(engineEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'default' }).display).toBe('unix:///var/run/docker.sock');
  });

  it('SkipTLSVerify in a context turns certificate checking off', () => {
    const dir = configDir({ lab: { host: 'tcp://lab:2376', tls: true, skip: true } });
    expect(engineEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'lab' }).options).toMatchObject({ rejectUnauthorized: false });
  });

  it('an unknown context, or a broken config.json, is one clear line', () => {
    const dir = configDir({});
    expect(() => engineEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'nope' })).toThrow(/context "nope" does not exist/);
    writeFileSync(path.join(dir, 'config.json'), '{ nope');
    expect(() => engineEndpoint({ DOCKER_CONFIG: dir })).toThrow(/config.json: not valid JSON/);
  });
});
