// Every compose runtime key reaches the Engine API create body the way docker compose maps it
// (pkg/compose/create.go), from a real compose file through the loader; and the keys foxdev
// cannot apply are refused at their line when a command would create the container.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/load.js';
import { APPLIED_KEYS } from '../../src/config/runtime-keys.js';
import { containerSpec } from '../../src/plan/container-spec.js';
import { runSpec } from '../../src/plan/run-spec.js';

type Dict = Record<string, any>;

async function load(yaml: string, o: { creates?: boolean; env?: Record<string, string> } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-keys-'));
  writeFileSync(path.join(dir, 'compose.yaml'), yaml);
  return { dir, project: await loadProject({ cwd: dir, projectName: 'p', creates: o.creates, env: { ...o.env } }) };
}

async function specOf(yaml: string, service = 'a', api?: string) {
  const { project, dir } = await load(yaml);
  return { dir, project, spec: containerSpec(project, project.services[service], 'img', undefined, { api }) };
}

describe('containerSpec: runtime keys', () => {
  it('maps container, host and resource keys', async () => {
    const { spec } = await specOf(`services:
  a:
    image: img
    container_name: my-a
    hostname: ahost
    domainname: example.org
    mem_limit: 64m
    memswap_limit: 128m
    mem_reservation: 32m
    mem_swappiness: 10
    cpus: 0.5
    cpu_shares: 512
    cpuset: "0"
    pids_limit: 100
    shm_size: 16m
    ulimits:
      nproc: 65535
      nofile: {soft: 20000, hard: 40000}
    sysctls: {net.core.somaxconn: 1024}
    cap_add: [NET_ADMIN]
    cap_drop: [MKNOD]
    extra_hosts: ["somehost:162.242.195.82", "other=10.0.0.1"]
    dns: 8.8.8.8
    dns_search: [example.org]
    dns_opt: [ndots:2]
    tmpfs: ["/run:size=1m", /tmp2]
    tty: true
    stdin_open: true
    privileged: true
    read_only: true
    init: true
    security_opt: ["no-new-privileges:true"]
    logging: {driver: json-file, options: {max-size: 1m}}
    stop_grace_period: 3s
    oom_score_adj: 100
    oom_kill_disable: true
    group_add: [mail]
    devices: ["/dev/null:/dev/xnull:r"]
    ipc: shareable
    pid: host
    platform: linux/amd64
    runtime: runc
`);
    const b = spec.body as Dict;
    const h = b.HostConfig as Dict;
    expect(spec.name).toBe('my-a');
    expect([b.Hostname, b.Domainname, b.Tty, b.OpenStdin, b.StopTimeout, b.platform]).toEqual(['ahost', 'example.org', true, true, 3, 'linux/amd64']);
    expect(h.Memory).toBe(64 * 1024 ** 2);
    expect(h.MemorySwap).toBe(128 * 1024 ** 2);
    expect(h.MemoryReservation).toBe(32 * 1024 ** 2);
    expect(h.MemorySwappiness).toBe(10);
    expect(h.NanoCpus).toBe(5e8);
    expect([h.CpuShares, h.CpusetCpus, h.PidsLimit, h.ShmSize]).toEqual([512, '0', 100, 16 * 1024 ** 2]);
    expect(h.Ulimits).toEqual([
      { Name: 'nproc', Soft: 65535, Hard: 65535 },
      { Name: 'nofile', Soft: 20000, Hard: 40000 },
    ]);
    expect(h.Sysctls).toEqual({ 'net.core.somaxconn': '1024' });
    expect([h.CapAdd, h.CapDrop, h.GroupAdd]).toEqual([['NET_ADMIN'], ['MKNOD'], ['mail']]);
    expect(h.ExtraHosts).toEqual(['somehost:162.242.195.82', 'other:10.0.0.1']);
    expect([h.Dns, h.DnsSearch, h.DnsOptions]).toEqual([['8.8.8.8'], ['example.org'], ['ndots:2']]);
    expect(h.Tmpfs).toEqual({ '/run': 'size=1m', '/tmp2': '' });
    expect([h.Privileged, h.ReadonlyRootfs, h.Init, h.OomKillDisable, h.OomScoreAdj]).toEqual([true, true, true, true, 100]);
    expect(h.SecurityOpt).toEqual(['no-new-privileges:true']);
    expect(h.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '1m' } });
    expect(h.Devices).toEqual([{ PathOnHost: '/dev/null', PathInContainer: '/dev/xnull', CgroupPermissions: 'r' }]);
    expect([h.IpcMode, h.PidMode, h.Runtime]).toEqual(['shareable', 'host', 'runc']);
    expect(h.RestartPolicy).toEqual({ Name: '' }); // the engine's no, as compose writes it; up -d hands over compose's policy
  });

  it('deploy.resources limits win over the service keys; reservations map too', async () => {
    const { spec } = await specOf(`services:
  a:
    image: img
    mem_limit: 1g
    cpus: 2
    deploy:
      resources:
        limits: {cpus: '0.25', memory: 50M, pids: 10}
        reservations: {memory: 20M}
`);
    const h = spec.body.HostConfig as Dict;
    expect([h.NanoCpus, h.Memory, h.PidsLimit, h.MemoryReservation]).toEqual([2.5e8, 50 * 1024 ** 2, 10, 20 * 1024 ** 2]);
  });

  it('publishes every ports entry (no published port: ephemeral; a host range stays a range) and opens expose', async () => {
    const { spec } = await specOf(`services:
  a:
    image: img
    ports: ["80", "127.0.0.1:8080-8090:81", "5353:53/udp"]
    expose: ["3000", "4000-4002/udp"]
`);
    const b = spec.body as Dict;
    expect(Object.keys(b.ExposedPorts).sort()).toEqual(['3000/tcp', '4000/udp', '4001/udp', '4002/udp', '53/udp', '80/tcp', '81/tcp']);
    expect(b.HostConfig.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '' }],
      '81/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080-8090' }],
      '53/udp': [{ HostIp: '', HostPort: '5353' }],
    });
  });

  it('binds that may create their host path use Binds; other mounts carry their options', async () => {
    const { spec, dir } = await specOf(`services:
  a:
    image: img
    volumes:
      - ./data:/data:ro,z
      - data:/var/lib/x:nocopy
      - type: tmpfs
        target: /t
        tmpfs: {size: 1m, mode: 01777}
      - type: bind
        source: ./exact
        target: /exact
        bind: {create_host_path: false, propagation: rshared}
volumes:
  data: {}
`);
    const h = spec.body.HostConfig as Dict;
    expect(h.Binds).toEqual([`${dir}/data:/data:ro,z`]);
    expect(h.Mounts).toEqual([
      { Type: 'volume', Source: 'p_data', Target: '/var/lib/x', ReadOnly: false, VolumeOptions: { NoCopy: true } },
      { Type: 'tmpfs', Target: '/t', ReadOnly: false, TmpfsOptions: { SizeBytes: 1024 ** 2, Mode: 0o1777 } },
      { Type: 'bind', Source: `${dir}/exact`, Target: '/exact', ReadOnly: false, BindOptions: { Propagation: 'rshared' } },
    ]);
  });

  it('networks: the first by priority in the body with aliases and addresses, the rest connected before start', async () => {
    const { spec } = await specOf(`services:
  a:
    image: img
    networks:
      front: {aliases: [web]}
      back: {priority: 10, ipv4_address: 172.28.0.5}
networks:
  front: {}
  back:
    ipam: {config: [{subnet: 172.28.0.0/16}]}
`);
    const b = spec.body as Dict;
    expect(b.HostConfig.NetworkMode).toBe('p_back');
    expect(b.NetworkingConfig.EndpointsConfig).toEqual({ p_back: { Aliases: ['a'], IPAMConfig: { IPv4Address: '172.28.0.5' } } });
    expect(spec.connect).toEqual([{ network: 'p_front', config: { Aliases: ['a', 'web'] } }]);
  });

  it('network_mode, links and volumes_from name the other service’s container, and make it a dependency', async () => {
    const { spec, project } = await specOf(`services:
  db:
    image: img
    container_name: the-db
  side:
    image: img
  a:
    image: img
    network_mode: service:side
    links: [db:database]
    volumes_from: [db:ro]
`);
    const h = spec.body.HostConfig as Dict;
    expect(h.NetworkMode).toBe('container:p-side-1');
    expect(h.Links).toEqual(['the-db:database']);
    expect(h.VolumesFrom).toEqual(['the-db:ro']);
    expect(spec.body.NetworkingConfig).toEqual({ EndpointsConfig: {} });
    expect(Object.keys(project.services.a.depends_on).sort()).toEqual(['db', 'side']);
    expect((spec.body.Labels as Dict)['com.docker.compose.depends_on']).toBe('side:service_started:true,db:service_started:true');
  });

  it('links reach every network endpoint too (a user-defined network resolves them only there), as compose sends them', async () => {
    const { spec } = await specOf(`services:
  db:
    image: img
  a:
    image: img
    links: [db:database]
    external_links: [legacy]
    networks: [default, back]
networks:
  back: {}
`);
    expect((spec.body.HostConfig as Dict).Links).toEqual(['p-db-1:database', 'legacy:legacy']);
    expect((spec.body.NetworkingConfig as Dict).EndpointsConfig).toEqual({ p_back: { Aliases: ['a'], Links: ['p-db-1:database', 'legacy:legacy'] } });
    expect(spec.connect).toEqual([{ network: 'p_default', config: { Aliases: ['a'], Links: ['p-db-1:database', 'legacy:legacy'] } }]);
  });

  it('secrets and configs: files are read-only binds; environment and content ones are copied in', async () => {
    const { spec, dir } = await specOf(`services:
  a:
    image: img
    secrets:
      - db_password
      - source: token
        target: api_token
        mode: 0400
        uid: "1000"
    configs:
      - source: nginx
        target: /etc/nginx.conf
secrets:
  db_password: {file: ./pw.txt}
  token: {environment: TOKEN}
configs:
  nginx: {content: "events {}"}
`);
    expect((spec.body.HostConfig as Dict).Mounts).toContainEqual({ Type: 'bind', Source: `${dir}/pw.txt`, Target: '/run/secrets/db_password', ReadOnly: true });
    expect(spec.copies.map((c) => [c.target, c.source.kind, c.mode, c.uid])).toEqual([
      ['/run/secrets/api_token', 'environment', 0o400, 1000],
      ['/etc/nginx.conf', 'content', 0o444, 0],
    ]);
  });

  it('degrades newer-engine features with a note on API 1.41 and refuses what cannot be emulated', async () => {
    const yaml = `services:
  a:
    image: img
    annotations: {com.example.x: "1"}
    healthcheck: {test: ["CMD", "true"], start_period: 5s, start_interval: 1s}
    volumes:
      - type: volume
        source: data
        target: /d
        volume: {subpath: sub}
volumes:
  data: {}
`;
    const { project } = await load(yaml);
    const old = containerSpec(project, project.services.a, 'img', undefined, { api: '1.41' });
    expect(old.notes.join('\n')).toMatch(/annotations not applied: they need Docker Engine API 1.43 \(this engine has 1.41\)/);
    expect(old.notes.join('\n')).toMatch(/start_interval not applied/);
    expect((old.body.HostConfig as Dict).Annotations).toBeUndefined();
    expect(old.refused).toEqual([{ path: 'services.a.volumes[0].volume.subpath', message: expect.stringContaining('needs Docker Engine API 1.45') }]);
    const current = containerSpec(project, project.services.a, 'img', undefined, { api: '1.47' });
    expect([current.notes, current.refused]).toEqual([[], []]);
    expect((current.body.HostConfig as Dict).Annotations).toEqual({ 'com.example.x': '1' });
    // The hash is the container's, not the engine's: the same on both.
    expect(current.hash).toBe(old.hash);
  });

  it('every applied key changes the config hash (so changing it recreates the container)', async () => {
    const plain = (await specOf('services:\n  a:\n    image: img\n')).spec.hash;
    for (const [key, value] of [['hostname', 'h'], ['mem_limit', '"1g"'], ['cap_add', '[NET_ADMIN]'], ['expose', '["1"]'], ['tty', 'true'], ['sysctls', '{a.b: "1"}']]) {
      const { spec } = await specOf(`services:\n  a:\n    image: img\n    ${key}: ${value}\n`);
      expect(spec.hash, key).not.toBe(plain);
    }
  });

  it('a one-off keeps the runtime keys but not container_name, aliases or published ports', async () => {
    const { project } = await load(`services:
  a:
    image: img
    container_name: fixed
    hostname: h
    ports: ["80:80"]
    networks: [x, y]
networks: {x: {}, y: {}}
`);
    const r = runSpec(project, project.services.a, 'img', { id: 'abc', tty: false, interactive: false });
    expect(r.name).toBe('p-a-run-abc');
    expect((r.body as Dict).Hostname).toBe('h');
    expect((r.body.HostConfig as Dict).PortBindings).toBeUndefined();
    expect(r.body.NetworkingConfig).toEqual({ EndpointsConfig: { p_x: {} } });
    expect(r.connect).toEqual([{ network: 'p_y', config: {} }]);
    // --use-aliases: the service's own endpoints, aliases and all.
    const aliased = runSpec(project, project.services.a, 'img', { id: 'abc', tty: false, interactive: false, useAliases: true });
    expect((aliased.body.NetworkingConfig as { EndpointsConfig: Record<string, Dict> }).EndpointsConfig.p_x.Aliases).toContain('a');
    expect((aliased.connect[0].config as Dict).Aliases).toContain('a');
  });

  it('COMPOSE_COMPATIBILITY (--compatibility): compose v1 names, project_service_n, one-offs project_service_run_id', async () => {
    const { project } = await load(`services:\n  a:\n    image: img\n`, { env: { COMPOSE_COMPATIBILITY: 'true' } });
    expect(containerSpec(project, project.services.a, 'img').name).toBe('p_a_1');
    expect(containerSpec(project, project.services.a, 'img', undefined, {}, 2).name).toBe('p_a_2');
    expect(runSpec(project, project.services.a, 'img', { id: 'abc', tty: false, interactive: false }).name).toBe('p_a_run_abc');
    const plain = await load(`services:\n  a:\n    image: img\n`);
    expect(containerSpec(plain.project, plain.project.services.a, 'img').name).toBe('p-a-1');
  });

  it('each applied key is named in the table, and the table lists no key the schema lacks', async () => {
    const schema = (await import('../../src/config/schema/compose-spec.json', { with: { type: 'json' } })).default as Dict;
    const keys = new Set(Object.keys(schema.definitions.service.properties));
    for (const k of APPLIED_KEYS) expect(keys.has(k), k).toBe(true);
  });
});

