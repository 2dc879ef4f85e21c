// `foxdev lint` as a library call: files in (path and text), findings out. Whether a context has
// a .dockerignore is asked through `exists`, so this stays free of I/O; collect.ts reads the disk.
import { dirname, join } from 'node:path';
import { lintCompose } from './compose-rules.js';
import { lintDockerfile } from './dockerfile-rules.js';
import { sortFindings, type Finding } from './finding.js';

export { formatFinding, type Finding, type Rule } from './finding.js';

export interface LintInput {
  path: string;
  content: string;
  kind: 'dockerfile' | 'compose';
}

export function lintFiles(inputs: LintInput[], exists: (path: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const f of inputs) {
    const dir = dirname(f.path);
    if (f.kind === 'dockerfile') {
      // BuildKit also reads <Dockerfile>.dockerignore beside the Dockerfile.
      const ignored = exists(join(dir, '.dockerignore')) || exists(`${f.path}.dockerignore`);
      findings.push(...lintDockerfile(f.path, f.content, ignored));
    } else {
      findings.push(...lintCompose(f.path, f.content, (ctx) => exists(join(dir, ctx, '.dockerignore'))));
    }
  }
  return sortFindings(findings);
}
