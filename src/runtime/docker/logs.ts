// A container's output as lines. The engine follows from "now" when it attaches so a reused
// container's history is not replayed into the dashboard; `foxdev logs` asks for history.
import type Docker from 'dockerode';
import { PassThrough } from 'node:stream';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  line: string;
  /** Engine timestamp (ms) when asked for with timestamps. */
  at?: number;
}

export interface LogOptions {
  follow: boolean;
  since?: number; // unix seconds
  until?: number; // unix seconds
  tail?: number;
  timestamps?: boolean;
  signal?: AbortSignal;
}

export async function containerLogs(docker: Docker, id: string, opts: LogOptions, onLine: (l: LogLine) => void): Promise<void> {
  const c = docker.getContainer(id);
  const info = await c.inspect();
  const base = { stdout: true, stderr: true, timestamps: true, since: opts.since, ...(opts.until !== undefined ? { until: opts.until } : {}), tail: opts.tail ?? 'all' } as const;
  const raw = opts.follow
    ? await c.logs({ ...base, follow: true, abortSignal: opts.signal } as Docker.ContainerLogsOptions & { follow: true })
    : await c.logs({ ...base, follow: false } as Docker.ContainerLogsOptions & { follow: false });
  const out = new PassThrough();
  const err = new PassThrough();
  splitLines(out, 'stdout', onLine);
  splitLines(err, 'stderr', onLine);
  if (Buffer.isBuffer(raw)) {
    // Non-follow answers come back whole; TTY containers are not multiplexed.
    if (info.Config.Tty) out.end(raw);
    else {
      demuxBuffer(raw, out, err);
      out.end();
      err.end();
    }
    await Promise.all([ended(out), ended(err)]);
    return;
  }
  if (info.Config.Tty) raw.pipe(out);
  else docker.modem.demuxStream(raw, out, err);
  await new Promise<void>((resolve) => {
    const done = () => (out.end(), err.end(), resolve());
    raw.on('end', done);
    raw.on('close', done);
    raw.on('error', done);
    opts.signal?.addEventListener('abort', () => {
      (raw as unknown as { destroy?: () => void }).destroy?.();
      done();
    });
  });
}

function demuxBuffer(buf: Buffer, out: PassThrough, err: PassThrough): void {
  let i = 0;
  while (i + 8 <= buf.length) {
    const kind = buf[i];
    const len = buf.readUInt32BE(i + 4);
    (kind === 2 ? err : out).write(buf.subarray(i + 8, i + 8 + len));
    i += 8 + len;
  }
}

function ended(s: PassThrough): Promise<void> {
  return new Promise((r) => (s.readableEnded ? r() : s.on('end', () => r())));
}

function splitLines(s: PassThrough, stream: 'stdout' | 'stderr', onLine: (l: LogLine) => void): void {
  let rest = '';
  s.setEncoding('utf8');
  s.on('data', (chunk: string) => {
    rest += chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      emit(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
  });
  s.on('end', () => rest && emit(rest));
  function emit(text: string): void {
    // "2026-01-01T00:00:00.123456789Z message": the engine's timestamp, then the line.
    const sp = text.indexOf(' ');
    const ts = sp > 0 ? Date.parse(text.slice(0, sp)) : NaN;
    if (Number.isFinite(ts)) onLine({ stream, line: text.slice(sp + 1).replace(/\r$/, ''), at: ts });
    else onLine({ stream, line: text.replace(/\r$/, '') });
  }
}
