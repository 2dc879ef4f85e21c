// The live stream (Server-Sent Events) of one page: the snapshot, then every store action in
// order. Actions are batched per ~50 ms frame, so a log flood costs one write (and one JSON
// parse on the page) per frame, not one per line. A page that does not read (a frozen tab) is
// cut off once too much is waiting: EventSource reconnects by itself and gets a fresh snapshot,
// which beats the session holding an unbounded backlog.
import type { ServerResponse } from 'node:http';
import type { Action, Store } from '../store/index.js';
import { snapshotFor } from './snapshot.js';
import type { Timeline } from './timeline.js';

export const FRAME_MS = 50;
/** Bytes queued in the socket beyond which a page counts as not reading. */
export const MAX_BACKLOG_BYTES = 32 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export interface Stream {
  /** An event outside the action stream (the resource samples). */
  send(event: string, data: unknown): void;
  end(): void;
}

export function streamTo(res: ServerResponse, store: Store, timeline: () => Timeline, now: () => number = Date.now): Stream {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  // Snapshot and subscription in the same tick: no action can fall between them.
  res.write(sseFrame('snapshot', snapshotFor(store.getState(), now(), timeline())));
  let queue: Action[] = [];
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    timer = undefined;
    if (!queue.length) return;
    const batch = queue;
    queue = [];
    res.write(sseFrame('actions', batch));
    if (res.writableLength > MAX_BACKLOG_BYTES) res.destroy();
  };
  const off = store.onAction((action) => {
    queue.push(action);
    timer ??= setTimeout(send, FRAME_MS);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  const close = () => {
    off();
    clearInterval(keepalive);
    if (timer) clearTimeout(timer);
  };
  res.on('close', close);
  return {
    send: (event, data) => void res.write(sseFrame(event, data)),
    end: () => {
      close();
      res.end();
    },
  };
}
