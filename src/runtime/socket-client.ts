// The client side of runtime/socket-server.ts: JSON lines over the session's Unix socket, replies
// matched to requests by id, pushed events handed to a listener.
import net from 'node:net';

export interface LineClient {
  request(message: { id: number } & Record<string, unknown>): Promise<Record<string, unknown>>;
  onPush(fn: (message: Record<string, unknown>) => void): void;
  close(): void;
  closed: Promise<void>;
}

export function connectLines(file: string): Promise<LineClient> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(file);
    const waiting = new Map<number | string, (m: Record<string, unknown>) => void>();
    const pushes: Array<(m: Record<string, unknown>) => void> = [];
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let m: Record<string, unknown>;
        try {
          m = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        const id = m.id as number | string | undefined;
        if (id !== undefined && waiting.has(id)) {
          waiting.get(id)!(m);
          waiting.delete(id);
        } else for (const fn of pushes) fn(m);
      }
    });
    const closed = new Promise<void>((r) => sock.once('close', () => r()));
    sock.once('error', reject);
    sock.once('connect', () =>
      resolve({
        request: (message) =>
          new Promise((res, rej) => {
            if (sock.destroyed) return rej(new Error('the session closed the connection'));
            waiting.set(message.id, res);
            sock.write(`${JSON.stringify(message)}\n`);
            void closed.then(() => waiting.has(message.id) && rej(new Error('the session closed the connection')));
          }),
        onPush: (fn) => pushes.push(fn),
        close: () => sock.end(),
        closed,
      }),
    );
  });
}
