// Which values `foxdev config` masks: environment variables (and build args, run env) whose
// names say they hold a credential. A name ending in _FILE holds a path to the secret, not the
// secret (the postgres/mysql image convention), so it stays visible. Pure.

const SECRET_NAME = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth)/i;

export const MASK = '********';

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !/_FILE$/i.test(name);
}

export function maskMap(values: Record<string, string>, show: boolean): Record<string, string> {
  if (show) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, looksSecret(k) && v !== '' ? MASK : v]));
}
