// The running session as a server (api/protocol.ts over runtime/socket-server.ts): any terminal,
// script or editor can read the state, follow every action in order, and ask for a restart,
// rebuild, reseed or stop — the same operations the dashboard's keys ask for, carried out by the
// same Session, so a second terminal no longer acts on the engine behind the session's back.
import type { Project } from '../config/project.js';
import { noSuchService } from '../errors.js';
import { MAX_LINE_BYTES, PROTOCOL_VERSION, parseRequest, snapshotOf, type Hello, type Intent } from '../api/protocol.js';
import type { Store } from '../store/store.js';
import { serveLines, type Connection, type SocketServer } from '../runtime/socket-server.js';
import { sessionSocketPath } from '../runtime/session-address.js';
import type { Session } from './session.js';

export interface SessionServerOptions {
  project: Project;
  store: Store;
  session: Session;
  /** The `stop` intent: what Ctrl-C does in the session's own terminal. */
  stop: () => void;
}

export async function serveSession(o: SessionServerOptions): Promise<SocketServer> {
  const reply = (conn: Connection, id: number | string | null, result: { ok: true; result: unknown } | { ok: false; error: string }) => conn.send({ v: PROTOCOL_VERSION, id, ...result });
  return serveLines(
    sessionSocketPath(o.project),
    MAX_LINE_BYTES,
    (line, conn) => {
      const req = parseRequest(line);
      if ('error' in req) return reply(conn, req.id, { ok: false, error: req.error });
      switch (req.op) {
        case 'hello': {
          const hello: Hello = { protocol: PROTOCOL_VERSION, project: o.project.name, pid: process.pid, services: [...o.store.getState().order] };
          return reply(conn, req.id, { ok: true, result: hello });
        }
        case 'state':
          return reply(conn, req.id, { ok: true, result: snapshotOf(o.store.getState()) });
        case 'subscribe': {
          reply(conn, req.id, { ok: true, result: { subscribed: true } });
          const off = o.store.onAction((action) => conn.send({ v: PROTOCOL_VERSION, event: 'action', action }));
          conn.onClose(off);
          return;
        }
        case 'intent':
          // The reply comes when the operation has ended, so a client can wait for it.
          void carryOut(o, req.intent).then(
            (result) => reply(conn, req.id, { ok: true, result }),
            (err: unknown) => reply(conn, req.id, { ok: false, error: err instanceof Error ? err.message : String(err) }),
          );
      }
    },
    (conn) => {
      reply(conn, null, { ok: false, error: `request longer than ${MAX_LINE_BYTES} bytes; connection closed` });
      conn.close();
    },
  );
}

/** What an intent does, for every client of the session (the socket here, the web page's POSTs). */
export async function carryOut(o: SessionServerOptions, intent: Intent): Promise<unknown> {
  const known = (s: string) => {
    if (!o.project.services[s] && !o.session.runs.has(s)) throw noSuchService(s, Object.keys(o.project.services));
  };
  switch (intent.kind) {
    case 'restart': {
      const targets = intent.service ? [intent.service] : [...new Set([...o.session.runs.values()].map((r) => r.svc.name))];
      targets.forEach(known);
      for (const t of targets) await o.session.restart(t);
      return { restarted: targets };
    }
    case 'rebuild':
      known(intent.service);
      await o.session.rebuild(intent.service, 'asked for through the session API');
      return { rebuilt: intent.service };
    case 'reseed': {
      const targets = intent.services?.length ? intent.services : Object.keys(o.project.services).filter((s) => o.project.services[s].seed);
      targets.forEach(known);
      return await o.session.reseed(targets, 'asked for through the session API');
    }
    case 'stop':
      o.stop();
      return { stopping: true };
  }
}
