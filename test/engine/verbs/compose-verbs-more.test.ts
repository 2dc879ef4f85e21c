// The pure parts of ls, images, top, pull and down --rmi: tables, sizes, status, image names.
import { describe, expect, it } from 'vitest';
import { combinedStatus, humanSize, table } from '../../../src/engine/verbs/table.js';
import { projectRows } from '../../../src/engine/verbs/ls.js';
import { pickTag, shortId, splitRef } from '../../../src/engine/verbs/images.js';
import { formatTop } from '../../../src/engine/verbs/top.js';
import { pullTargets } from '../../../src/engine/verbs/pull.js';
import { imagesToRemove } from '../../../src/engine/verbs/remove-images.js';
import { project } from '../../helpers/project.js';

const build = { context: '/src', dockerfile: 'Dockerfile', args: {} };

describe('tables and sizes', () => {
  it('pads each column but the last to its widest cell plus three spaces', () => {
    expect(table([['NAME', 'STATUS'], ['a-long-name', 'running(1)']])).toBe('NAME          STATUS\na-long-name   running(1)');
  });
  it('prints sizes in decimal units with three significant digits, as docker does', () => {
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(999)).toBe('999B');
    expect(humanSize(1_990_000)).toBe('1.99MB');
    expect(humanSize(228_400_000)).toBe('228MB');
    expect(humanSize(1_000_000_000)).toBe('1GB');
  });
  it('counts states in sorted order', () => {
    expect(combinedStatus(['running', 'exited', 'running'])).toBe('exited(1), running(2)');
  });
});

describe('ls', () => {
  it('one row per project, sorted, config files once each', () => {
    const files = 'com.docker.compose.project.config_files';
    const rows = projectRows([
      { labels: { 'dev.foxdev.project': 'b', [files]: '/b/compose.yaml' }, state: 'running' },
      { labels: { 'dev.foxdev.project': 'a', [files]: '/a/compose.yaml,/a/override.yaml' }, state: 'exited' },
      { labels: { 'dev.foxdev.project': 'b', [files]: '/b/compose.yaml' }, state: 'running' },
      { labels: { 'com.docker.compose.project': 'not-ours' }, state: 'running' },
    ]);
    expect(rows).toEqual([
      { Name: 'a', Status: 'exited(1)', ConfigFiles: '/a/compose.yaml,/a/override.yaml' },
      { Name: 'b', Status: 'running(2)', ConfigFiles: '/b/compose.yaml' },
    ]);
  });
});

describe('images', () => {
  it('splits a reference into repository and tag, a registry port is not a tag', () => {
    expect(splitRef('foxdev/busybox:1')).toEqual(['foxdev/busybox', '1']);
    expect(splitRef('localhost:5000/app')).toEqual(['localhost:5000/app', 'latest']);
    expect(splitRef(undefined)).toEqual(['<none>', '<none>']);
  });
  it('prefers the name the container was created from', () => {
    expect(pickTag('b:2', ['a:1', 'b:2'])).toBe('b:2');
    expect(pickTag('b', ['a:1', 'b:latest'])).toBe('b:latest');
    expect(pickTag('sha256:abc', ['a:1'])).toBe('a:1');
  });
  it('short ids are 12 hex digits without the algorithm', () => {
    expect(shortId('sha256:d88491516d4a50385d07')).toBe('d88491516d4a');
  });
});

describe('top', () => {
  it('a block per container: name, aligned table, a blank line between blocks', () => {
    const out = formatTop([
      { name: 'p-a-1', titles: ['UID', 'PID', 'CMD'], processes: [['root', '12', 'sleep 600']] },
      { name: 'p-b-1', titles: ['UID', 'PID', 'CMD'], processes: [] },
    ]);
    expect(out).toBe('p-a-1\nUID    PID   CMD\nroot   12    sleep 600\n\np-b-1\nUID   PID   CMD\n');
  });
});

