// A JSON-lines server on a Unix socket, for the session's API (api/protocol.ts). The socket file
// is made 0600 inside a 0700 folder, so only the user who runs the session can connect (the
// kernel checks the file mode on connect; root is not kept out, as with Docker's own socket). A
// socket file left by a killed session is found dead (nothing answers) and replaced; one that
// answers belongs to a live session and is never taken over.
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { FoxdevError } from '../errors.js';

export interface Connection {
  send(message: unknown): void;
  close(): void;
  /** Called once when the peer goes away. */
  onClose(fn: () => void): void;
}

export interface SocketServer {
  path: string;
  close(): Promise<void>;
}

/** Whether something answers on the socket (a live session) or not (no file, or a dead one). */
export function socketAlive(file: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(file);
    const done = (alive: boolean) => {
      clearTimeout(t);
      s.destroy();
      resolve(alive);
    };
    const t = setTimeout(() => done(false), timeoutMs);
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export async function serveLines(
  file: string,
  maxLineBytes: number,
  onLine: (line: string, conn: Connection) => void,
  onOversize: (conn: Connection) => void,
): Promise<SocketServer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  if (await socketAlive(file)) throw new FoxdevError('usage', `a foxdev session already runs for this project (${file} answers)`, { hint: 'use that one (foxdev ps, foxdev restart …), or stop it first' });
  await rm(file, { force: true }); // a dead session's socket
  const conns = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    conns.add(sock);
    sock.setEncoding('utf8');
    let buf = '';
    const closers: Array<() => void> = [];
    const conn: Connection = {
      send: (m) => {
        if (!sock.destroyed) sock.write(`${JSON.stringify(m)}\n`);
      },
      close: () => sock.end(),
      onClose: (fn) => closers.push(fn),
    };
    sock.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) onLine(line, conn);
      }
      if (Buffer.byteLength(buf) > maxLineBytes) {
        buf = '';
        onOversize(conn);
      }
    });
    sock.on('error', () => {}); // a client that vanishes mid-write is its own problem
    sock.on('close', () => {
      conns.delete(sock);
      for (const fn of closers) fn();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  await chmod(file, 0o600);
  return {
    path: file,
    close: async () => {
      for (const c of conns) c.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(file, { force: true });
    },
  };
}
