// compose's build keys: the ones the engine's classic builder takes load for every command, the
// BuildKit-only ones are refused at their line by the commands that build (build, up, run,
// create), never dropped, and `config` still prints them.
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { problems, removeTempProjects, tempProject } from './helpers.js';

afterAll(removeTempProjects);

const file = `services:
  app:
    build:
      context: .
      labels: [RESULT=SUCCESS]
      tags: [extra:one]
      cache_from: [app:cache]
      no_cache: true
      extra_hosts: ["h=1.2.3.4"]
      network: host
      shm_size: 64m
      ulimits: { nofile: 1024 }
      platforms: [linux/amd64]
      dockerfile_inline: "FROM busybox"
  kit:
    build:
      context: .
      ssh: [default]
      secrets: [token]
      provenance: false
      platforms: [linux/amd64, linux/arm64]
secrets:
  token: { environment: HOME }
`;

describe('build keys', () => {
  it('applied keys load for a build; BuildKit-only ones are refused where they are, provenance: false asks for nothing', async () => {
    const dir = tempProject({ 'compose.yaml': file });
    const p = await loadProject({ cwd: dir, env: {}, builds: true, services: ['app'] });
    expect(p.services.app.build?.extra).toMatchObject({ labels: { RESULT: 'SUCCESS' }, tags: ['extra:one'], dockerfile_inline: 'FROM busybox' });
    expect(await problems(loadProject({ cwd: dir, env: {}, builds: true }), dir)).toEqual([
      'compose.yaml:18:7: services.kit.build.ssh: foxdev cannot apply "build.ssh": it needs BuildKit, and foxdev builds with the engine’s classic builder',
      'compose.yaml:19:7: services.kit.build.secrets: foxdev cannot apply "build.secrets": it needs BuildKit, and foxdev builds with the engine’s classic builder',
      'compose.yaml:21:7: services.kit.build.platforms: foxdev builds one platform at a time (the engine’s classic builder); got 2: linux/amd64, linux/arm64',
    ]);
    // up refuses them too; config and ps do not.
    expect((await problems(loadProject({ cwd: dir, env: {}, creates: true }), dir))[0]).toMatch(/services\.kit\.build\.ssh/);
    const cfg = await loadProject({ cwd: dir, env: {} });
    expect(cfg.services.kit.build?.extra).toMatchObject({ ssh: ['default'] });
  });
});
