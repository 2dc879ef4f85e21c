// The config-change plan as text: only the difference between what runs and the new config.
import { describe, expect, it } from 'vitest';
import { changedKeys, formatConfigChangePlan, planConfigChange } from '../../src/plan/config-change.js';
import { planUp, type Observed } from '../../src/plan/up.js';
import { project, service } from '../helpers/project.js';

const none: Observed = { containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] };

describe('planConfigChange', () => {
  it('recreate the changed unit with the keys that changed, create the new one, remove the one that left, keep the rest', () => {
    const before = project({ db: {}, api: { environment: { MODE: 'a' } }, old: {} });
    const next = project({ db: {}, api: { environment: { MODE: 'b' } }, cache: {} });
    // What runs now: containers with the hashes of the old config.
    const old = planUp(before, none, ['db', 'api', 'old']);
    const containers: Observed['containers'] = {};
    for (const sp of old.services) containers[sp.service] = { service: sp.service, id: `id-${sp.service}`, hash: sp.hash ?? '', running: true };
    const up = planUp(next, { ...none, containers }, ['db', 'api', 'cache']);
    const plan = planConfigChange(up, old.services.map((s) => ({ unit: s.unit, service: s.service })), (s) => (before.services[s] ? changedKeys(before.services[s], next.services[s]) : []));
    expect(formatConfigChangePlan(plan)).toBe(
      ['remove old (no longer in the config)', 'recreate api (environment changed)', 'create cache (new in the config)', 'keep db (unchanged)'].join('\n'),
    );
  });

  it('nothing changed: nothing to do', () => {
    const p = project({ db: {} });
    const first = planUp(p, none, ['db']);
    const up = planUp(p, { ...none, containers: { db: { service: 'db', id: 'x', hash: first.services[0].hash ?? '', running: true } } }, ['db']);
    expect(formatConfigChangePlan(planConfigChange(up, [{ unit: 'db', service: 'db' }]))).toBe('nothing to change\nkeep db (unchanged)');
  });

  it('changedKeys names top-level keys and compose keys kept verbatim', () => {
    expect(changedKeys(service('a', { image: 'x:1', extra: { cap_add: ['NET_ADMIN'] } }), service('a', { image: 'x:2', extra: {} }))).toEqual(['cap_add', 'image']);
  });
});
