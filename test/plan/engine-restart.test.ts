// The engine restart policy a detached container is handed, as compose maps `restart:` and
// `deploy.restart_policy` (pkg/compose getRestartPolicy): deploy wins; a retry count only with on-failure.
import { describe, expect, it } from 'vitest';
import { engineRestartPolicy } from '../../src/plan/engine-restart.js';

const svc = (restart: 'no' | 'always' | 'on-failure' | 'unless-stopped', extra: Record<string, unknown> = {}, restartMaxRetries?: number) => ({ restart, extra, restartMaxRetries });

describe('engineRestartPolicy', () => {
  it('maps restart: as compose does', () => {
    expect(engineRestartPolicy(svc('no'))).toEqual({ Name: 'no', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('always'))).toEqual({ Name: 'always', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('unless-stopped'))).toEqual({ Name: 'unless-stopped', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('on-failure'))).toEqual({ Name: 'on-failure', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('on-failure', {}, 3))).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
  });

  it('deploy.restart_policy wins over restart:', () => {
    expect(engineRestartPolicy(svc('always', { deploy: { restart_policy: { condition: 'none' } } }))).toEqual({ Name: 'no', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('no', { deploy: { restart_policy: { condition: 'on-failure', max_attempts: 2 } } }))).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(engineRestartPolicy(svc('unless-stopped', { deploy: { restart_policy: { condition: 'any' } } }))).toEqual({ Name: 'always', MaximumRetryCount: 0 });
    expect(engineRestartPolicy(svc('no', { deploy: { restart_policy: {} } }))).toEqual({ Name: 'always', MaximumRetryCount: 0 });
  });
});
