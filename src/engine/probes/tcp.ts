import { connect } from 'node:net';
import type { Probe } from './types.js';

export function tcpProbe(host: string, port: number, timeoutMs: number): Probe {
  return (signal) =>
    new Promise((resolve) => {
      const sock = connect({ host, port });
      const done = (ok: boolean, detail: string) => {
        clearTimeout(timer);
        // Probes run every ~100 ms on one long-lived signal: drop this attempt's listener.
        signal.removeEventListener('abort', onAbort);
        sock.destroy();
        resolve({ ok, detail });
      };
      const timer = setTimeout(() => done(false, 'timed out'), timeoutMs);
      sock.once('connect', () => done(true, `port ${port} open`));
      sock.once('error', (err: NodeJS.ErrnoException) => done(false, err.code === 'ECONNREFUSED' ? 'connection refused' : err.message));
      const onAbort = () => done(false, 'cancelled');
      signal.addEventListener('abort', onAbort, { once: true });
    });
}
