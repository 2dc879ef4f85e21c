// `foxdev up`'s web dashboard: started beside the session's socket, unless --no-web or the
// config's `web: false`. Its intents are the socket's (carryOut), so a button does exactly what
// `foxdev restart` from another terminal does. The link (with its token) goes to this terminal
// only, never to a log file.
import type { Project } from '../config/project.js';
import type { Session } from '../engine/session.js';
import { carryOut } from '../engine/session-server.js';
import type { Store } from '../store/index.js';
import type { WebServer } from '../web/server.js';
import type { Runtime } from '../runtime/runtime.js';

export interface WebFlags {
  /** false: --no-web. */
  web?: boolean;
  webPort?: number;
}

export async function serveWeb(o: { project: Project; store: Store; session: Session; stop: () => void; flags: WebFlags; print: (line: string) => void; runtime?: Runtime }): Promise<WebServer | undefined> {
  if (o.flags.web === false || o.project.web === false) return undefined;
  const { startWebServer } = await import('../web/server.js');
  const { containerStats } = await import('./web-stats.js');
  const web = await startWebServer({
    store: o.store,
    port: o.flags.webPort,
    intent: (intent) => carryOut({ project: o.project, store: o.store, session: o.session, stop: o.stop }, intent),
    stats: o.runtime ? containerStats(o.runtime, o.project, () => new Set(o.session.runs.keys())) : undefined,
  });
  o.print(`web: ${web.url}\n`);
  return web;
}
