// `foxdev init` as a library call: a Scan and the person's choices in, the files to write out.
import type { GeneratedFile } from '../files.js';
import { composeBase, composeDev, composeProd } from './compose.js';
import { assume, detect } from './detect.js';
import { dockerfile, dockerignore } from './dockerfile.js';
import { SEED_DIR, foxdevConfig, seedExample } from './foxdev-config.js';
import { ADDONS, type Detected, type InitOptions, type Scan, type Stack } from './types.js';

export { scanDir } from './scan.js';
export * from './types.js';

const DEFAULT_PORT: Record<Stack, number> = { node: 3000, python: 8000, go: 8080, static: 8080 };
// node:*-slim images ship a `node` user with uid 1000; the other templates create 10001.
const DEFAULT_UID: Record<Stack, number> = { node: 1000, python: 10001, go: 10001, static: 10001 };

export function detectStack(scan: Scan, stack?: Stack): Detected {
  return stack ? assume(scan, stack) : detect(scan);
}

/** Defaults the prompts offer and `--yes` takes: names from the folder, addons the code mentions. */
export function defaultOptions(scan: Scan, d: Detected): InitOptions {
  const name = scan.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
  return {
    project: name,
    service: 'app',
    stack: d.stack,
    port: DEFAULT_PORT[d.stack],
    healthPath: d.stack === 'static' ? '/' : '/health',
    with: ADDONS.filter((a) => d.mentions.includes(a)),
    uid: DEFAULT_UID[d.stack],
  };
}

export function initFiles(d: Detected, o: InitOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: dockerfile(d, o) },
    { path: '.dockerignore', content: dockerignore(d) },
    { path: 'compose.yaml', content: composeBase(d, o) },
    { path: 'compose.override.yaml', content: composeDev(d, o) },
    { path: 'compose.prod.yaml', content: composeProd(d, o) },
    { path: 'foxdev.config.ts', content: foxdevConfig(d, o) },
  ];
  if (o.with.includes('postgres')) files.push({ path: `${SEED_DIR}/001_example.sql`, content: seedExample() });
  return files;
}
