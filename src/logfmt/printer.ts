// The --no-tui view (and `foxdev logs -f`): every log line and every state change, as plain
// lines. It listens to each action synchronously (store.onAction), not to coalesced frames, so no
// line is lost even when a service outruns its bounded buffer between two frames. Lines are
// gathered and written in whole-line chunks, at most once per scheduler tick, so a flood costs one
// write call per tick instead of one per line.

import type { Action, LogEntry, LogStream, Scheduler, State, Store } from '../store/index.js';
import { formatLogLine, formatStatusLine, widestName, type LineFormat } from './line.js';
import { describePhase, healthTone, phaseTone, seedTone, type Tone } from './status.js';

export interface PrinterOptions {
  color?: boolean;
  timestamps?: boolean;
  /** Only these services (e.g. `foxdev logs api db`); all when omitted. */
  services?: readonly string[];
  /** Only log lines of these streams (e.g. foxdev's own `system` lines); all when omitted. */
  streams?: readonly LogStream[];
  /** Print state changes as status lines (default true). */
  status?: boolean;
  /** When to write what was gathered; defaults to the next turn of the event loop. */
  schedule?: Scheduler;
  /** Write at once when this many characters are waiting, whatever the scheduler says. */
  highWaterChars?: number;
  /**
   * Where a container's stderr lines go (compose relays each stream to its own); with `write`
   * when omitted. Order across the two streams is kept within each flush.
   */
  writeStderr?: (chunk: string) => void;
}

export interface LinePrinter {
  /** Write everything gathered so far. */
  flush(): void;
  /** Stop listening and write what is left. */
  close(): void;
}

export const immediateScheduler: Scheduler = (fn) => {
  const t = setImmediate(fn);
  return () => clearImmediate(t);
};

type Say = (service: string, at: number, text: string, tone: Tone) => void;

/** Remembers what was last said per service, so repeated identical events print once. */
function statusLines(say: Say): (action: Action) => void {
  const last = new Map<string, string>();
  const once = (key: string, value: string, service: string, at: number, text: string, tone: Tone) => {
    if (last.get(key) === value) return;
    last.set(key, value);
    say(service, at, text, tone);
  };
  return (a) => {
    switch (a.type) {
      case 'service/phase': {
        const text = describePhase(a);
        once(`${a.service}\0phase`, text, a.service, a.at, text, phaseTone(a.phase, a.exitCode));
        return;
      }
      case 'service/health':
        if (a.health === 'none') return;
        once(`${a.service}\0health`, a.health, a.service, a.at, a.health === 'unhealthy' && a.lastProbe ? `unhealthy: ${a.lastProbe}` : a.health, healthTone(a.health));
        return;
      case 'service/restarted':
        say(a.service, a.at, `restarted (${a.restarts})`, 'busy');
        return;
      case 'seed/status':
        say(a.service, a.at, `seed ${a.state}${a.message ? `: ${a.message}` : ''}`, seedTone(a.state));
        return;
      case 'sync/status':
        if (a.error) once(`${a.service}\0sync`, a.error, a.service, a.at, `sync failed: ${a.error}`, 'bad');
        else if (a.pending === 0 && a.files > 0) {
          last.delete(`${a.service}\0sync`);
          say(a.service, a.at, `synced ${a.files} file${a.files === 1 ? '' : 's'}`, 'good');
        }
        return;
      default:
        return;
    }
  };
}

/** The name a unit's lines carry: compose's (`db-1`) for a container, else the unit's own. */
const labelOf = (state: State, unit: string): string => state.services[unit]?.label ?? unit;

// compose pads the name to the widest one plus one ("app-1  | ", "db-1   | "); so does foxdev.
function prefixWidthFor(state: State, only: readonly string[] | undefined): number {
  const units = state.order.filter((u) => !only || only.includes(u) || only.includes(state.services[u]?.service ?? u));
  return widestName(units.length ? units.map((u) => labelOf(state, u)) : (only ?? [])) + 1;
}

export function createLinePrinter(store: Store, write: (chunk: string) => void, opts: PrinterOptions = {}): LinePrinter {
  const schedule = opts.schedule ?? immediateScheduler;
  const highWater = opts.highWaterChars ?? 64 * 1024;
  const only = opts.services ? new Set(opts.services) : undefined;
  const fmt: LineFormat = {
    width: prefixWidthFor(store.getState(), opts.services),
    color: opts.color ?? false,
    timestamps: opts.timestamps ?? false,
  };
  let pending: string[] = [];
  // For each entry of `pending`, whether it goes to writeStderr.
  let pendingErr: boolean[] = [];
  let pendingChars = 0;
  let cancel: (() => void) | null = null;

  function flush(): void {
    if (cancel) {
      cancel();
      cancel = null;
    }
    if (pending.length === 0) return;
    const lines = pending;
    const toErr = pendingErr;
    pending = [];
    pendingErr = [];
    pendingChars = 0;
    if (!opts.writeStderr) return write(lines.join(''));
    // Runs of lines of one stream, in order.
    let from = 0;
    for (let i = 1; i <= lines.length; i++) {
      if (i < lines.length && toErr[i] === toErr[from]) continue;
      const chunk = lines.slice(from, i).join('');
      if (toErr[from]) opts.writeStderr(chunk);
      else write(chunk);
      from = i;
    }
  }

  function push(text: string, label: string, stderr = false): void {
    // A name wider than any seen before (a log from outside the project) widens the column.
    if (label.length >= fmt.width) fmt.width = label.length + 1;
    const line = text + '\n';
    pending.push(line);
    pendingErr.push(stderr);
    pendingChars += line.length;
    if (pendingChars >= highWater) flush();
    else if (!cancel) cancel = schedule(() => {
      cancel = null;
      flush();
    });
  }

  // A replica (`web-2`) is shown when its service is.
  const wanted = (service: string) => !only || only.has(service) || only.has(store.getState().services[service]?.service ?? service);
  const logLine = (e: LogEntry) => {
    if (!wanted(e.service) || (opts.streams && !opts.streams.includes(e.stream))) return;
    const label = labelOf(store.getState(), e.service);
    push(formatLogLine(e, fmt, label), label, e.stream === 'stderr');
  };
  const status = statusLines((service, at, text, tone) => {
    if (!wanted(service)) return;
    const label = labelOf(store.getState(), service);
    push(formatStatusLine(label, at, text, tone, fmt), label);
  });

  const off = store.onAction((action, state) => {
    switch (action.type) {
      case 'log':
        logLine(action);
        return;
      case 'logs':
        for (const e of action.entries) logLine(e);
        return;
      case 'project/loaded':
        fmt.width = Math.max(fmt.width, prefixWidthFor(state, opts.services));
        return;
      default:
        if (opts.status !== false) status(action);
    }
  });

  return {
    flush,
    close() {
      off();
      flush();
    },
  };
}
