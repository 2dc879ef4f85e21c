// A tiny read-only Engine API client for `foxdev ps`. Why not dockerode: importing it (with
// docker-modem, ssh2, cpu-features, ...) costs 300–450 ms on our machines, more than the whole
// 400 ms budget of `foxdev ps`, which only needs two GETs (list and inspect). Anything that
// changes engine state, streams or hijacks stays with dockerode in docker/*.ts.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EngineEndpoint } from './engine-endpoint.js';

export class EngineHttpError extends Error {
  constructor(
    message: string,
    /** Same field dockerode sets, so callers can treat both alike (404: no such object). */
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/** GET `path` (e.g. "/containers/json?all=1") and parse the JSON answer. */
export function engineGet<T>(endpoint: EngineEndpoint, path: string, timeoutMs = 10_000): Promise<T> {
  const o = endpoint.options;
  const request = o.protocol === 'https' ? httpsRequest : httpRequest;
  const tls = o as { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized?: boolean };
  const target = o.socketPath
    ? { socketPath: o.socketPath }
    : { host: o.host, port: o.port, ...(o.protocol === 'https' ? { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized } : {}) };
  // Node takes the TLS server name from the Host header: it must be the engine's own name (or
  // address) for the certificate check; the engine itself ignores the header.
  const hostHeader = o.protocol === 'https' && o.host ? String(o.host) : 'docker';
  return new Promise<T>((resolve, reject) => {
    const req = request({ ...target, path, method: 'GET', headers: { Host: hostHeader, Accept: 'application/json' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          // The engine answers errors as {"message": "..."}.
          let message = text.trim();
          try {
            message = (JSON.parse(text) as { message?: string }).message ?? message;
          } catch {
            /* not JSON: keep the text */
          }
          return reject(new EngineHttpError(`GET ${path}: ${status} ${message}`, status));
        }
        try {
          resolve(JSON.parse(text) as T);
        } catch (err) {
          reject(new Error(`GET ${path}: the engine's answer is not JSON: ${(err as Error).message}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** `GET /containers/json?all=1&filters=…` with label filters, as `docker ps -a --filter label=…`. */
export function listContainersByLabel<T>(endpoint: EngineEndpoint, labels: string[]): Promise<T[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: labels }));
  return engineGet<T[]>(endpoint, `/containers/json?all=1&filters=${filters}`);
}

export function inspectContainer<T>(endpoint: EngineEndpoint, id: string): Promise<T> {
  return engineGet<T>(endpoint, `/containers/${encodeURIComponent(id)}/json`);
}