describe('lifecycle hooks', () => {
  it('post_start and pre_stop become exec requests (string commands split as compose splits them)', async () => {
    const { hooksOf } = await import('../../src/plan/hooks.js');
    const { project } = await load(`services:
  a:
    image: img
    post_start:
      - command: echo "hello there"
        user: root
        working_dir: /tmp
        environment: [A=1]
    pre_stop:
      - command: ["sh", "-c", "echo bye"]
        environment: {B: 2}
`);
    expect(hooksOf(project.services.a)).toEqual({
      postStart: [{ command: ['echo', 'hello there'], user: 'root', workdir: '/tmp', env: { A: '1' } }],
      preStop: [{ command: ['sh', '-c', 'echo bye'], env: { B: '2' } }],
    });
  });
});

describe('runtime keys at load', () => {
  it('a bad size or ulimit is an error at its line for every command', async () => {
    await expect(load('services:\n  a:\n    image: img\n    mem_limit: lots\n')).rejects.toThrow(/compose.yaml:4:5: services.a.mem_limit: expected a size such as "512m" or "1g", got "lots"/);
    await expect(load('services:\n  a:\n    image: img\n    ulimits: {nofile: {soft: 10, hard: 5}}\n')).rejects.toThrow(/services.a.ulimits.nofile: soft limit 10 is above hard limit 5/);
  });

  it('replicas load (a bad count is an error at its line); unsupported keys are refused only when containers are created; swarm-only keys warn', async () => {
    const yaml = 'services:\n  a:\n    image: img\n    deploy:\n      replicas: 3\n      placement: {constraints: [node.role==manager]}\n';
    const { project } = await load(yaml, { creates: true });
    expect(project.services.a.extra.deploy).toBeDefined(); // `config` still prints it
    await expect(load('services:\n  a:\n    image: img\n    scale: -2\n')).rejects.toThrow(/compose.yaml:4:5: services.a.scale: expected a whole number of containers \(0 or more\), got -2/);
    const ok = await load('services:\n  a:\n    image: img\n    deploy:\n      placement: {constraints: [x]}\n', { creates: true });
    expect(ok.project.warnings).toContain('services.a.deploy.placement is for swarm; ignored, as docker compose ignores it');
    await expect(load('services:\n  a:\n    image: img\n    credential_spec: {file: x.json}\n', { creates: true })).rejects.toThrow(/services.a.credential_spec: foxdev cannot apply "credential_spec": it is for Windows containers/);
    await expect(load('services:\n  a:\n    image: img\n    post_start: [{command: ["true"], privileged: true}]\n', { creates: true })).rejects.toThrow(/services.a.post_start\[0\].privileged: privileged hooks are not supported yet/);
  });

  it('label_file entries become labels, under the service’s own; a missing one is an error at its line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-keys-'));
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  a:\n    image: img\n    label_file: [./l.env]\n    labels: {b: own}\n');
    writeFileSync(path.join(dir, 'l.env'), 'a=1\nb=file\n');
    const project = await loadProject({ cwd: dir, projectName: 'p', env: {} });
    expect(project.services.a.labels).toEqual({ a: '1', b: 'own' });
    expect((containerSpec(project, project.services.a, 'img').body.Labels as Dict).a).toBe('1');
    await expect(load('services:\n  a:\n    image: img\n    label_file: ./nope.env\n')).rejects.toThrow(/compose.yaml:4:5: services.a.label_file: label file .*nope.env not found/);
  });

  it('network_mode beside networks, or naming no service, is an error at its line', async () => {
    await expect(load('services:\n  a:\n    image: img\n    network_mode: service:nope\n')).rejects.toThrow(/compose.yaml:4:5: services.a.network_mode: network_mode names service "nope", which is not a service of this project/);
    await expect(load('services:\n  a:\n    image: img\n    network_mode: host\n    networks: [x]\nnetworks: {x: {}}\n')).rejects.toThrow(/mutually exclusive "network_mode" and "networks"/);
  });
});

describe('remote engines', () => {
  it('a bind mount (volume, file secret) is refused there, naming the path; the engine socket and named volumes are fine', async () => {
    const { remoteBindProblem } = await import('../../src/plan/remote-binds.js');
    const { spec, dir } = await specOf('services:\n  a:\n    image: img\n    volumes: ["./src:/src", "data:/data"]\nvolumes: {data: {}}\n');
    expect(remoteBindProblem('a', spec.body, 'tcp://big:2376')?.message).toBe(`services.a: bind mount of ${dir}/src on a remote engine (tcp://big:2376): that path is on the engine's machine, not this one`);
    const named = (await specOf('services:\n  a:\n    image: img\n    volumes: ["data:/data"]\n    use_api_socket: true\nvolumes: {data: {}}\n')).spec;
    expect(remoteBindProblem('a', named.body, 'tcp://big:2376')).toBeUndefined();
  });
});
