// A long-lived receiver inside the container: one `sh` started through exec, reading framed
// commands from its stdin and answering "<op> <exit code>" per command on stdout:
//  - "T <p> <t>\n<prep><tar>": <prep> (p bytes, usually none) lists "d <path>"/"f <path>"
//    lines — entries about to arrive as directories / as files or links; whatever sits there
//    as the other kind is removed first, because tar will not put a file where a directory is
//    (or, in busybox, a directory where a file is); so is a file or link standing where an
//    entry's parent directory must go. Then the tar (t bytes) is extracted at /.
//  - "R <n>\n<paths>": rm -rf the newline-separated paths.
//
// Why: on this engine a PUT /archive costs a fresh untar helper process in the daemon and an
// exec costs create+start+inspect round trips; both were ~100 ms under load. Keeping one exec
// open turns a batch into a write on an open socket plus `head | tar` in the container. It
// needs sh, head and tar in the image (busybox and Debian have them); callers fall back to the
// archive endpoint when it cannot start. If the container restarts the exec dies with it, the
// pending command fails, and the next command starts a new receiver.
import { PassThrough, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { FoxdevError } from '../errors.js';

// `read` in sh consumes a pipe byte by byte, and dd with count_bytes,fullblock reads exactly N
// bytes (GNU and busybox alike; busybox `head -c` reads ahead through stdio and would eat the
// next frame), so each command takes exactly its frame off stdin.
const SCRIPT = `
take() { dd bs=65536 count="$1" iflag=count_bytes,fullblock 2>/dev/null; }
while IFS= read -r line; do
  op=\${line%% *}; n=\${line#* }
  case "$op" in
    T) t=\${n#* }; np=\${n%% *}
       take "$np" | while IFS= read -r l; do
         k=\${l%% *}; p=\${l#? }
         # an ancestor that is a file or a link here (a directory on the host now) is removed
         # too: the batch may carry only the entries inside it, and tar would fail on it
         a=\${p%/*}
         while [ -n "$a" ]; do
           if [ -L "$a" ] || { [ -e "$a" ] && [ ! -d "$a" ]; }; then rm -f -- "$a"; fi
           a=\${a%/*}
         done
         if [ "$k" = d ]; then
           if [ -L "$p" ] || { [ -e "$p" ] && [ ! -d "$p" ]; }; then rm -f -- "$p"; fi
         elif [ -d "$p" ] && [ ! -L "$p" ]; then rm -rf -- "$p"; fi
       done
       # drain what tar leaves unread (it stops early on an error, or at the end-of-archive
       # marker): a byte left in the pipe would be read as the next command
       take "$t" | { tar -x -f - -C /; r=$?; cat >/dev/null; exit $r; }; rc=$? ;;
    # only paths that exist: under a parent that is now a file a path is gone already, and
    # rm would fail on it with "Not a directory"
    R) take "$n" | { set --; while IFS= read -r p; do if [ -e "$p" ] || [ -L "$p" ]; then set -- "$@" "$p"; fi; done; [ $# -eq 0 ] || rm -rf -- "$@"; }; rc=$? ;;
    *) rc=99 ;;
  esac
  echo "$op $rc"
done
`;

class ReceiverStopped extends FoxdevError {}

const ANSWER_TIMEOUT_MS = 30_000;

interface Waiter {
  op: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class SyncReceiver {
  private stream?: Duplex;
  private starting?: Promise<Duplex>;
  private waiters: Waiter[] = [];
  private stderrTail: string[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly container: Docker.Container) {}

  /**
   * Extract a tar (entry names relative to /) in the container. `kinds` names each entry's
   * container path and whether it is a directory, so a path that changed kind is cleared first.
   */
  extract(tar: Buffer, kinds: Array<{ path: string; dir: boolean }>): Promise<void> {
    // Fast path without the prep list (sh reads it a byte at a time: ~0.2 ms an entry); only
    // when tar fails — typically a kind conflict — is the frame sent again with it.
    return this.send('T', tar, `0 ${tar.length}`).catch((err: unknown) => {
      if (err instanceof ReceiverStopped || kinds.length === 0) throw err;
      const prep = Buffer.from(kinds.filter((k) => !k.path.includes('\n')).map((k) => `${k.dir ? 'd' : 'f'} ${k.path}\n`).join(''));
      return this.send('T', Buffer.concat([prep, tar]), `${prep.length} ${tar.length}`);
    });
  }

  /** rm -rf the given absolute paths. */
  remove(paths: string[]): Promise<void> {
    for (const p of paths) {
      if (!p.startsWith('/') || p === '/' || p.includes('\n')) throw new FoxdevError('internal', `refusing to delete ${JSON.stringify(p)} in a container`);
    }
    const body = Buffer.from(paths.map((p) => `${p}\n`).join(''));
    return paths.length ? this.send('R', body, String(body.length)) : Promise.resolve();
  }

  close(): void {
    const stream = this.stream;
    this.stream = undefined;
    stream?.end();
    stream?.destroy();
    const err = new FoxdevError('sync', 'the sync receiver was closed');
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  private send(op: 'T' | 'R', body: Buffer, sizes: string): Promise<void> {
    const once = async (): Promise<void> => {
      const stream = await this.open();
      await new Promise<void>((resolve, reject) => {
        // A receiver that stops answering (a wedged container) must not hang the sync forever:
        // give up, drop it, and let the next command start a fresh one.
        const timer = setTimeout(() => {
          this.close();
          reject(new FoxdevError('sync', `the sync receiver in container ${this.container.id.slice(0, 12)} did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`));
        }, ANSWER_TIMEOUT_MS + body.length / 1000);
        const done = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => (clearTimeout(timer), f(...a));
        this.waiters.push({ op, resolve: done(resolve), reject: done(reject) });
        stream.write(`${op} ${sizes}\n`);
        stream.write(body);
      });
    };
    // A receiver killed by a container restart is only noticed when its socket closes; both
    // commands are idempotent, so one retry on a fresh receiver is safe.
    const run = (): Promise<void> => once().catch((err) => (err instanceof ReceiverStopped ? once() : Promise.reject(err)));
    const next = this.chain.then(run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private open(): Promise<Duplex> {
    if (this.stream) return Promise.resolve(this.stream);
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<Duplex> {
    let stream: Duplex;
    try {
      const exec = await this.container.exec({ Cmd: ['sh', '-c', SCRIPT], AttachStdin: true, AttachStdout: true, AttachStderr: true });
      stream = (await exec.start({ hijack: true, stdin: true })) as Duplex;
    } catch (err) {
      throw new FoxdevError('sync', `cannot start the sync receiver in container ${this.container.id.slice(0, 12)}: ${(err as Error).message}`, { cause: err });
    }
    const out = new PassThrough();
    const errs = new PassThrough();
    this.container.modem.demuxStream(stream, out, errs);
    let buf = '';
    out.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        this.answer(line);
      }
    });
    errs.on('data', (b: Buffer) => {
      this.stderrTail.push(...b.toString('utf8').split('\n').filter(Boolean));
      this.stderrTail = this.stderrTail.slice(-5);
    });
    const died = (): void => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      const err = new ReceiverStopped('sync', `the sync receiver in container ${this.container.id.slice(0, 12)} stopped (was the container restarted?)`);
      for (const w of this.waiters.splice(0)) w.reject(err);
    };
    stream.on('end', died);
    stream.on('close', died);
    stream.on('error', died);
    this.stream = stream;
    return stream;
  }

  private answer(line: string): void {
    const w = this.waiters.shift();
    if (!w) return;
    const [op, rc] = line.split(' ');
    if (op === w.op && rc === '0') {
      this.stderrTail = [];
      return w.resolve();
    }
    const what = w.op === 'T' ? 'extracting files' : 'deleting files';
    const detail = this.stderrTail.join(' / ');
    this.stderrTail = [];
    w.reject(new FoxdevError('sync', `${what} in container ${this.container.id.slice(0, 12)} failed (exit ${rc})${detail ? `: ${detail}` : ''}`));
  }
}
