// The web dashboard's HTTP server, inside the session process: one more client of the session,
// beside the Unix socket. It reads the same store and sends intents to the same Session methods
// the socket's intents reach (the caller passes them in as `intent`). 127.0.0.1 only; every
// request needs the token (token.ts), the page, its files and the live stream alike.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FoxdevError } from '../errors.js';
import type { Store } from '../store/index.js';
import { streamTo, type Stream } from './events.js';
import { statsLoop } from './stats-loop.js';
import { MAX_BODY_BYTES, parseWebIntent } from './intent.js';
import { snapshotFor } from './snapshot.js';
import { staticFile } from './static-files.js';
import { timelineReducer, type Timeline } from './timeline.js';
import { authorised, loopbackHost, newToken, tokenCookie } from './token.js';
import type { IntentReply, UnitStats, WebIntent } from './wire.js';

export interface WebServerOptions {
  store: Store;
  /** Carries an intent out; resolves when the operation has ended (the page shows it till then). */
  intent: (intent: WebIntent) => Promise<unknown>;
  /** 0 or undefined: a free port. */
  port?: number;
  token?: string;
  staticDir?: string;
  /** One resource sample of the session's containers, by unit name (none: the page shows no CPU/memory). */
  stats?: () => Promise<Record<string, UnitStats>>;
}

export interface WebServer {
  port: number;
  token: string;
  /** The link to print: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.token ?? newToken();
  const streams = new Set<Stream>();
  const stats = o.stats ? statsLoop(o.stats, (s) => streams.forEach((st) => st.send('stats', s))) : undefined;
  let port = 0;
  // Started before the services are: it sees the whole `up`.
  let timeline: Timeline = {};
  const offTimeline = o.store.onAction((a) => (timeline = timelineReducer(timeline, a)));
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (!loopbackHost(req.headers.host, port)) return text(res, 403, 'forbidden: this server answers to 127.0.0.1 only\n');
    const parts = { url, cookie: req.headers.cookie, header: one(req.headers['x-foxdev-token']), authorization: req.headers.authorization };
    if (!authorised(parts, port, token)) return text(res, 403, 'forbidden: open the link foxdev up printed (it carries the token)\n');
    const pathname = url.split('?')[0];
    if (pathname === '/api/events' && req.method === 'GET') {
      const stream = streamTo(res, o.store, () => timeline);
      streams.add(stream);
      const latest = stats?.join();
      if (latest) stream.send('stats', latest);
      res.on('close', () => {
        streams.delete(stream);
        stats?.leave();
      });
      return;
    }
    if (pathname === '/api/state' && req.method === 'GET') return json(res, 200, snapshotFor(o.store.getState(), Date.now(), timeline));
    if (pathname === '/api/intent') {
      if (req.method !== 'POST') return text(res, 405, 'POST an intent as JSON\n');
      // A form on another site cannot send JSON without a CORS preflight, which this server never grants.
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return json(res, 415, { ok: false, error: 'send the intent as application/json' });
      const body = await readBody(req);
      if (body === undefined) return json(res, 413, { ok: false, error: `an intent is at most ${MAX_BODY_BYTES} bytes` });
      const intent = parseWebIntent(body);
      if ('error' in intent) return json(res, 400, { ok: false, error: intent.error });
      try {
        return json(res, 200, { ok: true, result: (await o.intent(intent)) ?? null });
      } catch (err) {
        return json(res, 409, { ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'method not allowed\n');
    const file = await staticFile(pathname, o.staticDir);
    if (!file) return text(res, 404, 'not found\n');
    const headers: Record<string, string> = { 'content-type': file.type, 'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store' };
    // The first visit came with ?token=: the page's own requests carry it as a cookie from now on.
    if (url.includes('token=')) headers['set-cookie'] = tokenCookie(port, token);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new FoxdevError('usage', `web dashboard: port ${o.port} on ${HOST} is in use`, { hint: 'choose another with --web-port N, let foxdev pick one (omit --web-port), or turn it off with --no-web' })
          : err,
      ),
    );
    server.listen(o.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        offTimeline();
        stats?.stop();
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: IntentReply | object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      // Past the limit the rest is read and dropped, so the client still gets its 413.
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
