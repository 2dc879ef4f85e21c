// Replicas in the plan, with no engine: compose's numbering, scaling down from the highest number,
// reuse of the survivors, one build per service, one seed per volume, and the conflicts compose
// refuses (a fixed container name or host port for several containers).
import { describe, expect, it } from 'vitest';
import { formatPlan, planUp, type Observed } from '../../src/plan/up.js';
import { parseScaleFlags, replicasOf } from '../../src/plan/replicas.js';
import { containerSpec } from '../../src/plan/container-spec.js';
import { project, service } from '../helpers/project.js';

const nothing = (): Observed => ({ containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] });

describe('replicas', () => {
  it('scale, deploy.replicas and --scale decide the count, in that order of strength', () => {
    expect(replicasOf(service('a'))).toBe(1);
    expect(replicasOf(service('a', { extra: { deploy: { replicas: 2 } } }))).toBe(2);
    expect(replicasOf(service('a', { extra: { scale: 3, deploy: { replicas: 2 } } }))).toBe(3);
    expect(replicasOf(service('a', { extra: { scale: 3 } }), { a: 0 })).toBe(0);
  });

  it('a scaled service plans one unit per container, numbered from 1; its image is built once and its data seeded once', () => {
    const p = project({
      api: { build: { context: '/src/api', dockerfile: 'Dockerfile', args: {} }, extra: { scale: 3 } },
      db: { volumes: [{ type: 'volume', source: 'data', target: '/data', read_only: false }], seed: { kind: 'command', command: ['load'], where: 'container', files: [], dependents: 'none' }, extra: { scale: 2 } },
      web: { depends_on: { api: 'service_started' } },
    });
    const plan = planUp(p, { ...nothing(), desiredBuildHashes: { api: 'h' }, missingVolumes: ['data'] }, ['db', 'api', 'web']);
    expect(formatPlan(plan)).toBe(
      [
        'project demo',
        'volumes create data',
        'db-1   container create, seed',
        'db-2   container create',
        'api-1  container build, create',
        'api-2  container build cached, create',
        'api-3  container build cached, create',
        'web    container create  after api:started',
      ].join('\n'),
    );
  });

  it('scaling down keeps up-to-date, running, low-numbered containers; scaling up adds numbers after the highest', () => {
    const p = project({ w: { extra: { scale: 2 } } });
    const hash = planUp(p, nothing(), ['w']).services[0].hash!;
    const seen = (n: number, h = hash, running = true) => ({ service: 'w', id: `id${n}`, hash: h, running, number: n });
    const observed = (...cs: ReturnType<typeof seen>[]) => ({ ...nothing(), containers: Object.fromEntries(cs.map((c) => [c.number === 1 ? 'w' : `w#${c.number}`, c])) });
    const three = planUp(p, observed(seen(1), seen(3), seen(4)), ['w']);
    expect(three.scaleDown).toEqual([{ service: 'w', id: 'id4', number: 4 }]);
    expect(three.services.map((s) => [s.unit, s.step.action])).toEqual([['w-1', 'reuse'], ['w-3', 'reuse']]);
    // compose's TestScaleDownNoRecreate: the stale replicas go first, whatever their numbers.
    const stale = planUp(p, observed(seen(1, 'old'), seen(2, 'old'), seen(3), seen(4)), ['w']);
    expect(stale.scaleDown.map((d) => d.number)).toEqual([2, 1]);
    expect(stale.services.map((s) => s.unit)).toEqual(['w-3', 'w-4']);
    // Up from {1}: number 2 is new; a single replica keeps the service's own name.
    expect(planUp(p, observed(seen(1)), ['w']).services.map((s) => [s.unit, s.step.action])).toEqual([['w-1', 'reuse'], ['w-2', 'create']]);
    expect(planUp(p, observed(seen(1), seen(2)), ['w'], { scale: { w: 1 } }).services.map((s) => [s.unit, s.replica, s.step.action])).toEqual([['w', 1, 'reuse']]);
    expect(planUp(p, observed(seen(2)), ['w'], { scale: { w: 3 } }).services.map((s) => s.unit)).toEqual(['w-2', 'w-3', 'w-4']);
  });

  it('replicas share one config hash; each has its own name and number', () => {
    const p = project({ w: { extra: { scale: 2 } } });
    const one = containerSpec(p, p.services.w, 'img', undefined, {}, 1);
    const two = containerSpec(p, p.services.w, 'img', undefined, {}, 2);
    expect(two.hash).toBe(one.hash);
    expect([one.name, two.name]).toEqual(['demo-w-1', 'demo-w-2']);
    expect((two.body.Labels as Record<string, string>)['com.docker.compose.container-number']).toBe('2');
  });

  it('a dependency scaled to 0 is not waited for', () => {
    const p = project({ off: { extra: { scale: 0 } }, app: { depends_on: { off: 'service_started' } } });
    expect(formatPlan(planUp(p, nothing(), ['off', 'app']))).toBe(['project demo', 'app  container create'].join('\n'));
  });

  it('refuses what only one container can hold, and bad --scale values', () => {
    const fixedPort = project({ w: { ports: [{ target: 80, published: 8080, protocol: 'tcp' }], extra: { scale: 2 } } });
    expect(() => planUp(fixedPort, nothing(), ['w'])).toThrow('services.w: host port 8080 can be published by one container only');
    const range = project({ w: { ports: [{ target: 80, published: 8080, publishedEnd: 8081, protocol: 'tcp' }], extra: { scale: 2 } } });
    expect(planUp(range, nothing(), ['w']).services).toHaveLength(2);
    const named = project({ w: { extra: { container_name: 'fixed' } } });
    expect(() => planUp(named, nothing(), ['w'], { scale: { w: 2 } })).toThrow('container_name "fixed" names one container');
    expect(() => parseScaleFlags(named, ['w=x'])).toThrow('--scale w=x: expected SERVICE=NUMBER');
    expect(() => parseScaleFlags(named, ['v=2'])).toThrow('no such service: v (have: w)');
    expect(parseScaleFlags(named, ['w=0'])).toEqual({ w: 0 });
  });
});
