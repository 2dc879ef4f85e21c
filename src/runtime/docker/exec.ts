// Run one process inside a container through the Engine API (never the docker CLI) and collect
// its exit code, for probes and seeds. An abort signal ends it early (a probe's timeout). stdin,
// when given, is streamed and then half-closed so the process sees EOF; stdout can go to a sink
// (pg_dump's output is streamed to a file, never held in memory).
import type Docker from 'dockerode';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FoxdevError } from '../../errors.js';
import { execExitCode } from './exec-exit.js';

export interface ExecOptions {
  env?: Record<string, string | undefined>;
  workdir?: string;
  user?: string;
  stdin?: Readable | Buffer | string;
  /** Where stdout goes; when absent it is collected into the result. */
  stdout?: Writable;
  /** Each stderr line as it arrives (progress for the log pane). */
  onStderr?: (line: string) => void;
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function execIn(container: Docker.Container, cmd: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const env = Object.entries(opts.env ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  const withStdin = opts.stdin !== undefined;
  let exec: Docker.Exec;
  try {
    exec = await container.exec({
      Cmd: cmd,
      AttachStdin: withStdin,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      Env: env,
      WorkingDir: opts.workdir,
      User: opts.user,
    });
  } catch (err) {
    throw new FoxdevError('engine', `cannot run ${cmd[0]} in container ${container.id.slice(0, 12)}: ${(err as Error).message}`, { cause: err });
  }
  const stream = (await exec.start({ hijack: withStdin, stdin: withStdin })) as NodeJS.ReadWriteStream & Readable;

  const out = opts.stdout ?? new PassThrough();
  const outChunks: Buffer[] = [];
  if (!opts.stdout) out.on('data', (c: Buffer) => outChunks.push(c));
  const errStream = new PassThrough();
  const errChunks: Buffer[] = [];
  let partial = '';
  errStream.on('data', (c: Buffer) => {
    errChunks.push(c);
    if (!opts.onStderr) return;
    const lines = (partial + c.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) opts.onStderr(l);
  });
  container.modem.demuxStream(stream, out, errStream);

  const onAbort = () => stream.destroy(new FoxdevError('cancelled', `${cmd[0]} was cancelled`));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const ended = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', reject);
    });
    if (withStdin) {
      const input = typeof opts.stdin === 'string' || Buffer.isBuffer(opts.stdin) ? Readable.from([Buffer.from(opts.stdin)]) : (opts.stdin as Readable);
      // end: true half-closes the hijacked socket; the engine passes EOF on to the process.
      await pipeline(input, stream as unknown as Writable, { end: true }).catch((err: unknown) => {
        // The process may exit before reading all input (e.g. psql stopping at an error);
        // its exit code then tells the story, not the broken pipe.
        if ((err as NodeJS.ErrnoException).code !== 'EPIPE' && (err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err;
      });
    }
    await ended;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (partial && opts.onStderr) opts.onStderr(partial);
  if (opts.stdout) await new Promise<void>((resolve) => (opts.stdout!.writableNeedDrain ? opts.stdout!.once('drain', resolve) : resolve()));
  return { exitCode: await execExitCode(exec), stdout: Buffer.concat(outChunks).toString('utf8'), stderr: Buffer.concat(errChunks).toString('utf8') };
}

