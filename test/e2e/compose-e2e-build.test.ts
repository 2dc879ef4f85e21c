// Adapted from docker/compose pkg/e2e/build_test.go (TestLocalComposeBuild and the build keys):
// `build` names unnamed images `<project>-<service>` and named ones by `image:`, prints the
// builder's steps on stdout; --build-arg KEY=VALUE and KEY (from the shell) reach the Dockerfile's
// ARG; build.args and build.labels are applied; `up -d` prints the build on stdout, a second
// `up -d` does not build again, `up -d --build` does; --push leaves unnamed images alone; --quiet
// prints nothing. Beyond the compose test: build.tags, dockerfile_inline, extra_hosts, ulimits and
// shm_size reach the build container; --no-cache builds again without the cache; BuildKit-only
// keys and flags are refused with one line, exit 2.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { BUSYBOX, scenario, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();
let s: Scenario | undefined;
const images: string[] = [];
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
  for (const img of images.splice(0)) await dockerClient().getImage(img).remove({ force: true }).catch(() => {});
});

const labelsOf = async (image: string) => (await dockerClient().getImage(image).inspect()).Config.Labels ?? {};

describe.runIf(hasEngine)('compose e2e: build', () => {
  it('TestLocalComposeBuild: named and unnamed images, --build-arg, build args and labels, up -d builds once, --push, --quiet', async () => {
    s = scenario('build', {
      'compose.yaml': `services:
  web:
    build: web
    command: sleep infinity
    init: true
  web2:
    build:
      context: web2
      args: { IMAGE: ${BUSYBOX.split(':')[0]}, TAG: "${BUSYBOX.split(':')[1]}" }
      labels: [RESULT=SUCCESS]
    image: foxdev-e2e-custom-${process.pid}
    command: sleep infinity
    init: true
`,
    });
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${s.dir}/web/static`, { recursive: true });
    writeFileSync(`${s.dir}/web/static/index.html`, 'hello\n');
    writeFileSync(`${s.dir}/web/Dockerfile`, `FROM ${BUSYBOX}\nARG FOO\nLABEL FOO=$FOO\nCOPY static /www\n`);
    mkdirSync(`${s.dir}/web2`);
    writeFileSync(`${s.dir}/web2/Dockerfile`, 'ARG IMAGE=666\nARG TAG=666\nFROM ${IMAGE}:${TAG}\nRUN echo "SUCCESS"\n');
    const unnamed = `${s.project}-web`;
    const named = `foxdev-e2e-custom-${process.pid}`;
    images.push(unnamed, named);

    const b = await s.fx(['build']);
    expect(b.exitCode, b.all).toBe(0);
    expect(b.stdout).toContain('COPY static /www');
    expect((await dockerClient().getImage(unnamed).inspect()).RepoTags).toContain(`${unnamed}:latest`);
    expect(await labelsOf(named)).toMatchObject({ RESULT: 'SUCCESS' });

    expect((await s.fx(['build', '--build-arg', 'FOO=BAR'])).exitCode).toBe(0);
    expect(await labelsOf(unnamed)).toMatchObject({ FOO: 'BAR' });
    expect((await s.fx(['build', '--build-arg', 'FOO'], { FOO: 'FROM_SHELL' })).exitCode).toBe(0);
    expect(await labelsOf(unnamed)).toMatchObject({ FOO: 'FROM_SHELL' });

    const up = await s.fx(['up', '-d', '--build']);
    expect(up.exitCode, up.all).toBe(0);
    expect(up.stdout).toContain('COPY static /www');
    const again = await s.fx(['up', '-d']);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.stdout).not.toContain('COPY static');
    const rebuilt = await s.fx(['up', '-d', '--build']);
    expect(rebuilt.stdout).toContain('COPY static /www');

    const push = await s.fx(['build', '--push', 'web']);
    expect(push.exitCode, push.all).toBe(0);
    expect(push.all).not.toContain('failed to push');

    const quiet = await s.fx(['build', '--quiet', '--no-cache']);
    expect(quiet.exitCode, quiet.all).toBe(0);
    expect(quiet.stdout).toBe('');
  });

  it('build keys reach the build container: dockerfile_inline, tags, extra_hosts, ulimits, shm_size; --no-cache runs every step again', async () => {
    const extraTag = `foxdev-e2e-extra-${process.pid}:one`;
    s = scenario('buildkeys', {
      'compose.yaml': `services:
  probe:
    build:
      context: .
      dockerfile_inline: |
        FROM ${BUSYBOX}
        RUN grep somehost /etc/hosts > /hosts.txt; ulimit -n > /nofile.txt; df -k /dev/shm | tail -1 > /shm.txt; date +%s%N > /stamp.txt
        CMD cat /hosts.txt /nofile.txt /shm.txt /stamp.txt
      extra_hosts: ["somehost=162.242.195.82"]
      ulimits: { nofile: { soft: 1000, hard: 2000 } }
      shm_size: 128m
      tags: [${extraTag}]
`,
    });
    images.push(`${s.project}-probe`, extraTag);
    const b = await s.fx(['build']);
    expect(b.exitCode, b.all).toBe(0);
    expect((await dockerClient().getImage(extraTag).inspect()).Id).toBe((await dockerClient().getImage(`${s.project}-probe`).inspect()).Id);
    const r = await s.fx(['run', '--rm', 'probe']);
    expect(r.exitCode, r.all).toBe(0);
    const [hosts, nofile, shm, stamp] = r.stdout.trim().split('\n');
    expect(hosts).toMatch(/^162\.242\.195\.82\s+somehost$/);
    expect(nofile).toBe('1000');
    expect(shm).toMatch(/^shm\s+131072\s/);
    // --no-cache: the RUN step runs again, so the stamp it wrote changes.
    expect((await s.fx(['build', '--no-cache'])).exitCode).toBe(0);
    const r2 = await s.fx(['run', '--rm', 'probe']);
    expect(r2.stdout.trim().split('\n')[3]).not.toBe(stamp);
  });

  it('BuildKit-only keys and flags are refused with one line, exit 2; a push that cannot reach its registry is one line, exit 1', async () => {
    s = scenario('buildrefuse', {
      'compose.yaml': `services:
  kit:
    build:
      context: .
      ssh: [default]
  pushed:
    build: .
    image: 127.0.0.1:9/foxdev-e2e-push-${process.pid}
`,
      Dockerfile: `FROM ${BUSYBOX}\n`,
    });
    images.push(`127.0.0.1:9/foxdev-e2e-push-${process.pid}`);
    const key = await s.fx(['build', 'kit']);
    expect(key.exitCode).toBe(2);
    expect(key.stderr).toMatch(/compose\.yaml:5:7: services\.kit\.build\.ssh: foxdev cannot apply "build\.ssh": it needs BuildKit/);
    const up = await s.fx(['up', '-d', 'kit']);
    expect(up.exitCode).toBe(2);
    for (const flag of [['--ssh', 'default'], ['--builder', 'x'], ['--print'], ['--check']]) {
      const r = await s.fx(['build', ...flag, 'pushed']);
      expect(r.exitCode, flag.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`build ${flag[0]}:`);
    }
    const push = await s.fx(['build', '--push', 'pushed']);
    expect(push.exitCode, push.all).toBe(1);
    expect(push.stderr).toMatch(/^foxdev: failed to push 127\.0\.0\.1:9\/foxdev-e2e-push-\d+: /m);
    expect(push.stderr).not.toMatch(/\n\s+at /);
  });
});
