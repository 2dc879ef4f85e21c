// Compose runtime keys against the real engine, through the CLI: what a container sees (its
// hostname, /etc/hosts, secrets and configs, limits, capabilities), the networks compose would
// make (isolation, aliases, several per service, network_mode: service:), ephemeral ports, a
// fixed container_name, and `down` removing all of it.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { execIn } from '../../src/runtime/docker/exec.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, projectNetworks, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const docker = dockerClient();
const projects: string[] = [];
const dirs: string[] = [];
const uniq = (name: string) => {
  const p = `keys-${name}-${process.pid}`;
  projects.push(p);
  return p;
};
function compose(text: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-keys-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'compose.yaml'), text);
  for (const [f, body] of Object.entries(files)) writeFileSync(path.join(dir, f), body);
  return dir;
}
const idOf = async (p: string, service: string) => (await projectContainers(p)).find((c) => c.service === service)!.id;
async function sh(p: string, service: string, script: string): Promise<{ code: number; out: string }> {
  const r = await execIn(docker.getContainer(await idOf(p, service)), ['sh', '-c', script]);
  return { code: r.exitCode, out: `${r.stdout}${r.stderr}`.trim() };
}

describe.runIf(hasEngine)('compose runtime keys against the engine', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('hostname, extra_hosts, secrets, configs, limits, capabilities, tmpfs, read_only, an ephemeral port and container_name', async () => {
    const p = uniq('one');
    const fixed = `fixed-${process.pid}`;
    const dir = compose(
      `services:
  a:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    container_name: ${fixed}
    hostname: ahost
    domainname: example.org
    extra_hosts: ["somehost=162.242.195.82"]
    mem_limit: 48m
    cpus: 0.5
    pids_limit: 64
    cap_add: [NET_ADMIN]
    cap_drop: [CHOWN]
    sysctls: {net.ipv4.ip_unprivileged_port_start: "80"}
    read_only: true
    tmpfs: ["/scratch"]
    ulimits: {nofile: {soft: 1024, hard: 2048}}
    ports: ["8080"]
    expose: ["9000"]
    stop_grace_period: 1s
    secrets:
      - db_password
      - source: token
        target: api_token
        mode: 0440
    configs:
      - source: app
        target: /etc/app.conf
secrets:
  db_password: {file: ./pw.txt}
  token: {environment: TOKEN}
configs:
  app: {content: "level = debug"}
`,
      { 'pw.txt': 's3cret\n' },
    );
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d'], { env: { TOKEN: 'tok-123' } });
    expect(r.exitCode, r.all).toBe(0);

    const c = await docker.getContainer(fixed).inspect();
    expect(c.Config.Labels['com.docker.compose.service']).toBe('a');
    expect([c.Config.Hostname, c.Config.Domainname]).toEqual(['ahost', 'example.org']);
    const h = c.HostConfig as Record<string, any>;
    expect([h.Memory, h.NanoCpus, h.PidsLimit, h.ReadonlyRootfs]).toEqual([48 * 1024 ** 2, 5e8, 64, true]);
    expect([h.CapAdd, h.CapDrop]).toEqual([['NET_ADMIN'], ['CHOWN']]);
    expect(c.Config.ExposedPorts).toHaveProperty('9000/tcp');
    expect(Number(c.NetworkSettings.Ports['8080/tcp']?.[0]?.HostPort)).toBeGreaterThan(0);

    expect((await sh(p, 'a', 'hostname')).out).toBe('ahost');
    expect((await sh(p, 'a', 'grep somehost /etc/hosts')).out).toMatch(/^162\.242\.195\.82\s+somehost$/);
    expect((await sh(p, 'a', 'cat /run/secrets/db_password')).out).toBe('s3cret');
    expect((await sh(p, 'a', 'cat /run/secrets/api_token; stat -c %a /run/secrets/api_token')).out).toBe('tok-123440');
    expect((await sh(p, 'a', 'cat /etc/app.conf')).out).toBe('level = debug');
    expect((await sh(p, 'a', 'cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('80');
    // The main process's limits (an exec'd shell may get the engine's defaults).
    expect((await sh(p, 'a', 'grep "open files" /proc/1/limits')).out).toMatch(/^Max open files\s+1024\s+2048\s/);
    expect((await sh(p, 'a', 'touch /nope')).code).not.toBe(0); // read_only
    expect((await sh(p, 'a', 'touch /scratch/ok && echo ok')).out).toBe('ok'); // tmpfs stays writable

    // `foxdev ps` and `port` see the ephemeral port.
    const port = await foxdev(['-C', dir, '-p', p, 'port', 'a', '8080']);
    expect(port.stdout).toMatch(/^0\.0\.0\.0:\d+$/m);

    const down = await foxdev(['-C', dir, '-p', p, 'down']);
    expect(down.exitCode, down.all).toBe(0);
    await expect(docker.getContainer(fixed).inspect()).rejects.toThrow();
  });

  it('networks: isolation between them, aliases, several per service, network_mode: service:; down removes them', async () => {
    const p = uniq('net');
    const serve = (text: string) => `["sh", "-c", "mkdir -p /www && echo ${text} > /www/index.html && exec httpd -f -p 8000 -h /www"]`;
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ${serve('db')}
    init: true
    networks: [back]
  api:
    image: foxdev/busybox:1
    command: ${serve('api')}
    init: true
    configs:
      - source: motd
        target: /etc/motd
        mode: 0600
    networks:
      front: {aliases: [apix]}
      back: {}
  web:
    image: foxdev/node:20
    command: ["sleep", "3600"]
    init: true
    networks: [front]
  side:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    network_mode: service:api
configs:
  motd: {content: "hello from a config"}
networks:
  front: {}
  back:
    internal: true
    labels: {tier: back}
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(r.exitCode, r.all).toBe(0);
    const nets = (await projectNetworks(p)).map((n) => n.Name);
    expect(nets.sort()).toEqual([`${p}_back`, `${p}_front`]);
    const back = await docker.getNetwork(`${p}_back`).inspect();
    expect([back.Internal, back.Labels?.tier, back.Labels?.['com.docker.compose.network']]).toEqual([true, 'back', 'back']);

    // Node resolves names through the engine's DNS (static busybox's wget cannot). The servers
    // may still be starting after `up -d` (no healthcheck): retry a few times.
    const client = `const [url, tries] = process.argv.slice(1);
(async () => { for (let i = 0; i < Number(tries); i++) { try { const r = await fetch('http://' + url, { signal: AbortSignal.timeout(2000) }); console.log((await r.text()).trim()); return; } catch (e) { await new Promise((r) => setTimeout(r, 300)); } } process.exit(1); })();`;
    const fetchFrom = async (from: string, url: string, tries = 10) => {
      const r = await execIn(docker.getContainer(await idOf(p, from)), ['node', '-e', client, url, String(tries)]);
      return r.exitCode === 0 ? r.stdout.trim() : `failed (${r.exitCode})`;
    };
    // A writable container gets content configs copied in before start, with their mode.
    expect((await sh(p, 'api', 'cat /etc/motd; echo; stat -c %a /etc/motd')).out).toBe('hello from a config\n600');
    expect(await fetchFrom('web', 'apix:8000/')).toBe('api'); // alias on front
    expect(await fetchFrom('web', 'api:8000/')).toBe('api'); // service name too
    expect(await fetchFrom('web', 'db:8000/', 1)).toBe('failed (1)'); // db is on back only
    // busybox's static wget crashes in the resolver even for an address: ask with nc.
    const local = "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc 127.0.0.1 8000 | tail -n 1";
    expect((await sh(p, 'side', local)).out).toBe('api'); // side shares api's network namespace
    expect(await fetchFrom('web', '127.0.0.1:8000/', 1)).toBe('failed (1)'); // web does not
    const apiNets = Object.keys((await docker.getContainer(await idOf(p, 'api')).inspect()).NetworkSettings.Networks).sort();
    expect(apiNets).toEqual([`${p}_back`, `${p}_front`]);

    const down = await foxdev(['-C', dir, '-p', p, 'down']);
    expect(down.exitCode, down.all).toBe(0);
    expect(await projectNetworks(p)).toEqual([]);
  });

  it('an external network must exist (one line), and is used and kept when it does', async () => {
    const p = uniq('ext');
    const name = `ext-${process.pid}`;
    const dir = compose(`services:
  a:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    networks: [shared]
networks:
  shared:
    external: true
    name: ${name}
`);
    const missing = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain(`network ${name} declared as external, but could not be found`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    await docker.createNetwork({ Name: name });
    try {
      const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
      expect(r.exitCode, r.all).toBe(0);
      const c = await docker.getContainer(await idOf(p, 'a')).inspect();
      expect(Object.keys(c.NetworkSettings.Networks)).toEqual([name]);
      await foxdev(['-C', dir, '-p', p, 'down']);
      await docker.getNetwork(name).inspect(); // still there
    } finally {
      await purgeProject(p);
      await docker.getNetwork(name).remove().catch(() => {});
    }
  });

  it('container_name held by a container that is not this service’s: compose’s conflict error, and that container is left alone', async () => {
    const p = uniq('conflict');
    const taken = `taken-${process.pid}`;
    const other = await docker.createContainer({ name: taken, Image: 'foxdev/busybox:1', Cmd: ['true'] });
    try {
      const dir = compose(`services:
  a:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    container_name: ${taken}
`);
      const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
      expect(r.exitCode).not.toBe(0);
      expect(r.all).toContain(`the container name "/${taken}" is already in use by container "${other.id.slice(0, 12)}"`);
      expect((await docker.getContainer(taken).inspect()).Id).toBe(other.id);
    } finally {
      await other.remove({ force: true }).catch(() => {});
    }
  });

  it('post_start runs after each start (a failing one fails the service); pre_stop runs before the session stops it', async () => {
    const p = uniq('hooks');
    const dir = compose(`services:
  a:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    volumes: ["./out:/out"]
    post_start:
      - command: sh -c 'echo started-as-$$(id -u)-$$GREETING >> /out/log'
        user: "1000"
        environment: {GREETING: hi}
    pre_stop:
      - command: ["sh", "-c", "echo stopping >> /out/log"]
  bad:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    post_start:
      - command: ["sh", "-c", "echo no such thing; exit 3"]
    profiles: [bad]
`);
    mkdirSync(path.join(dir, 'out'));
    chmodSync(path.join(dir, 'out'), 0o777); // the post_start hook runs as uid 1000
    const up = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui', 'a']);
    await up.waitFor(/a(?:-\d+)?\s+\| ◆ ready/);
    expect(readFileSync(path.join(dir, 'out/log'), 'utf8')).toBe('started-as-1000-hi\n');
    up.child.kill('SIGINT');
    await up.child;
    expect(readFileSync(path.join(dir, 'out/log'), 'utf8')).toBe('started-as-1000-hi\nstopping\n');

    const bad = await foxdev(['-C', dir, '-p', p, 'up', '-d', 'bad']);
    expect(bad.exitCode).toBe(1);
    expect(bad.all).toContain('post_start hook "sh -c echo no such thing; exit 3" exited with code 3: no such thing');
    const st = await docker.getContainer(await idOf(p, 'bad')).inspect();
    expect(st.State.Running).toBe(false);
  });

  it('a key foxdev cannot apply stops up at its line, before anything is created', async () => {
    const p = uniq('refuse');
    const dir = compose(`services:
  a:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    init: true
    credential_spec: {file: spec.json}
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'compose.yaml')}:6:5: services.a.credential_spec: foxdev cannot apply "credential_spec": it is for Windows containers`);
    expect(await projectContainers(p)).toEqual([]);
    // `config` still prints the file as compose would.
    const cfg = await foxdev(['-C', dir, '-p', p, 'config']);
    expect(cfg.exitCode).toBe(0);
    expect(cfg.stdout).toContain('credential_spec:');
  });
});