describe('pull targets', () => {
  const p = project({
    web: { image: 'foxdev/busybox:1' },
    worker: { image: 'foxdev/busybox:1' },
    api: { build },
    both: { build, image: 'me/both:1' },
    host: { kind: 'process', image: undefined },
  });
  it('each image once with its services; build without image skipped; host processes ignored', () => {
    const { targets, skipped } = pullTargets(p, []);
    expect(targets).toEqual([
      { image: 'foxdev/busybox:1', services: ['web', 'worker'], buildable: false },
      { image: 'me/both:1', services: ['both'], buildable: true },
    ]);
    expect(skipped).toEqual(['api']);
  });
  it('names only what is asked; an unknown service is a usage error', () => {
    expect(pullTargets(p, ['api']).targets).toEqual([]);
    expect(() => pullTargets(p, ['nope'])).toThrow(/no such service: nope/);
  });
});

describe('down --rmi', () => {
  const p = project({ web: { image: 'foxdev/busybox:1' }, api: { build }, both: { build, image: 'me/both:1' } }, { name: 'shop' });
  it('local: only the images foxdev built for services with no image', () => {
    expect(imagesToRemove(p, 'local')).toEqual(['shop-api']);
  });
  it('all: every image the services use', () => {
    expect(imagesToRemove(p, 'all')).toEqual(['foxdev/busybox:1', 'shop-api', 'me/both:1']);
  });
});

describe('cp arguments', () => {
  it('SERVICE:PATH is a container end, anything else a host path', async () => {
    const { parseCpArg } = await import('../../../src/engine/verbs/cp.js');
    expect(parseCpArg('web:/tmp/x')).toEqual({ service: 'web', path: '/tmp/x' });
    expect(parseCpArg('./out')).toEqual({ path: './out' });
    expect(parseCpArg('/abs/a:b')).toEqual({ path: '/abs/a:b' });
  });
  it('exactly one end in a container, no empty path', async () => {
    const { checkCpArgs } = await import('../../../src/engine/verbs/cp.js');
    expect(() => checkCpArgs({ path: 'a' }, { path: 'b' })).toThrow(/one of SRC and DEST must be SERVICE:PATH/);
    expect(() => checkCpArgs({ service: 'a', path: '/x' }, { service: 'b', path: '/y' })).toThrow(/between services/);
    expect(() => checkCpArgs({ service: 'a', path: '' }, { path: 'b' })).toThrow(/empty path in a:/);
    expect(() => checkCpArgs({ service: 'a', path: '/x' }, { path: 'b' })).not.toThrow();
  });
  it('a renamed copy replaces only the top-level name of each entry', async () => {
    const { renameEntry } = await import('../../../src/engine/verbs/cp.js');
    expect(renameEntry('tree/a/b.txt', 'copied')).toBe('copied/a/b.txt');
    expect(renameEntry('hello.txt', 'again.txt')).toBe('again.txt');
    expect(renameEntry('tree/a', undefined)).toBe('tree/a');
  });
});

describe('ls --filter', () => {
  const rows = [{ Name: 'shop' }, { Name: 'shop-admin' }, { Name: 'blog' }];
  it('name= matches exactly or as an unanchored regular expression, several filters or-ed', async () => {
    const { filterProjects } = await import('../../../src/engine/verbs/ls.js');
    expect(filterProjects(rows, ['name=blog']).map((r) => r.Name)).toEqual(['blog']);
    expect(filterProjects(rows, ['name=shop']).map((r) => r.Name)).toEqual(['shop', 'shop-admin']);
    expect(filterProjects(rows, ['name=^shop$', 'name=blog']).map((r) => r.Name)).toEqual(['shop', 'blog']);
    expect(filterProjects(rows, ['name=(']).map((r) => r.Name)).toEqual([]);
    expect(filterProjects(rows, [])).toBe(rows);
  });
  it('refuses other filters as compose does', async () => {
    const { filterProjects } = await import('../../../src/engine/verbs/ls.js');
    expect(() => filterProjects(rows, ['status=running'])).toThrow("invalid filter 'status'");
  });
});
