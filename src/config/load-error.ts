// What went wrong while evaluating a user's foxdev.config.ts, as one Problem with a place.
// jiti puts a syntax error's location on the message's second line (" /abs/file.ts:3:21"), and a
// runtime error's on the first stack frame inside the user's code; either may be a file the
// config imports, which is then the file blamed. Anything can be thrown (`throw 'x'`, `throw null`).
import { fileURLToPath } from 'node:url';
import type { Problem } from '../errors.js';

const LOCATION = /(?:file:\/\/)?(\/[^\s():]+|[A-Za-z]:\\[^\s():]+):(\d+):(\d+)/;

/** foxdev's own code (dist/ or src/): a frame there is where foxdev called the user's code, never the mistake. */
const OWN = fileURLToPath(new URL('..', import.meta.url));

export function loadProblem(err: unknown, configFile: string): Problem {
  if (!(err instanceof Error)) return { file: configFile, message: `cannot load: it threw ${describe(err)} (throw an Error for a message with a place)` };
  const [first, ...rest] = err.message.split('\n');
  const fromMessage = rest.map((l) => LOCATION.exec(l)).find((m) => m !== null);
  const fromStack = (err.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((l) => !l.includes('node_modules') && !l.includes('node:'))
    .map((l) => LOCATION.exec(l))
    .find((m) => m !== null && !m[1].startsWith(OWN));
  const text = first.replace(/^Error: /, '').trim() || err.name;
  // The parser reads the source as written; a stack frame points into jiti's transpiled output,
  // which keeps lines but not columns, so only the line is given for those.
  if (fromMessage) return { file: fromMessage[1], line: Number(fromMessage[2]), column: Number(fromMessage[3]), message: `cannot load: ${text}` };
  if (fromStack) return { file: fromStack[1], line: Number(fromStack[2]), message: `cannot load: ${text}` };
  return { file: configFile, message: `cannot load: ${text}` };
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}
