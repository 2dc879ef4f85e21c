// The /build query foxdev sends for a prepared build: compose's build keys and the build flags
// become the engine's parameters (the e2e in compose-e2e-build checks the image they make).
import { describe, expect, it } from 'vitest';
import { buildQuery, INLINE_DOCKERFILE } from '../../../src/runtime/docker/build-options.js';
import type { PreparedBuild } from '../../../src/runtime/build-prepare.js';

const prepared = (extra: Record<string, unknown>, flags?: PreparedBuild['flags']): PreparedBuild => ({
  project: 'p',
  service: 'web',
  tag: 'p-web',
  build: { context: '/x', dockerfile: 'Dockerfile', args: { A: '1' }, extra },
  files: [],
  hash: 'h1',
  ...(flags ? { flags } : {}),
});

describe('build query', () => {
  it('maps labels, tags, cache_from, extra_hosts, network, shm_size, ulimits, no_cache, pull, one platform', () => {
    const q = buildQuery(
      prepared({
        labels: { RESULT: 'SUCCESS' },
        tags: ['extra:one', 'extra:two'],
        cache_from: ['p-web:cache'],
        extra_hosts: ['somehost=1.2.3.4', 'other:5.6.7.8'],
        network: 'host',
        shm_size: '64m',
        ulimits: { nofile: { soft: 100, hard: 200 }, nproc: 50 },
        no_cache: true,
        pull: 'true',
        platforms: ['linux/amd64'],
      }),
    );
    expect(q).toMatchObject({
      t: ['p-web', 'extra:one', 'extra:two'],
      dockerfile: 'Dockerfile',
      buildargs: { A: '1' },
      labels: { RESULT: 'SUCCESS', 'dev.foxdev.project': 'p', 'dev.foxdev.service': 'web', 'dev.foxdev.build-hash': 'h1' },
      cachefrom: '["p-web:cache"]',
      extrahosts: ['somehost:1.2.3.4', 'other:5.6.7.8'],
      networkmode: 'host',
      shmsize: 64 * 1024 * 1024,
      nocache: true,
      pull: true,
      platform: 'linux/amd64',
    });
    expect(JSON.parse(q.ulimits as string)).toEqual([
      { Name: 'nofile', Soft: 100, Hard: 200 },
      { Name: 'nproc', Soft: 50, Hard: 50 },
    ]);
  });

  it('flags add nocache, pull and memory; an inline Dockerfile is named in the context; nothing extra by default', () => {
    expect(buildQuery(prepared({}, { noCache: true, pull: true, memory: 1 << 20 }))).toMatchObject({ nocache: true, pull: true, memory: 1 << 20 });
    expect(buildQuery(prepared({ dockerfile_inline: 'FROM x' })).dockerfile).toBe(INLINE_DOCKERFILE);
    const plain = buildQuery(prepared({}));
    for (const k of ['nocache', 'pull', 'memory', 'cachefrom', 'ulimits', 'extrahosts', 'networkmode', 'shmsize', 'platform']) expect(plain).not.toHaveProperty(k);
  });
});
