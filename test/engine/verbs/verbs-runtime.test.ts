// The compose verbs over the fake runtime: now that they take a Runtime instead of a client, the
// logic between the engine's answers and the lines they print (which containers, which errors
// are fine, what each says) is tested without Docker. The e2e tests prove the same on the engine.
import { describe, expect, it } from 'vitest';
import { LABEL_PROJECT, LABEL_SERVICE } from '../../../src/names/labels.js';
import { killServices } from '../../../src/engine/verbs/kill.js';
import { listProjects } from '../../../src/engine/verbs/ls.js';
import { pauseServices } from '../../../src/engine/verbs/pause.js';
import { removeImages } from '../../../src/engine/verbs/remove-images.js';
import { projectImages } from '../../../src/engine/verbs/images.js';
import { projectTop } from '../../../src/engine/verbs/top.js';
import { waitServices } from '../../../src/engine/verbs/wait.js';
import { removeContainers, rmTargets } from '../../../src/engine/verbs/rm.js';
import { findContainer } from '../../../src/engine/seed/command.js';
import { FakeRuntime } from '../../helpers/fake-runtime.js';
import { project } from '../../helpers/project.js';

const p = project({ web: { image: 'foxdev/busybox:1' }, api: { image: 'foxdev/busybox:1' } }, { name: 'shop' });

async function withContainers(running: string[], stopped: string[] = []): Promise<FakeRuntime> {
  const rt = new FakeRuntime();
  for (const s of [...running, ...stopped]) {
    const id = await rt.createContainer(`shop-${s}-1`, { Labels: { [LABEL_PROJECT]: 'shop', [LABEL_SERVICE]: s, 'foxdev.test/image': 'foxdev/busybox:1' } });
    if (running.includes(s)) await rt.startContainer(id);
  }
  return rt;
}

describe('verbs over a Runtime', () => {
  it('kill signals the running containers only and says so for each', async () => {
    const rt = await withContainers(['web'], ['api']);
    const lines: string[] = [];
    expect(await killServices(rt, p, [], 'hup', (l) => lines.push(l))).toBe(1);
    expect(rt.calls).toContain('signal web SIGHUP');
    expect(lines).toEqual([expect.stringMatching(/shop-web-1 +Killed \(SIGHUP\)/)]);
  });

  it('pause and unpause ask every container that is up, and pass on the engine’s refusal (exit 1), as compose', async () => {
    const rt = await withContainers(['web', 'api']);
    await pauseServices(rt, p, ['web'], true, () => {});
    expect(rt.of('web')[0].state).toBe('paused');
    await expect(pauseServices(rt, p, ['web'], true, () => {})).rejects.toThrow(/is already paused/);
    const lines: string[] = [];
    await pauseServices(rt, p, ['web'], false, (l) => lines.push(l));
    expect(lines).toEqual([expect.stringMatching(/^Container .*web.* Unpaused$/)]);
    expect(rt.of('web')[0].state).toBe('running');
    // Nothing is paused now: unpausing every service is refused by the engine.
    await expect(pauseServices(rt, p, [], false, () => {})).rejects.toThrow(/is not paused/);
  });

  it('ls lists running projects, -a stopped ones too', async () => {
    const rt = await withContainers([], ['web']);
    expect(await listProjects(rt)).toEqual([]);
    expect(await listProjects(rt, { all: true })).toEqual([{ Name: 'shop', Status: 'created(1)', ConfigFiles: '' }]);
  });

  it('down --rmi skips images already gone and keeps (and names) one still in use', async () => {
    const rt = new FakeRuntime();
    rt.images.set('a:1', { repoTags: ['a:1'], size: 1 });
    rt.images.set('b:1', { repoTags: ['b:1'], size: 1, inUse: true });
    const lines: string[] = [];
    const r = await removeImages(rt, ['a:1', 'gone:1', 'b:1'], (l) => lines.push(l));
    expect(r).toEqual({ removed: ['a:1'], kept: ['b:1'] });
    expect(lines).toEqual(['removed image a:1', expect.stringMatching(/^kept image b:1: conflict: .* \(must force\) - container is using its referenced image$/)]);
  });

  it('images shows a missing image as <none> with size 0, and the tag it was created from when present', async () => {
    const rt = await withContainers(['web']);
    expect(await projectImages(rt, p, [])).toEqual([{ ID: 'sha256:web', ContainerName: 'shop-web-1', Repository: '<none>', Tag: '<none>', Size: 0 }]);
  });

  it('top shows running containers only, by name', async () => {
    const rt = await withContainers(['web'], ['api']);
    expect(await projectTop(rt, p, [])).toEqual([{ name: 'shop-web-1', titles: ['PID', 'CMD'], processes: [['1', 'web']] }]);
  });

  it('wait reports each exit as it comes; a service without a container is an error', async () => {
    const rt = await withContainers(['api', 'web']);
    const seen: string[] = [];
    const waiting = waitServices(rt, p.name, ['api', 'web'], (e) => seen.push(`${e.container.service} ${e.code}`));
    await new Promise((r) => setTimeout(r, 10));
    rt.crash('web', 3);
    rt.crash('api', 0);
    const exits = await waiting;
    // In the order they exited: the last one's code is the command's.
    expect(exits.map((e) => [e.container.service, e.code])).toEqual([['web', 3], ['api', 0]]);
    expect(seen).toEqual(['web 3', 'api 0']);
    // No container at all: nothing to wait for.
    await expect(waitServices(rt, p.name, ['worker'], () => {})).rejects.toThrow(`no containers for project "${p.name}" to wait for`);
    // An exited one answers at once with its code.
    expect((await waitServices(rt, p.name, ['web'], () => {})).map((e) => e.code)).toEqual([3]);
  });

  it('rm leaves running containers unless asked to stop them', async () => {
    const rt = await withContainers(['web'], ['api']);
    const t = await rmTargets(rt, p, [], {});
    expect(t.remove.map((c) => c.service)).toEqual(['api']);
    expect(t.running.map((c) => c.service)).toEqual(['web']);
    await removeContainers(rt, p, t.remove, {}, () => {});
    expect(rt.of('api')).toEqual([]);
  });

  it("seed finds a service's running container, and names the service when none runs", async () => {
    const rt = await withContainers(['web'], ['api']);
    expect((await findContainer(rt, 'shop', 'web')).id).toBe(rt.of('web')[0].id);
    await expect(findContainer(rt, 'shop', 'api')).rejects.toThrow('api is not running in project shop');
  });
});
