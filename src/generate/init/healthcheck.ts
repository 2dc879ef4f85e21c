// The application's healthcheck command, exec form. Slim base images carry neither curl nor wget,
// so Node and Python ask their own runtime; Go and static sites run on busybox, which has wget.
import type { Stack } from './types.js';

export function appHealthTest(stack: Stack, port: number, path: string): string[] {
  const url = `http://127.0.0.1:${port}${path}`;
  switch (stack) {
    case 'node':
      return ['CMD', 'node', '-e', `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
    case 'python':
      return ['CMD', 'python3', '-c', `import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${url}', timeout=2).status < 400 else 1)`];
    case 'go':
    case 'static':
      return ['CMD', 'wget', '-q', '-O', '/dev/null', url];
  }
}
