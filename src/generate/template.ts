// Templates ship in `templates/` beside `dist/` (package.json "files"), so they are found from this
// module's URL: src/generate → ../../templates, and dist/generate → ../../templates alike.
// Placeholders are @@NAME@@ — never {{ }}, which the Helm templates use for themselves.
import { readFileSync } from 'node:fs';
import { FoxdevError } from '../errors.js';

const root = new URL('../../templates/', import.meta.url);

export function readTemplate(name: string): string {
  try {
    return readFileSync(new URL(name, root), 'utf8');
  } catch (cause) {
    throw new FoxdevError('internal', `template ${name} is missing from the foxdev package`, { cause });
  }
}

/**
 * Fills every @@KEY@@ in `text`. A placeholder without a value, or a value nothing uses, is a
 * bug in the generator, so both throw instead of writing a half-filled file.
 */
export function fill(text: string, vars: Record<string, string | number>, name = 'template'): string {
  const used = new Set<string>();
  const out = text.replace(/@@([A-Z_]+)@@/g, (_, key: string) => {
    if (!(key in vars)) throw new FoxdevError('internal', `${name}: no value for @@${key}@@`);
    used.add(key);
    return String(vars[key]);
  });
  const unused = Object.keys(vars).filter((k) => !used.has(k));
  if (unused.length) throw new FoxdevError('internal', `${name}: unused values ${unused.join(', ')}`);
  return out;
}
