// The page's buttons → POST /api/intent. The request stays open until the session has carried
// the operation out, so a button can say "restarting…" exactly as long as the restart takes.
import type { IntentReply, WebIntent } from '../../src/web/wire.js';

export async function sendIntent(intent: WebIntent): Promise<unknown> {
  const res = await fetch('/api/intent', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intent), credentials: 'same-origin' });
  let reply: IntentReply;
  try {
    reply = (await res.json()) as IntentReply;
  } catch {
    throw new Error(`the session answered ${res.status} ${res.statusText}`);
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

/** A key for "this operation on this service is under way". */
export function intentKey(intent: WebIntent): string {
  switch (intent.kind) {
    case 'restart':
      return `restart:${intent.service ?? '*'}`;
    case 'rebuild':
      return `rebuild:${intent.service}`;
    case 'reseed':
      return `reseed:${(intent.services ?? ['*']).join(',')}`;
    case 'stop':
      return 'stop';
  }
}
