// Where a project's session listens: `session.sock` in its state folder, or, when that path is
// too long for a Unix socket (about 107 bytes on Linux), a per-user folder under the temp dir
// named by a hash of the state folder, so every CLI call finds the same address.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { stateDir } from './process-state.js';

const MAX_SOCKET_PATH = 100;

export function sessionSocketPath(project: { dir: string; name: string }): string {
  const own = path.join(stateDir(project), 'session.sock');
  if (Buffer.byteLength(own) <= MAX_SOCKET_PATH) return own;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const hash = createHash('sha256').update(stateDir(project)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `foxdev-${uid}`, `${hash}.sock`);
}
