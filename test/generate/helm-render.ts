// A small evaluator for the subset of Go templates + Sprig that foxdev's generated charts use, so
// tests can render a chart without the helm binary (not installable here). It follows Go's rules
// where the chart relies on them — `{{-`/`-}}` trim adjacent whitespace, `$` is the root, `.` is
// the current context, a variable declared at top level lives to the end of the template, `if`
// treats false/0/""/empty map/empty list/nil as false, pipelines pass their value as the last
// argument — and it throws on anything outside the subset or on a missing value, so a chart
// that uses more than this would fail the tests rather than render wrongly.
import { stringify } from 'yaml';

type Node =
  | { t: 'text'; s: string }
  | { t: 'out'; expr: string }
  | { t: 'set'; name: string; expr: string }
  | { t: 'if'; expr: string; then: Node[]; else: Node[] }
  | { t: 'define'; name: string; body: Node[] };

interface Tok {
  text?: string;
  action?: string;
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      toks.push({ text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    const close = src.indexOf('}}', open);
    if (close < 0) throw new Error('unclosed action');
    let inner = src.slice(open + 2, close);
    if (inner.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(2);
    }
    let trimAfter = false;
    if (inner.endsWith(' -')) {
      trimAfter = true;
      inner = inner.slice(0, -2);
    }
    toks.push({ text }, { action: inner.trim() });
    i = close + 2;
    if (trimAfter) while (i < src.length && /\s/.test(src[i])) i++;
  }
  return toks;
}

function parse(toks: Tok[]): Node[] {
  let pos = 0;
  const block = (stopAt: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (pos < toks.length) {
      const tok = toks[pos++];
      if (tok.text !== undefined) {
        if (tok.text) nodes.push({ t: 'text', s: tok.text });
        continue;
      }
      const a = tok.action!;
      if (a.startsWith('/*')) continue;
      const word = a.split(/\s+/)[0];
      if (stopAt.includes(word)) return { nodes, stop: word };
      if (word === 'if') {
        const then = block(['else', 'end']);
        const els = then.stop === 'else' ? block(['end']).nodes : [];
        nodes.push({ t: 'if', expr: a.slice(2).trim(), then: then.nodes, else: els });
      } else if (word === 'define') {
        const name = JSON.parse(a.slice(6).trim()) as string;
        nodes.push({ t: 'define', name, body: block(['end']).nodes });
      } else if (/^\$\w+\s*:=/.test(a)) {
        const [name, expr] = a.split(/\s*:=\s*/, 2);
        nodes.push({ t: 'set', name, expr });
      } else if (['range', 'with', 'template', 'block', 'else', 'end'].includes(word)) {
        throw new Error(`unsupported action: {{ ${a} }}`);
      } else {
        nodes.push({ t: 'out', expr: a });
      }
    }
    if (stopAt.length) throw new Error(`missing {{ ${stopAt.join(' / ')} }}`);
    return { nodes, stop: '' };
  };
  return block([]).nodes;
}

/** Splits on a separator outside quotes and parentheses. */
function split(s: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quote = !quote;
    if (!quote && ch === '(') depth++;
    if (!quote && ch === ')') depth--;
    if (!quote && depth === 0 && sep.test(ch)) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

const truthy = (v: unknown): boolean =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v as object).length));

function field(v: unknown, path: string[], what: string): unknown {
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !(key in (v as object))) throw new Error(`missing value: ${what}`);
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const toYaml = (v: unknown): string => stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
const indent = (n: number, s: string): string => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

export interface Context {
  Values: unknown;
  Release: { Name: string; Namespace: string };
  Chart: Record<string, unknown>;
}

export class HelmRenderer {
  private readonly defines = new Map<string, Node[]>();

  constructor(templates: Record<string, string>) {
    // Helm collects definitions from every template before rendering any of them.
    for (const src of Object.values(templates)) for (const n of parse(lex(src))) if (n.t === 'define') this.defines.set(n.name, n.body);
  }

  render(src: string, root: Context): string {
    return this.exec(parse(lex(src)), root, root, new Map());
  }

  private exec(nodes: Node[], dot: unknown, root: Context, vars: Map<string, unknown>): string {
    let out = '';
    for (const n of nodes) {
      if (n.t === 'text') out += n.s;
      else if (n.t === 'out') {
        const v = this.pipeline(n.expr, dot, root, vars);
        if (v !== null && typeof v === 'object') throw new Error(`printing a map or list: ${n.expr}`);
        out += String(v);
      } else if (n.t === 'set') vars.set(n.name, this.pipeline(n.expr, dot, root, vars));
      else if (n.t === 'if') out += this.exec(truthy(this.pipeline(n.expr, dot, root, vars)) ? n.then : n.else, dot, root, vars);
    }
    return out;
  }

  private pipeline(expr: string, dot: unknown, root: Context, vars: Map<string, unknown>): unknown {
    let value: unknown;
    let first = true;
    for (const cmd of split(expr, /\|/)) {
      const args = split(cmd.trim(), /\s/);
      value = this.command(args, first ? undefined : [value], dot, root, vars);
      first = false;
    }
    return value;
  }

  private operand(tok: string, dot: unknown, root: Context, vars: Map<string, unknown>): unknown {
    if (tok.startsWith('"')) return JSON.parse(tok);
    if (/^-?\d+$/.test(tok)) return Number(tok);
    if (tok === '.') return dot;
    if (tok === '$') return root;
    const paren = /^\((.*)\)((?:\.\w+)*)$/.exec(tok);
    if (paren) return field(this.pipeline(paren[1], dot, root, vars), paren[2].split('.').slice(1), tok);
    if (tok.startsWith('.')) return field(dot, tok.split('.').slice(1), tok);
    if (tok.startsWith('$')) {
      const [name, ...path] = tok.split('.');
      if (!vars.has(name)) throw new Error(`undefined variable ${name}`);
      return field(vars.get(name), path, tok);
    }
    throw new Error(`unsupported operand ${tok}`);
  }

  private command(args: string[], piped: unknown[] | undefined, dot: unknown, root: Context, vars: Map<string, unknown>): unknown {
    const [head, ...rest] = args;
    const ev = (): unknown[] => [...rest.map((a) => this.operand(a, dot, root, vars)), ...(piped ?? [])];
    switch (head) {
      case 'include': {
        const [name, ctx] = ev() as [string, unknown];
        const body = this.defines.get(name);
        if (!body) throw new Error(`no template "${name}"`);
        return this.exec(body, ctx, root, new Map());
      }
      case 'index': {
        const [m, ...keys] = ev();
        return field(m, keys.map(String), `index ${rest.join(' ')}`);
      }
      case 'quote':
        return ev().map((v) => JSON.stringify(String(v ?? ''))).join(' ');
      case 'toYaml':
        return toYaml(ev()[0]);
      case 'nindent': {
        const [n, s] = ev() as [number, string];
        return `\n${indent(n, s)}`;
      }
      case 'indent': {
        const [n, s] = ev() as [number, string];
        return indent(n, s);
      }
      case 'default': {
        const [d, v] = ev();
        return truthy(v) ? v : d;
      }
      case 'not':
        return !truthy(ev()[0]);
      default:
        if (piped) throw new Error(`unsupported function ${head}`);
        if (rest.length) throw new Error(`unsupported function ${head}`);
        return this.operand(head, dot, root, vars);
    }
  }
}
