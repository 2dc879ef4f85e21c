// `config --variables`: every variable the compose files name, with the default (`:-`/`-`), the
// alternate value (`:+`/`+`) and whether it is required (`:?`/`?`), as compose lists them. Pure:
// walks the files' values as written (before interpolation); `$$` is a literal dollar.
import { stringify } from 'yaml';
import { matchingBrace } from './interpolate.js';

export interface ModelVariable {
  Name: string;
  DefaultValue: string;
  PresenceValue: string;
  Required: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** The variables named anywhere in `tree`'s string values, by name. */
export function modelVariables(tree: unknown): Record<string, ModelVariable> {
  const out: Record<string, ModelVariable> = {};
  const walk = (v: unknown): void => {
    if (typeof v === 'string') scan(v, out);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(tree);
  return out;
}

function scan(text: string, out: Record<string, ModelVariable>): void {
  for (let i = text.indexOf('$'); i >= 0 && i < text.length; i = text.indexOf('$', i)) {
    const next = text[i + 1];
    if (next === '$') {
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(text, i + 1);
      if (end < 0) return;
      braced(text.slice(i + 2, end), out);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) add(out, { Name: m[0], DefaultValue: '', PresenceValue: '', Required: false });
    i += 1 + (m?.[0].length ?? 0);
  }
}

function braced(body: string, out: Record<string, ModelVariable>): void {
  const m = NAME.exec(body);
  if (!m) return;
  const rest = body.slice(m[0].length);
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  const arg = op ? rest.slice(op.length) : '';
  const v: ModelVariable = { Name: m[0], DefaultValue: '', PresenceValue: '', Required: false };
  if (op?.endsWith('-')) v.DefaultValue = arg;
  else if (op?.endsWith('+')) v.PresenceValue = arg;
  else if (op?.endsWith('?')) v.Required = true;
  add(out, v);
  // ${A:-${B}}: B is a variable of the model too.
  if (arg.includes('$')) scan(arg, out);
}

/** A name seen twice keeps what either occurrence told (a default from one, required from another). */
function add(out: Record<string, ModelVariable>, v: ModelVariable): void {
  const had = out[v.Name];
  out[v.Name] = had
    ? { Name: v.Name, DefaultValue: had.DefaultValue || v.DefaultValue, PresenceValue: had.PresenceValue || v.PresenceValue, Required: had.Required || v.Required }
    : v;
}

/** compose's YAML for `config --variables --format yaml`: lower-case field names, indented by 4. */
export function variablesYaml(vars: Record<string, ModelVariable>): string {
  const names = Object.keys(vars).sort();
  return stringify(
    Object.fromEntries(names.map((n) => [n, { name: n, defaultvalue: vars[n].DefaultValue, presencevalue: vars[n].PresenceValue, required: vars[n].Required }])),
    { indent: 4 },
  );
}
