// Adapted from docker/compose pkg/e2e/networks_test.go: TestNetworkConfigChanged (a subnet change
// recreates the network and re-addresses the same container) and TestNetworkRecreate (a label
// change on a network stops its containers and starts them again), TestNetworkAliases and
// TestNetworkLinks (an alias and a link resolve; a link on the default bridge). alpine and nginx rewritten to
// the local busybox; the second subnet is 10.199.0.0/16, as the engine's own pools may hold
// 192.168.x ranges on a busy machine.
import { afterEach, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { BUSYBOX, ids, scenario, serviceStates, type Scenario } from './compose-e2e-support.js';

const hasEngine = await requireEngine();

let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

describe.runIf(hasEngine)('compose e2e: networks', () => {
  it('TestNetworkConfigChanged: a subnet change recreates the network and re-addresses the same container', async () => {
    s = scenario('net-changed', {
      'compose.yaml': `services:
  test:
    image: ${BUSYBOX}
    init: true
    command: sleep infinity
    networks:
      - test

networks:
  test:
    ipam:
      config:
        - subnet: \${SUBNET-172.99.0.0/16}
`,
    });
    const up = await s.fx(['up', '-d']);
    expect(up.exitCode, up.all).toBe(0);
    let snap = await s.snapshot();
    expect(serviceStates(snap, 'test')).toEqual(['running']);
    const before = ids(snap, 'test');
    expect((await s.fx(['exec', '-T', 'test', '--', 'hostname', '-i'])).stdout).toContain('172.99.0.');
    // Unchanged: nothing is stopped.
    const same = await s.fx(['up', '-d']);
    expect(same.exitCode, same.all).toBe(0);
    expect(same.stderr).not.toContain('Stopped');
    const changed = await s.fx(['up', '-d'], { SUBNET: '10.199.0.0/16' });
    expect(changed.exitCode, changed.all).toBe(0);
    snap = await s.snapshot();
    expect(serviceStates(snap, 'test')).toEqual(['running']);
    expect(ids(snap, 'test')).toEqual(before); // NotRecreated
    expect((await s.fx(['exec', '-T', 'test', 'hostname', '-i'], { SUBNET: '10.199.0.0/16' })).stdout).toContain('10.199.0.');
  }, 120_000);

  it('TestNetworkRecreate: a changed network label stops the containers on it and starts them again', async () => {
    s = scenario('net-recreate', {
      'compose.yaml': `services:
  web:
    image: ${BUSYBOX}
    command: sleep infinity
    networks:
      - test

networks:
  test:
    labels:
      - foo=\${FOO:-foo}
`,
    });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const res = await s.fx(['--progress=plain', 'up', '-d'], { FOO: 'bar' });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toContain('Stopped');
    expect(res.stderr).toMatch(/Started|Recreated/);
    expect(serviceStates(await s.snapshot(), 'web')).toEqual(['running']);
  }, 120_000);

  it('TestNetworkAliases / TestNetworkLinks: an alias and a link resolve on the project network; a link resolves on the default bridge', async () => {
    s = scenario('net-alias', {
      'compose.yaml': `services:\n  container1:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    links:\n      - container2:container\n  container2:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    networks:\n      default:\n        aliases:\n          - alias-of-container2\n  bridged1:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    network_mode: bridge\n  bridged2:\n    image: ${BUSYBOX}\n    init: true\n    command: sleep infinity\n    network_mode: bridge\n    links:\n      - bridged1\n`,
    });
    expect((await s.fx(['up', '-d'])).exitCode).toBe(0);
    const snap = await s.snapshot();
    const { dockerClient } = await import('../../src/runtime/docker-client.js');
    const ipOf = async (service: string, network: string) => (await dockerClient().getContainer(snap[service]![0]!.id).inspect()).NetworkSettings.Networks[network]!.IPAddress;
    const target = await ipOf('container2', `${s.project}_default`);
    for (const name of ['alias-of-container2', 'container']) {
      const r = await s.fx(['exec', '-T', 'container1', 'sh', '-c', `ping -c1 -W2 ${name} | head -1`]);
      expect(r.stdout, r.all).toContain(`(${target})`);
    }
    const bridged = await ipOf('bridged1', 'bridge');
    const r = await s.fx(['exec', '-T', 'bridged2', 'sh', '-c', 'ping -c1 -W2 bridged1 | head -1']);
    expect(r.stdout, r.all).toContain(`(${bridged})`);
  }, 120_000);
});
