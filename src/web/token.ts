// The web dashboard's only guard: a random token, as Jupyter's. Anyone on the machine can reach
// 127.0.0.1, so every request must carry it — in the query (the printed link), in the cookie the
// first visit sets (so the page's own requests and its live stream need not repeat it), or in a
// header (scripts). PURE apart from the random bytes; compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Cookies are not scoped by port: one name per port keeps two sessions' tokens apart. */
export function cookieName(port: number): string {
  return `foxdev_token_${port}`;
}

export interface RequestParts {
  /** The request target, e.g. `/api/events?token=…`. */
  url: string;
  cookie?: string;
  /** `x-foxdev-token` header. */
  header?: string;
  authorization?: string;
}

/** Every token the request offers, in the order query, header, bearer, cookie. */
export function offeredTokens(req: RequestParts, port: number): string[] {
  const out: string[] = [];
  const q = req.url.indexOf('?');
  if (q >= 0) {
    const t = new URLSearchParams(req.url.slice(q + 1)).get('token');
    if (t) out.push(t);
  }
  if (req.header) out.push(req.header);
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.authorization ?? '');
  if (bearer) out.push(bearer[1]);
  const name = cookieName(port);
  for (const part of (req.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authorised(req: RequestParts, port: number, token: string): boolean {
  return offeredTokens(req, port).some((t) => sameToken(t, token));
}

/** Set on the first visit with `?token=`: HttpOnly (no script reads it), Strict (no other site sends it). */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * The server listens on 127.0.0.1 only; a Host other than a loopback name means a page on some
 * other name resolved to us (DNS rebinding), which is refused whatever it carries.
 */
export function loopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
