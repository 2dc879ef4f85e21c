// `foxdev events [svc…]`: the engine's container events of this project (compose's project
// label, so containers compose made show too), as compose prints them, until --until or Ctrl-C.
import { COMPOSE_PROJECT } from '../../names/compose-labels.js';
import type { Runtime } from '../../runtime/runtime.js';
import { composeEvent, eventJson, formatEventLine } from './event-format.js';

export interface EventsOptions {
  services: string[];
  json: boolean;
  since?: string;
  until?: string;
  signal?: AbortSignal;
}

export async function projectEvents(runtime: Runtime, project: string, o: EventsOptions, write: (line: string) => void): Promise<void> {
  await runtime.streamEvents(
    { labels: [`${COMPOSE_PROJECT}=${project}`], type: 'container', since: o.since, until: o.until },
    (raw) => {
      const e = composeEvent(raw, o.services);
      if (e) write(o.json ? eventJson(e) : formatEventLine(e));
    },
    o.signal,
  );
}
