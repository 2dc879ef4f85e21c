import { describe, expect, it } from 'vitest';
import { looksSecret, maskMap } from '../../src/config/secrets.js';

describe('secret masking', () => {
  it('recognises credential-looking names', () => {
    for (const name of ['POSTGRES_PASSWORD', 'DB_PASS', 'MYSQL_PWD', 'API_TOKEN', 'SECRET_KEY_BASE', 'STRIPE_KEY', 'AWS_SECRET_ACCESS_KEY', 'github_api_key', 'AUTH_HEADER', 'GPG_PASSPHRASE'])
      expect(looksSecret(name), name).toBe(true);
    for (const name of ['POSTGRES_USER', 'PORT', 'KEYBOARD_LAYOUT', 'MONKEY', 'MYSQL_ROOT_PASSWORD_FILE', 'NODE_ENV'])
      expect(looksSecret(name), name).toBe(false);
  });

  it('masks values, and passwords inside URLs, unless shown', () => {
    const env = { DB_PASSWORD: 'hunter2', DATABASE_URL: 'postgres://app:hunter2@db:5432/app', PLAIN: 'http://example.com/a:b@c', EMPTY_TOKEN: '' };
    expect(maskMap(env, false)).toEqual({
      DB_PASSWORD: '********',
      DATABASE_URL: 'postgres://app:********@db:5432/app',
      PLAIN: 'http://example.com/a:b@c',
      EMPTY_TOKEN: '',
    });
    expect(maskMap(env, true)).toBe(env);
  });
});
