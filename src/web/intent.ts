// PURE: a POST /api/intent body → the intent the session's socket API would receive. Validation is
// the socket protocol's own (api/protocol.ts), so the page cannot ask for anything a socket client
// could not, and both get the same error words.
import { PROTOCOL_VERSION, parseRequest } from '../api/protocol.js';
import type { WebIntent } from './wire.js';

export const MAX_BODY_BYTES = 64 * 1024;

export function parseWebIntent(body: string): WebIntent | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { error: 'not JSON: the body is one intent such as {"kind":"restart","service":"api"}' };
  }
  const req = parseRequest(JSON.stringify({ v: PROTOCOL_VERSION, id: 0, op: 'intent', intent: raw }));
  if ('error' in req) return { error: req.error };
  if (req.op !== 'intent') return { error: 'not an intent' };
  return req.intent;
}
