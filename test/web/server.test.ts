// The web dashboard's server on a real socket (no engine needed): the token guards everything,
// the live stream is the snapshot plus every action, and the page's reducer ends up with exactly
// the session's State; intents reach the given function and answer when it is done.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, initialState, reducer, type Action, type State } from '../../src/store/index.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { stateFrom } from '../../src/web/snapshot.js';
import type { WebIntent, WebSnapshot } from '../../src/web/wire.js';

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (b += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: b }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads SSE events until `until` says stop. */
function events(port: number, path: string, until: (evs: Array<{ event: string; data: unknown }>) => boolean): Promise<Array<{ event: string; data: unknown }>> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      let buf = '';
      const out: Array<{ event: string; data: unknown }> = [];
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (ev && data) out.push({ event: ev, data: JSON.parse(data) });
        }
        if (until(out)) {
          req.destroy();
          resolve(out);
        }
      });
    });
    req.on('error', reject);
  });
}

const services = ['db', 'api'].map((name) => ({ name, kind: 'container' as const, ports: [{ published: 8080, target: 80, protocol: 'tcp' }], dependsOn: [], hasSync: false, hasSeed: name === 'db' }));

let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

describe('the web dashboard server', () => {
  it('refuses every request without the token with 403, the live stream included', async () => {
    const store = createStore();
    web = await startWebServer({ store, intent: async () => null, token: 'sekret' });
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=sekret`);
    for (const p of ['/', '/index.html', '/api/events', '/api/state', '/assets/x.js', '/?token=wrong']) expect((await get(web.port, p)).status, p).toBe(403);
    expect((await get(web.port, '/api/intent', { 'content-type': 'application/json' }, 'POST', '{"kind":"stop"}')).status).toBe(403);
    // A loopback-only server refuses another Host name, token or not (DNS rebinding).
    expect((await get(web.port, '/?token=sekret', { host: `evil.example:${web.port}` })).status).toBe(403);
  });

  it('serves the page with the token and sets the cookie the page’s own requests then carry', async () => {
    const store = createStore();
    web = await startWebServer({ store, intent: async () => null, token: 'sekret' });
    const page = await get(web.port, '/?token=sekret');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const cookie = page.headers['set-cookie']![0];
    expect(cookie).toBe(`foxdev_token_${web.port}=sekret; Path=/; HttpOnly; SameSite=Strict`);
    expect((await get(web.port, '/api/state', { cookie: cookie.split(';')[0] })).status).toBe(200);
    expect((await get(web.port, '/api/state', { 'x-foxdev-token': 'sekret' })).status).toBe(200);
    expect((await get(web.port, '/../../etc/passwd?token=sekret')).status).toBe(404);
  });

  it('streams the snapshot, then every action; the page’s reducer ends with the session’s State', async () => {
    const store = createStore(initialState({ logBufferLines: 3 }));
    store.dispatch({ type: 'project/loaded', project: { name: 'shop', services } });
    for (let i = 0; i < 5; i++) store.dispatch({ type: 'log', service: 'db', stream: 'stdout', line: `db ${i}`, at: i });
    web = await startWebServer({ store, intent: async () => null, token: 't' });
    const later: Action[] = [
      { type: 'service/phase', service: 'db', phase: 'ready', at: 10 },
      { type: 'logs', entries: [1, 2, 3, 4].map((i) => ({ service: i % 2 ? 'api' : 'db', stream: 'stdout' as const, line: `more ${i}`, at: 10 + i })) },
      { type: 'service/restarted', service: 'api', restarts: 1, at: 20 },
    ];
    const got = events(web.port, '/api/events?token=t', (evs) => evs.filter((e) => e.event === 'actions').flatMap((e) => e.data as Action[]).length >= later.length);
    await new Promise((r) => setTimeout(r, 100));
    for (const a of later) store.dispatch(a);
    const evs = await got;
    expect(evs[0].event).toBe('snapshot');
    const snap = evs[0].data as WebSnapshot;
    expect(snap.logs.db.map((l) => l.line)).toEqual(['db 2', 'db 3', 'db 4']);
    let page: State = stateFrom(snap);
    for (const e of evs.slice(1)) for (const a of e.data as Action[]) page = reducer(page, a);
    const session = store.getState();
    expect(page.services).toEqual(session.services);
    expect(page.nextSeq).toBe(session.nextSeq);
    // The timeline was folded from the actions since the server started.
    expect(snap.timeline).toEqual({});
    for (const name of ['db', 'api']) expect(JSON.stringify(page.logs[name].backing.slice(page.logs[name].start, page.logs[name].end))).toBe(JSON.stringify(session.logs[name].backing.slice(session.logs[name].start, session.logs[name].end)));
  });

  it('carries intents out and answers when they end; bad ones get the socket protocol’s error', async () => {
    const seen: WebIntent[] = [];
    web = await startWebServer({
      store: createStore(),
      token: 't',
      intent: async (i) => {
        seen.push(i);
        await new Promise((r) => setTimeout(r, 50));
        if (i.kind === 'rebuild') throw new Error('no service named nope');
        return { restarted: ['api'] };
      },
    });
    const post = (body: string, type = 'application/json') => get(web!.port, '/api/intent', { 'content-type': type, 'x-foxdev-token': 't' }, 'POST', body);
    const ok = await post('{"kind":"restart","service":"api"}');
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { ok: true, result: { restarted: ['api'] } }]);
    const failed = await post('{"kind":"rebuild","service":"nope"}');
    expect([failed.status, JSON.parse(failed.body)]).toEqual([409, { ok: false, error: 'no service named nope' }]);
    expect(JSON.parse((await post('{"kind":"explode"}')).body).error).toBe('intent.kind "explode" is not one of restart, rebuild, reseed, stop');
    expect((await post('not json')).status).toBe(400);
    expect((await post('{"kind":"stop"}', 'text/plain')).status).toBe(415);
    expect((await post('x'.repeat(100_000))).status).toBe(413);
    expect(seen).toEqual([{ kind: 'restart', service: 'api' }, { kind: 'rebuild', service: 'nope' }]);
  });

  it('says so when --web-port is taken', async () => {
    web = await startWebServer({ store: createStore(), intent: async () => null });
    await expect(startWebServer({ store: createStore(), intent: async () => null, port: web.port })).rejects.toThrow(`web dashboard: port ${web.port} on 127.0.0.1 is in use`);
  });
});
