// Which containers `wait` blocks on: the running ones of the named services, else the exited ones.
import { describe, expect, it } from 'vitest';
import { waitTargets } from '../../../src/engine/verbs/wait.js';
import type { ProjectContainer } from '../../../src/runtime/runtime.js';

const c = (id: string, service: string, state: string): ProjectContainer => ({
  id, name: `p-${id}`, service, hash: '', running: state === 'running', state, status: '', labels: {}, ports: [], number: 1, networks: [],
});

describe('waitTargets', () => {
  const all = [c('a', 'job', 'exited'), c('b', 'api', 'running'), c('c', 'api', 'exited'), c('d', 'db', 'created'), c('e', 'job', 'running')];
  it('takes the running containers of the named services, one-offs among them', () => {
    expect(waitTargets(all, ['api', 'job']).map((x) => x.id)).toEqual(['b', 'e']);
  });
  it('answers with the exited containers when none of the named runs', () => {
    expect(waitTargets(all, ['job']).map((x) => x.id)).toEqual(['e']);
    expect(waitTargets([c('a', 'job', 'exited'), c('f', 'job', 'exited')], ['job']).map((x) => x.id)).toEqual(['a', 'f']);
  });
  it('has nothing for a service with only a created container or none', () => {
    expect(waitTargets(all, ['db'])).toEqual([]);
    expect(waitTargets(all, ['web'])).toEqual([]);
  });
});
