// HTTP readiness probe. It uses node:http rather than fetch on purpose: fetch refuses the ports
// browsers block (4190, 6000, 6665-6669, …), and a dev service may well listen on one of them.
import http from 'node:http';
import https from 'node:https';
import type { Probe, ProbeResult } from './types.js';

/**
 * Passes on the expected status (default: any 2xx/3xx). `localhost` is tried over IPv4 and then
 * IPv6, as a browser would: a server bound to 127.0.0.1 only is still found when the resolver
 * prefers ::1.
 */
export function httpProbe(url: string, status: number | undefined, timeoutMs: number): Probe {
  const parsed = new URL(url);
  const hosts = parsed.hostname === 'localhost' ? ['127.0.0.1', '::1'] : [parsed.hostname.replace(/^\[|\]$/g, '')];
  return async (signal) => {
    let last: ProbeResult = { ok: false, detail: 'not probed' };
    for (const host of hosts) {
      last = await request(parsed, host, timeoutMs, signal);
      if (last.detail.startsWith('HTTP ')) {
        const code = Number(last.detail.slice(5));
        return { ok: status !== undefined ? code === status : code >= 200 && code < 400, detail: last.detail };
      }
    }
    return last;
  };
}

function request(url: URL, host: string, timeoutMs: number, signal: AbortSignal): Promise<ProbeResult> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(
      {
        host,
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        path: url.pathname + url.search,
        method: 'GET',
        headers: { host: url.host, 'user-agent': 'foxdev-probe' },
        timeout: timeoutMs,
        signal,
        rejectUnauthorized: false, // local dev certificates are usually self-signed
      },
      (res) => {
        res.resume();
        resolve({ ok: true, detail: `HTTP ${res.statusCode}` });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, detail: describe(err) }));
    req.end();
  });
}

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
      return 'timed out';
    default:
      return err.message;
  }
}
