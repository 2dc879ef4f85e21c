import { getEventListeners } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { tcpProbe } from '../../../src/engine/probes/tcp.js';

describe('tcpProbe', () => {
  it('leaves no abort listener on the shared signal after many attempts, open or refused', async () => {
    const server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const ac = new AbortController();
    try {
      for (let i = 0; i < 30; i++) expect((await tcpProbe('127.0.0.1', port, 1000)(ac.signal)).ok).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
    for (let i = 0; i < 30; i++) expect((await tcpProbe('127.0.0.1', port, 1000)(ac.signal)).detail).toBe('connection refused');
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('answers "cancelled" when the signal aborts mid-attempt', async () => {
    const ac = new AbortController();
    // 192.0.2.1 (TEST-NET-1) never answers; the abort ends the attempt before the timeout.
    const p = tcpProbe('192.0.2.1', 9, 10_000)(ac.signal);
    ac.abort();
    expect(await p).toEqual({ ok: false, detail: 'cancelled' });
  });
});
