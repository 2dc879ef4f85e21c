// Which values `foxdev config` masks: environment variables (and build args, run env) whose
// names say they hold a credential, and the password part of URLs with credentials in them
// (postgres://user:pw@db/app). A name ending in _FILE holds a path to the secret, not the secret
// (the postgres/mysql image convention), so it stays visible. Pure.

const SECRET_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|credential|auth|(^|[_-])key($|[_-])|api[_-]?key|private[_-]?key|access[_-]?key)/i;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]+)(@)/gi;

export const MASK = '********';

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !/_FILE$/i.test(name);
}

export function maskValue(name: string, value: string): string {
  if (value === '') return value;
  if (looksSecret(name)) return MASK;
  // Only a URL can carry a password (and most values are none).
  return value.includes('://') ? value.replace(URL_PASSWORD, `$1${MASK}$3`) : value;
}

export function maskMap(values: Record<string, string>, show: boolean): Record<string, string> {
  if (show) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, maskValue(k, v)]));
}
