// up/create --pull: compose's values, laid over each service's pull_policy except built ones.
import { describe, expect, it } from 'vitest';
import { checkPull, withPull } from '../../src/cli/pull-flag.js';
import { project } from '../helpers/project.js';

describe('--pull', () => {
  const p = project({ db: { extra: { pull_policy: 'always' } }, api: { build: { context: '/src', dockerfile: 'Dockerfile', args: {} } } });
  it('sets every image service’s pull policy; built services keep building', () => {
    const q = withPull(p, 'never');
    expect(q.services.db.extra.pull_policy).toBe('never');
    expect(q.services.api.extra.pull_policy).toBeUndefined();
  });
  it('"policy" (compose’s default) keeps the file’s own', () => {
    expect(withPull(p, 'policy').services.db.extra.pull_policy).toBe('always');
    expect(withPull(p, undefined)).toBe(p);
  });
  it('refuses other values in one line', () => {
    expect(() => checkPull('sometimes')).toThrow('invalid --pull option "sometimes": expected always, missing, never or policy');
    expect(() => checkPull('missing')).not.toThrow();
  });
});
