// A recreated container keeps the old one's anonymous volumes (compose's behaviour), nothing else.
import { describe, expect, it } from 'vitest';
import { inheritAnonymousVolumes } from '../../src/plan/inherit-volumes.js';

const anon = 'f'.repeat(64);
describe('inheritAnonymousVolumes', () => {
  it('gives a source-less volume mount the old anonymous volume at its target', () => {
    const body = { HostConfig: { Mounts: [{ Type: 'volume', Target: '/data' }, { Type: 'volume', Source: 'p_db', Target: '/db' }] } };
    const out = inheritAnonymousVolumes(body, [{ type: 'volume', name: anon, destination: '/data' }, { type: 'volume', name: 'p_db', destination: '/db' }], ['p_db']);
    expect(out.HostConfig).toEqual({ Mounts: [{ Type: 'volume', Source: anon, Target: '/data' }, { Type: 'volume', Source: 'p_db', Target: '/db' }] });
  });
  it("mounts an image VOLUME's old anonymous volume again; binds and other targets win", () => {
    const body = { HostConfig: { Binds: ['/src:/app'], Mounts: [] } };
    const old = [{ type: 'volume', name: anon, destination: '/var/lib/postgresql/data' }, { type: 'volume', name: 'e'.repeat(64), destination: '/app' }, { type: 'bind', destination: '/etc/x' }];
    expect(inheritAnonymousVolumes(body, old, []).HostConfig).toEqual({ Binds: ['/src:/app'], Mounts: [{ Type: 'volume', Source: anon, Target: '/var/lib/postgresql/data' }] });
  });
  it('changes nothing without anonymous volumes', () => {
    const body = { HostConfig: { Mounts: [] } };
    expect(inheritAnonymousVolumes(body, [{ type: 'bind', destination: '/x' }], [])).toBe(body);
  });
});
