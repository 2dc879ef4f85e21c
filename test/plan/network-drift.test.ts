// A network whose definition changed since it was made (compose's TestNetworkConfigChanged and
// TestNetworkRecreate): planUp recreates it and keeps the containers, restarting the running ones.
import { describe, expect, it } from 'vitest';
import { formatPlan, planUp, type Observed } from '../../src/plan/up.js';
import { NETWORK_HASH, planNetworks } from '../../src/plan/networks.js';
import { project } from '../helpers/project.js';

const withSubnet = (subnet: string) => {
  const p = project({ test: { networks: ['front'], extra: {} }, other: {} });
  p.networks = { front: { name: 'demo_front', external: false, extra: { ipam: { config: [{ subnet }] }, labels: {} } } } as typeof p.networks;
  return p;
};
const hashOf = (p: ReturnType<typeof withSubnet>, key: string) => ((planNetworks(p, ['test', 'other']).create.find((n) => n.key === key)!.body.Labels ?? {}) as Record<string, string>)[NETWORK_HASH];

function observedAfterUp(p: ReturnType<typeof withSubnet>, networks: Record<string, string>): Observed {
  const first = planUp(p, { containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] }, ['test', 'other']);
  const hash = (s: string) => first.services.find((x) => x.service === s)!.hash!;
  return {
    containers: {
      test: { service: 'test', id: 'id-test', hash: hash('test'), running: true, networks: ['demo_front'] },
      other: { service: 'other', id: 'id-other', hash: hash('other'), running: true, networks: ['demo_default'] },
    },
    imageBuildHashes: {},
    desiredBuildHashes: {},
    missingVolumes: [],
    networks,
  };
}

describe('planUp: a network whose definition changed', () => {
  it('records the definition hash on the network it creates, and the hash follows the definition', () => {
    expect(hashOf(withSubnet('172.99.0.0/16'), 'front')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(withSubnet('172.99.0.0/16'), 'front')).not.toBe(hashOf(withSubnet('192.168.0.0/16'), 'front'));
  });

  it('unchanged: nothing to recreate, the container is reused', () => {
    const p = withSubnet('172.99.0.0/16');
    const plan = planUp(p, observedAfterUp(p, { demo_front: hashOf(p, 'front') }), ['test', 'other']);
    expect(plan.networksToRecreate).toEqual([]);
    expect(plan.services.find((s) => s.service === 'test')!.step).toEqual({ action: 'reuse', id: 'id-test' });
  });

  it('changed: the network is recreated, its container kept and restarted with its endpoint; others untouched', () => {
    const before = withSubnet('172.99.0.0/16');
    const after = withSubnet('192.168.0.0/16');
    const plan = planUp(after, observedAfterUp(before, { demo_front: hashOf(before, 'front'), demo_default: hashOf(after, 'default') }), ['test', 'other']);
    expect(plan.networksToRecreate.map((n) => [n.name, n.attached.map((a) => a.id)])).toEqual([['demo_front', ['id-test']]]);
    expect(plan.networksToRecreate[0].attached[0].endpoint).toMatchObject({ Aliases: expect.arrayContaining(['test']) });
    expect(plan.services.find((s) => s.service === 'test')!.step).toEqual({ action: 'start', id: 'id-test', restart: 'network front changed' });
    expect(plan.services.find((s) => s.service === 'other')!.step).toEqual({ action: 'reuse', id: 'id-other' });
    expect(formatPlan(plan)).toContain('network demo_front  recreate (definition changed), reconnect test');
  });

  it('a network with no recorded hash (made by hand or by another tool) is left as it is', () => {
    const p = withSubnet('192.168.0.0/16');
    expect(planUp(p, observedAfterUp(p, { demo_front: '' }), ['test', 'other']).networksToRecreate).toEqual([]);
  });
});
