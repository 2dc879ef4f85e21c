// Replicas against the real engine, as compose's scale e2e cases check them: `deploy.replicas` and
// `up --scale` make N containers named and numbered as compose names them, all answering on the
// service's network alias; scaling down removes the highest numbers and keeps the rest; verbs take
// `--index`; the foreground session supervises each replica on its own; scale 0 runs none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { execIn } from '../../src/runtime/docker/exec.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground } from '../helpers/cli.js';
import { purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const docker = dockerClient();
const projects: string[] = [];
const dirs: string[] = [];
const uniq = (name: string) => {
  const p = `scale-${name}-${process.pid}`;
  projects.push(p);
  return p;
};
function compose(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-scale-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'compose.yaml'), text);
  return dir;
}

/** The project's service containers by name, with compose's number label. */
async function containers(p: string) {
  const list = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${p}`] } });
  return list
    .map((c) => ({ id: c.Id, name: c.Names[0].slice(1), service: c.Labels['com.docker.compose.service'], number: c.Labels['com.docker.compose.container-number'], state: c.State }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const WEB = `services:
  web:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo replica-$$(hostname); hostname > /www; exec httpd -f -p 80 -h /"]
    init: true
    ports: ["80"]
    deploy:
      replicas: 3
  client:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    depends_on: [web]
`;

describe.runIf(hasEngine)('replicas (scale, deploy.replicas, up --scale)', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('deploy.replicas makes N numbered containers on the alias; --scale scales down and up, keeping the survivors; verbs take --index', async () => {
    const p = uniq('web');
    const dir = compose(WEB);
    const dry = await foxdev(['-C', dir, '-p', p, 'up', '--dry-run']);
    expect(dry.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['project', 'web-1', 'web-2', 'web-3', 'client']);

    const up = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    const first = await containers(p);
    expect(first.map((c) => [c.name, c.service, c.number, c.state])).toEqual([
      [`${p}-client-1`, 'client', '1', 'running'],
      [`${p}-web-1`, 'web', '1', 'running'],
      [`${p}-web-2`, 'web', '2', 'running'],
      [`${p}-web-3`, 'web', '3', 'running'],
    ]);

    // Every replica answers on the service's name: the engine's DNS holds one address per container.
    const client = first.find((c) => c.service === 'client')!;
    const lookup = await execIn(docker.getContainer(client.id), ['nslookup', 'web']);
    const addresses = new Set([...lookup.stdout.matchAll(/Address: (\d+\.\d+\.\d+\.\d+)/g)].map((m) => m[1]));
    expect(addresses.size, lookup.stdout).toBe(3);

    // Each replica has its own ephemeral host port; port/exec/logs pick one with --index.
    const port1 = (await foxdev(['-C', dir, '-p', p, 'port', 'web', '80'])).stdout.trim();
    const port2 = (await foxdev(['-C', dir, '-p', p, 'port', '--index', '2', 'web', '80'])).stdout.trim();
    expect(port1).toMatch(/:\d+$/);
    expect(port2).toMatch(/:\d+$/);
    expect(port2).not.toBe(port1);
    const answer = await fetch(`http://127.0.0.1:${port2.split(':').pop()}/www`).then((r) => r.text());
    const host2 = (await foxdev(['-C', dir, '-p', p, 'exec', '-T', '--index', '2', 'web', 'hostname'])).stdout.trim();
    expect(answer.trim()).toBe(host2);
    const logs2 = await foxdev(['-C', dir, '-p', p, 'logs', '--index', '2', 'web']);
    expect(logs2.stdout.trim()).toMatch(new RegExp(`^web-2 +\\| replica-${host2}$`));
    const all = await foxdev(['-C', dir, '-p', p, 'logs', 'web']);
    expect(all.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0]).sort()).toEqual(['web-1', 'web-2', 'web-3']);
    const bad = await foxdev(['-C', dir, '-p', p, 'exec', '-T', '--index', '7', 'web', 'true']);
    expect(bad.exitCode).toBe(1); // compose: a replica that is not running is exit 1
    expect(bad.stderr).toContain('service "web" is not running container #7');

    // Down to one: the highest numbers go, number 1 stays the same container.
    const down = await foxdev(['-C', dir, '-p', p, 'up', '-d', '--scale', 'web=1']);
    expect(down.exitCode, down.all).toBe(0);
    const one = await containers(p);
    expect(one.filter((c) => c.service === 'web').map((c) => [c.name, c.id])).toEqual([[`${p}-web-1`, first.find((c) => c.name === `${p}-web-1`)!.id]]);

    // Up to two: number 1 reused, number 2 new.
    const two = await foxdev(['-C', dir, '-p', p, 'up', '-d', '--scale', 'web=2']);
    expect(two.exitCode, two.all).toBe(0);
    const now = await containers(p);
    expect(now.filter((c) => c.service === 'web').map((c) => c.name)).toEqual([`${p}-web-1`, `${p}-web-2`]);
    expect(now.find((c) => c.name === `${p}-web-1`)!.id).toBe(first.find((c) => c.name === `${p}-web-1`)!.id);
    expect(now.find((c) => c.name === `${p}-web-2`)!.id).not.toBe(first.find((c) => c.name === `${p}-web-2`)!.id);

    const ps = await foxdev(['-C', dir, '-p', p, 'ps', '--format', 'json']);
    const rows = ps.stdout.trim().split('\n').flatMap((l) => JSON.parse(l) as unknown).flat() as Array<{ Name: string }>;
    expect(rows.map((r) => r.Name).sort()).toEqual([`${p}-client-1`, `${p}-web-1`, `${p}-web-2`]);

    const gone = await foxdev(['-C', dir, '-p', p, 'down']);
    expect(gone.exitCode, gone.all).toBe(0);
    expect(await containers(p)).toEqual([]);
  });

  it('the session supervises each replica on its own: one that crashes is restarted, the others keep running', async () => {
    const p = uniq('crash');
    const dir = compose(`services:
  w:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo up-$$(hostname); exec sleep 3600"]
    init: true
    restart: on-failure
    scale: 2
    develop:
      watch:
        - {action: sync, path: ./src, target: /app}
`);
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/a.txt'), 'one\n');
    const session = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui']);
    try {
      await session.waitFor(/w-1\s+\| up-/, 30_000);
      await session.waitFor(/w-2\s+\| up-/, 30_000);
      const [w1, w2] = (await containers(p)).map((c) => c.id);
      const before1 = (await docker.getContainer(w1).inspect()).State.StartedAt;
      await docker.getContainer(w2).kill({ signal: 'SIGKILL' });
      await session.waitFor(/w-2\s+\| [^\n]*exited with code 137; restarting/, 30_000);
      await session.waitFor(/w-2\s+\| up-[^\n]*\n[\s\S]*w-2\s+\| up-/, 30_000);
      const info1 = await docker.getContainer(w1).inspect();
      const info2 = await docker.getContainer(w2).inspect();
      expect(info2.State.Running).toBe(true);
      expect(info1.State.Running).toBe(true);
      expect(info1.State.StartedAt).toBe(before1); // replica 1 was left alone
      expect(session.output()).not.toMatch(/w-1\s+\| [^\n]*restarting/);
      // An edit reaches every replica, the restarted one too.
      writeFileSync(path.join(dir, 'src/a.txt'), 'two\n');
      for (const id of [w1, w2]) {
        let seen = '';
        for (let i = 0; i < 100 && seen !== 'two'; i++) {
          seen = (await execIn(docker.getContainer(id), ['cat', '/app/a.txt'])).stdout.trim();
          if (seen !== 'two') await new Promise((r) => setTimeout(r, 100));
        }
        expect(seen).toBe('two');
      }
    } catch (err) {
      console.error('foxdev output:', session.output()); // what the session said, to see why
      throw err;
    } finally {
      session.child.kill('SIGINT');
      const ended = await Promise.race([session.child.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 20_000))]);
      if (!ended) {
        console.error('foxdev did not end on SIGINT:', session.output());
        session.child.kill('SIGKILL');
      }
    }
    expect((await containers(p)).map((c) => c.state)).toEqual(['exited', 'exited']);
  }, 90_000);

  it('foxdev scale adds and removes replicas per service (compose e2e TestScaleBasicCases, TestScaleWithDepsCases)', async () => {
    const p = uniq('verb');
    const svc = (extra: string) => `    image: foxdev/busybox:1\n    command: ["sleep", "3600"]\n    init: true\n${extra}`;
    const dir = compose(`services:
  db:
${svc('')}
  back:
${svc('    depends_on: [db]\n')}
  front:
${svc('    depends_on: [back]\n    deploy:\n      replicas: 2\n')}
  dbadmin:
${svc('    deploy:\n      replicas: 0\n')}
`);
    const numbers = async (service: string) => (await containers(p)).filter((c) => c.service === service).map((c) => Number(c.number)).sort();
    const run = async (...args: string[]) => {
      const r = await foxdev(['-C', dir, '-p', p, ...args]);
      expect(r.exitCode, `${args.join(' ')}: ${r.all}`).toBe(0);
    };
    await run('up', '-d');
    expect([await numbers('db'), await numbers('back'), await numbers('front'), await numbers('dbadmin')]).toEqual([[1], [1], [1, 2], []]);
    await run('scale', 'dbadmin=2');
    expect(await numbers('dbadmin')).toEqual([1, 2]);
    await run('scale', 'front=3', 'back=2');
    expect([await numbers('front'), await numbers('back')]).toEqual([[1, 2, 3], [1, 2]]);
    const survivor = (await containers(p)).find((c) => c.name === `${p}-dbadmin-1`)!.id;
    await run('scale', 'dbadmin=1');
    expect((await containers(p)).filter((c) => c.service === 'dbadmin').map((c) => c.id)).toEqual([survivor]);
    await run('scale', 'dbadmin=0');
    expect(await numbers('dbadmin')).toEqual([]);
    await run('scale', 'front=2', 'back=1');
    expect([await numbers('front'), await numbers('back')]).toEqual([[1, 2], [1]]);
    // --no-deps leaves a dependency's replicas alone; without it the dependency goes back to the file's count.
    await run('up', '-d', '--scale', 'db=2');
    expect(await numbers('db')).toEqual([1, 2]);
    await run('scale', '--no-deps', 'back=2');
    expect([await numbers('back'), await numbers('db')]).toEqual([[1, 2], [1, 2]]);
    await run('scale', 'back=2');
    expect([await numbers('back'), await numbers('db')]).toEqual([[1, 2], [1]]);
    const bad = await foxdev(['-C', dir, '-p', p, 'scale', 'nope=2']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('no such service: nope');
  }, 120_000);

  it('scale down drops stale replicas first (compose e2e TestScaleDownNoRecreate)', async () => {
    const p = uniq('stale');
    const dir = compose(`services:
  t:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    environment:
      FOO: \${FOO:-one}
`);
    const numbers = async () => (await containers(p)).map((c) => Number(c.number)).sort();
    const run = async (args: string[], env: Record<string, string> = {}) => {
      const r = await foxdev(['-C', dir, '-p', p, ...args], { env });
      expect(r.exitCode, `${args.join(' ')}: ${r.all}`).toBe(0);
    };
    await run(['up', '-d', '--scale', 't=2']);
    expect(await numbers()).toEqual([1, 2]);
    await run(['up', '-d', '--scale', 't=4', '--no-recreate'], { FOO: 'two' });
    expect(await numbers()).toEqual([1, 2, 3, 4]);
    await run(['up', '-d', '--scale', 't=2'], { FOO: 'two' });
    expect(await numbers()).toEqual([3, 4]);
  }, 90_000);

  it('scale: 0 starts no container and what depends on it starts anyway', async () => {
    const p = uniq('zero');
    const dir = compose(`services:
  off:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    scale: 0
  app:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    depends_on: [off]
`);
    const up = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    expect((await containers(p)).map((c) => c.name)).toEqual([`${p}-app-1`]);
  });
});
