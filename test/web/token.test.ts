import { describe, expect, it } from 'vitest';
import { authorised, cookieName, loopbackHost, newToken, offeredTokens, tokenCookie } from '../../src/web/token.js';

describe('the web token', () => {
  const token = 'abcDEF123_-';
  it('is random and URL-safe', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it('is accepted from the query, the header, a bearer and the cookie of this port', () => {
    expect(authorised({ url: `/?token=${token}` }, 8080, token)).toBe(true);
    expect(authorised({ url: `/api/events?x=1&token=${token}` }, 8080, token)).toBe(true);
    expect(authorised({ url: '/', header: token }, 8080, token)).toBe(true);
    expect(authorised({ url: '/', authorization: `Bearer ${token}` }, 8080, token)).toBe(true);
    expect(authorised({ url: '/', cookie: `other=1; ${cookieName(8080)}=${token}` }, 8080, token)).toBe(true);
  });

  it('is refused when missing, wrong, a prefix, or another port’s cookie', () => {
    expect(authorised({ url: '/' }, 8080, token)).toBe(false);
    expect(authorised({ url: '/?token=' }, 8080, token)).toBe(false);
    expect(authorised({ url: '/?token=abcDEF123_' }, 8080, token)).toBe(false);
    expect(authorised({ url: `/?token=${token}x` }, 8080, token)).toBe(false);
    expect(authorised({ url: '/', cookie: `${cookieName(8081)}=${token}` }, 8080, token)).toBe(false);
    expect(authorised({ url: '/', authorization: `Basic ${token}` }, 8080, token)).toBe(false);
  });

  it('offers every candidate in order', () => {
    expect(offeredTokens({ url: '/?token=q', header: 'h', authorization: 'Bearer b', cookie: `${cookieName(1)}=c` }, 1)).toEqual(['q', 'h', 'b', 'c']);
  });

  it('sets an HttpOnly, SameSite=Strict cookie named for the port', () => {
    expect(tokenCookie(4000, token)).toBe(`foxdev_token_4000=${token}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('answers loopback Host names only (DNS rebinding)', () => {
    expect(loopbackHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(loopbackHost('localhost:4000', 4000)).toBe(true);
    expect(loopbackHost('evil.example:4000', 4000)).toBe(false);
    expect(loopbackHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(loopbackHost(undefined, 4000)).toBe(false);
  });
});
