// The engine's event stream (GET /events), one parsed JSON message at a time. No decisions: the
// caller says which labels and times; the stream ends when the engine closes it (--until).
import type Docker from 'dockerode';

export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  /** Nanoseconds as the engine wrote them: a JSON number too big for a double, kept as text. */
  timeNano?: string;
}

export interface EventQuery {
  labels: string[];
  type?: string;
  /** Unix time as the API takes it ("1700000000.000000000"). */
  since?: string;
  until?: string;
}

/** Calls `onEvent` for each event until the stream ends (or `signal` aborts it). */
export async function streamEvents(docker: Docker, q: EventQuery, onEvent: (e: EngineEvent) => void, signal?: AbortSignal): Promise<void> {
  const filters: Record<string, string[]> = { label: q.labels };
  if (q.type) filters.type = [q.type];
  const opts: Record<string, unknown> = { filters: JSON.stringify(filters) };
  if (q.since) opts.since = q.since;
  if (q.until) opts.until = q.until;
  const stream = (await docker.getEvents(opts as Docker.GetEventsOptions)) as NodeJS.ReadableStream & { destroy?: () => void };
  signal?.addEventListener('abort', () => stream.destroy?.(), { once: true });
  let rest = '';
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      rest += chunk.toString('utf8');
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, nl).trim();
        rest = rest.slice(nl + 1);
        if (!line) continue;
        const e = JSON.parse(line) as Omit<EngineEvent, 'timeNano'>;
        onEvent({ ...e, timeNano: /"timeNano":\s*(\d+)/.exec(line)?.[1] });
      }
    });
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', (err: Error) => (signal?.aborted ? resolve() : reject(err)));
  });
}
