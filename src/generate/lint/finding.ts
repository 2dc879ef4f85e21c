// One problem `foxdev lint` reports: where (file and 1-based line) and which practice it breaks.
export type Rule = 'root-user' | 'no-healthcheck' | 'image-tag' | 'secret' | 'no-dockerignore';

export interface Finding {
  file: string;
  line: number;
  rule: Rule;
  message: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.rule}: ${f.message}`;
}

export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}
