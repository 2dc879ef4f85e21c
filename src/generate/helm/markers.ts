// Placeholders that stand in for values while the object builders run, then become Go-template
// expressions in the YAML text. A scalar becomes `{{ expr }}` in place; a block (a map such as
// resources) becomes `key:` followed by `{{- toYaml expr | nindent N }}` at the key's depth.
export class Markers {
  private readonly entries = new Map<string, { expr: string; block: boolean }>();

  private add(expr: string, block: boolean): string {
    const token = `__FOXDEV_HELM_${this.entries.size}__`;
    this.entries.set(token, { expr, block });
    return token;
  }

  /** A scalar slot; the cast is the point: builders place it where a value of type T goes. */
  scalar<T>(expr: string): T {
    return this.add(expr, false) as T;
  }

  block<T>(expr: string): T {
    return this.add(expr, true) as T;
  }

  /** Replaces every token in YAML text; a token left over means a builder copied it somewhere odd. */
  apply(text: string): string {
    const out = text.replace(/^(\s*(?:- )?)([\w.-]+): (__FOXDEV_HELM_\d+__)$/gm, (line, indent: string, key: string, token: string) => {
      const e = this.entries.get(token);
      if (!e?.block) return line;
      return `${indent}${key}:\n{{- toYaml ${e.expr} | nindent ${indent.length + 2} }}`;
    });
    const done = out.replace(/__FOXDEV_HELM_\d+__/g, (token) => {
      const e = this.entries.get(token);
      if (!e || e.block) throw new Error(`helm: placeholder ${token} in an unexpected position`);
      return `{{ ${e.expr} }}`;
    });
    return done;
  }
}
