import type { Probe } from './types.js';

/**
 * Passes on the expected status (default: any 2xx/3xx). `localhost` is tried over IPv4 and then
 * IPv6, as a browser would: a server bound to 127.0.0.1 only is still found when the resolver
 * prefers ::1.
 */
export function httpProbe(url: string, status: number | undefined, timeoutMs: number): Probe {
  const parsed = new URL(url);
  const candidates = parsed.hostname === 'localhost' ? ['127.0.0.1', '[::1]'].map((h) => withHost(parsed, h)) : [url];
  return async (signal) => {
    let last = { ok: false, detail: 'not probed' };
    for (const candidate of candidates) {
      try {
        const res = await fetch(candidate, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), redirect: 'manual' });
        await res.body?.cancel();
        const ok = status !== undefined ? res.status === status : res.status >= 200 && res.status < 400;
        return { ok, detail: `HTTP ${res.status}` };
      } catch (err) {
        last = { ok: false, detail: describeFetchError(err) };
      }
    }
    return last;
  };
}

function withHost(u: URL, host: string): string {
  const copy = new URL(u.href);
  copy.hostname = host;
  return copy.href;
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET') return 'connection reset';
  if ((err as Error).name === 'TimeoutError') return 'timed out';
  return (err as Error).message;
}
