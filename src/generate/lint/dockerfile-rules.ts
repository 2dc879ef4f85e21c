// Dockerfile practices: the shipped (last) stage runs as a non-root USER and has a HEALTHCHECK,
// base images are pinned, ENV/ARG carry no literal secrets, and a context that is copied from has
// a .dockerignore. A stage built FROM an earlier stage inherits its USER and HEALTHCHECK.
import { isSecretName } from '../secret-names.js';
import { lineOf, parseDockerfile, type Instruction } from './dockerfile-parse.js';
import type { Finding } from './finding.js';
import { unpinnedReason } from './image-tag.js';

interface Stage {
  from: Instruction;
  image: string;
  name?: string;
  body: Instruction[];
}

function stages(ins: Instruction[]): { globals: Instruction[]; stages: Stage[] } {
  const globals: Instruction[] = [];
  const out: Stage[] = [];
  for (const i of ins) {
    if (i.keyword === 'FROM') {
      const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      out.push({ from: i, image: words[0] ?? '', name: words[2]?.toLowerCase(), body: [] });
    } else if (out.length) out[out.length - 1].body.push(i);
    else globals.push(i);
  }
  return { globals, stages: out };
}

/** Key/value pairs of ENV (both forms) and ARG. */
function pairs(i: Instruction): Array<{ key: string; value?: string }> {
  const tokens: string[] = [...(i.args.match(/(?:[^\s"']+|"(?:\\.|[^"])*"|'[^']*')+/g) ?? [])];
  if (i.keyword === 'ENV' && tokens.length && !tokens[0].includes('=')) {
    return [{ key: tokens[0], value: tokens.slice(1).join(' ') }];
  }
  return tokens.map((t) => {
    const eq = t.indexOf('=');
    if (eq < 0) return { key: t };
    return { key: t.slice(0, eq), value: t.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2') };
  });
}

const isLiteral = (v: string | undefined): v is string => v !== undefined && v !== '' && !/^\$/.test(v);
const isRoot = (u: string): boolean => /^(root|0)(:.*)?$/.test(u.trim());

export function lintDockerfile(file: string, text: string, hasDockerignore: boolean): Finding[] {
  const ins = parseDockerfile(text);
  const { globals, stages: st } = stages(ins);
  const findings: Finding[] = [];
  const vars: Record<string, string> = {};
  for (const g of globals) if (g.keyword === 'ARG') for (const p of pairs(g)) if (p.value !== undefined) vars[p.key] = p.value;
  const names = new Set(st.map((s) => s.name).filter(Boolean));

  for (const s of st) {
    if (names.has(s.image.toLowerCase())) continue;
    const why = unpinnedReason(s.image, vars);
    if (why) findings.push({ file, line: s.from.line, rule: 'image-tag', message: why });
  }

  for (const i of ins) {
    if (i.keyword !== 'ENV' && i.keyword !== 'ARG') continue;
    for (const p of pairs(i)) {
      if (isSecretName(p.key) && isLiteral(p.value)) {
        findings.push({ file, line: lineOf(i, p.key), rule: 'secret', message: `${i.keyword} ${p.key} holds a literal secret; it stays in the image history — pass it at run time or as a build secret` });
      }
    }
  }

  const last = st[st.length - 1];
  if (last) {
    // Walk the final stage and the stages it is built FROM, nearest first.
    const chain: Stage[] = [];
    for (let s: Stage | undefined = last; s; s = st.find((x) => x.name && x.name === s!.image.toLowerCase() && x !== s)) {
      if (chain.includes(s)) break;
      chain.push(s);
    }
    const lastOf = (kw: string) => {
      for (const s of chain) {
        const found = [...s.body].reverse().find((i) => i.keyword === kw);
        if (found) return found;
      }
      return undefined;
    };
    const user = lastOf('USER');
    if (!user) findings.push({ file, line: last.from.line, rule: 'root-user', message: 'the final stage sets no USER, so it runs as root' });
    else if (isRoot(user.args)) findings.push({ file, line: user.line, rule: 'root-user', message: `the final stage runs as ${user.args}` });
    const hc = lastOf('HEALTHCHECK');
    if (!hc) findings.push({ file, line: last.from.line, rule: 'no-healthcheck', message: 'the final stage has no HEALTHCHECK' });
    else if (/^NONE\b/i.test(hc.args)) findings.push({ file, line: hc.line, rule: 'no-healthcheck', message: 'HEALTHCHECK NONE disables the health check' });
  }

  if (!hasDockerignore) {
    // Only a context that is copied from matters: that is where .env files and .git slip in.
    const copy = ins.find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from[= ]/.test(i.args));
    if (copy) findings.push({ file, line: copy.line, rule: 'no-dockerignore', message: 'copies from a build context that has no .dockerignore (.git, .env and node_modules go into the image)' });
  }
  return findings;
}
