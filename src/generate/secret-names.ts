// What counts as a secret, shared by `foxdev lint` (secrets baked into images or compose files)
// and `foxdev generate k8s` (which env goes to a Secret instead of a ConfigMap).
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|(^|_)KEY$|(^|_)PASS$)/i;
/** A URL with a password in it (postgres://user:pw@host/db) is a secret whatever its name. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s]+@/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function isSecretEnv(name: string, value: string): boolean {
  return isSecretName(name) || URL_WITH_PASSWORD.test(value);
}
