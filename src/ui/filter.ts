// The log filter: what was typed after '/', read as a regular expression when it is one and as
// plain text otherwise, so "error" and "time(out|d)" both work. Lower-case text ignores case,
// any capital makes it exact (smart case, as in less and ripgrep).

export interface LogFilter {
  test(plain: string): boolean;
  /** True when the text was not a valid regex and is matched literally. */
  literal: boolean;
}

export function compileFilter(text: string): LogFilter | null {
  if (text === '') return null;
  const flags = /[A-Z]/.test(text) ? '' : 'i';
  try {
    const re = new RegExp(text, flags);
    return { test: (s) => re.test(s), literal: false };
  } catch {
    const needle = flags ? text.toLowerCase() : text;
    return { test: (s) => (flags ? s.toLowerCase() : s).includes(needle), literal: true };
  }
}
