// Environment split by what it holds: secret-looking names or values go to a Secret, the rest
// to a ConfigMap (see ../secret-names.ts for what counts as secret).
import { isSecretEnv } from '../secret-names.js';
import type { ServiceValues } from './types.js';

export function splitEnv(env: Record<string, string>): Pick<ServiceValues, 'env' | 'secretEnv'> {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) (isSecretEnv(k, v) ? secret : plain)[k] = v;
  return { env: plain, secretEnv: secret };
}
