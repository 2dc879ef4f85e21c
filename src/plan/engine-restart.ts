// PURE: the engine's restart policy for a service, as compose sets it (`restart:` or, over it,
// `deploy.restart_policy` with max_attempts). While a foxdev session runs, containers carry "no"
// and foxdev supervises (backoff, crash-loop state, delay and window); when the session lets go
// (`up -d`, a detach), each container gets this policy so the engine keeps restarting it, as it
// would under `docker compose up -d`.
import type { Service } from '../config/project.js';
import { restartRule } from './backoff.js';

export interface EngineRestartPolicy {
  Name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount: number;
}

export const SUPERVISED: EngineRestartPolicy = { Name: 'no', MaximumRetryCount: 0 };

export function engineRestartPolicy(svc: Pick<Service, 'restart' | 'restartMaxRetries' | 'extra'>): EngineRestartPolicy {
  const rule = restartRule(svc);
  if (rule.condition === 'none') return SUPERVISED;
  // The engine takes a retry count only with on-failure (it refuses one with always).
  if (rule.condition === 'on-failure') return { Name: 'on-failure', MaximumRetryCount: rule.maxAttempts ?? 0 };
  return { Name: svc.restart === 'unless-stopped' && !rule.label.startsWith('restart_policy') ? 'unless-stopped' : 'always', MaximumRetryCount: 0 };
}
