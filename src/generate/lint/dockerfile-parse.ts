// A Dockerfile as a list of instructions, each with the physical lines it spans, so findings point
// at the exact line. Handles comments, the escape directive, line continuations and heredocs.
export interface Piece {
  text: string;
  line: number;
}

export interface Instruction {
  keyword: string;
  /** Arguments with continuations joined by a space. */
  args: string;
  line: number;
  pieces: Piece[];
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  const out: Instruction[] = [];
  let i = 0;
  // Parser directives: only at the very top, before any instruction or other comment.
  for (; i < lines.length; i++) {
    const d = /^#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!d) break;
    if (d[1].toLowerCase() === 'escape') escape = d[2];
  }
  while (i < lines.length) {
    const raw = lines[i];
    if (/^\s*(#|$)/.test(raw)) {
      i++;
      continue;
    }
    const start = i;
    const pieces: Piece[] = [];
    let cur = raw;
    for (;;) {
      const trimmed = cur.replace(/\s+$/, '');
      const cont = trimmed.endsWith(escape);
      pieces.push({ text: cont ? trimmed.slice(0, -escape.length) : cur, line: i + 1 });
      i++;
      if (!cont) break;
      while (i < lines.length && /^\s*#/.test(lines[i])) i++; // comments inside a continuation
      if (i >= lines.length) break;
      cur = lines[i];
    }
    const joined = pieces.map((p) => p.text.trim()).join(' ');
    const m = /^(\S+)\s*(.*)$/.exec(joined)!;
    const heredoc = /<<-?(["']?)(\w+)\1/.exec(m[2]);
    if (heredoc) {
      while (i < lines.length && lines[i].trim() !== heredoc[2]) i++;
      i++;
    }
    out.push({ keyword: m[1].toUpperCase(), args: m[2], line: start + 1, pieces });
  }
  return out;
}

/** The physical line in an instruction where `needle` first appears. */
export function lineOf(ins: Instruction, needle: string): number {
  return ins.pieces.find((p) => p.text.includes(needle))?.line ?? ins.line;
}
