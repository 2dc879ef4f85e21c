// The config hash decides reuse vs recreate: stable under key order, changed by anything that
// changes the container, untouched by sync rules, ready probes and seeds.
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/config/project.js';
import { containerSpec } from '../../src/plan/container-spec.js';
import { project, type ServiceInput } from '../helpers/project.js';

const base: ServiceInput = {
  environment: { A: '1', B: '2' },
  ports: [{ target: 8080, published: 4100, protocol: 'tcp' }],
  command: ['sh', '-c', 'serve'],
  healthcheck: { test: ['CMD', 'true'], intervalMs: 2000, timeoutMs: 1000, retries: 3, startPeriodMs: 500 },
};
const specOf = (s: ServiceInput, image = 'foxdev/busybox:1', buildHash?: string) => {
  const p = project({ api: s });
  return containerSpec(p, p.services.api, image, buildHash);
};
const hashOf = (s: ServiceInput, image?: string, buildHash?: string) => specOf(s, image, buildHash).hash;

describe('containerSpec hash', () => {
  it('does not depend on key order', () => {
    const reordered: ServiceInput = {
      healthcheck: { retries: 3, startPeriodMs: 500, timeoutMs: 1000, intervalMs: 2000, test: ['CMD', 'true'] },
      command: ['sh', '-c', 'serve'],
      ports: [{ protocol: 'tcp', published: 4100, target: 8080 }],
      // Environment entries in another order are the same environment.
      environment: { B: '2', A: '1' },
    };
    expect(hashOf(reordered)).toBe(hashOf(base));
  });

  it('changes with the environment, the command, ports, the image and the build hash', () => {
    const h = hashOf(base);
    expect(hashOf({ ...base, environment: { A: '1', B: '3' } })).not.toBe(h);
    expect(hashOf({ ...base, environment: { A: '1' } })).not.toBe(h);
    expect(hashOf({ ...base, command: ['sh', '-c', 'serve --fast'] })).not.toBe(h);
    expect(hashOf({ ...base, ports: [{ target: 8080, published: 4101, protocol: 'tcp' }] })).not.toBe(h);
    expect(hashOf(base, 'foxdev/busybox:2')).not.toBe(h);
    expect(hashOf(base, 'demo-api:foxdev', 'aaaa')).not.toBe(hashOf(base, 'demo-api:foxdev', 'bbbb'));
  });

  it('ignores sync rules, ready probes and seeds: editing them never recreates the container', () => {
    const h = hashOf(base);
    const extras: Partial<Service> = {
      sync: [{ path: '/work/demo/src', target: '/app/src', action: 'sync', ignore: [], include: [], initialSync: true }],
      ready: [{ kind: 'http', url: 'http://localhost:4100/', status: 200, intervalMs: 100, timeoutMs: 1000, retries: 3, startPeriodMs: 0 }],
      seed: { kind: 'command', command: ['sh', '-c', 'seed'], where: 'container', files: ['/work/demo/seed.sql'], dependents: 'none' },
    };
    expect(hashOf({ ...base, ...extras })).toBe(h);
  });

  it('is written on the container as a label, beside project and service', () => {
    const spec = specOf(base);
    expect(spec.name).toBe('demo-api-1');
    expect(spec.body.Labels).toMatchObject({ 'dev.foxdev.project': 'demo', 'dev.foxdev.service': 'api', 'dev.foxdev.config-hash': spec.hash });
    // compose's labels too, so `docker compose ps` and tools that read them see the same stack.
    expect(spec.body.Labels).toMatchObject({
      'com.docker.compose.project': 'demo',
      'com.docker.compose.service': 'api',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
    });
  });
});

describe('containerSpec body', () => {
  it('turns compose fields into the Engine API create body', () => {
    const { body } = specOf(base);
    expect(body.Env).toEqual(['A=1', 'B=2']);
    expect(body.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(body.Healthcheck).toEqual({ Test: ['CMD', 'true'], Interval: 2e9, Timeout: 1e9, Retries: 3, StartPeriod: 5e8 });
    const host = body.HostConfig as Record<string, unknown>;
    expect(host.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '', HostPort: '4100' }] });
    // foxdev restarts containers itself (with backoff), never the engine.
    expect(host.RestartPolicy).toEqual({ Name: '' });
    expect(body.NetworkingConfig).toEqual({ EndpointsConfig: { demo_default: { Aliases: ['api'] } } });
  });

  it('names the engine-side volume for a named volume mount', () => {
    const { body } = specOf({ volumes: [{ type: 'volume', source: 'data', target: '/data', read_only: true }] });
    expect((body.HostConfig as { Mounts: unknown }).Mounts).toEqual([{ Type: 'volume', Source: 'demo_data', Target: '/data', ReadOnly: true }]);
  });
});
