#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts) into dist/cli/main.js with esbuild, over tsc's unbundled
// file of the same name. Why: a fresh `foxdev config` spent most of its start-up resolving and
// compiling a few hundred small ES modules (ours and commander/yaml/ajv's); one file starts in a
// fraction of that. Code splitting keeps every `import()` a separate chunk, so Ink/React, execa,
// chokidar and the engine load only for the commands that use them. dockerode and jiti are
// loaded through createRequire (see runtime/dockerode-load.ts, config/foxdev-file.ts) and stay
// in node_modules.
//
// The chunks sit beside main.js in dist/cli/, at the depth of every src/<dir>/<file>.ts, so the
// `new URL('../../…', import.meta.url)` paths in the code (package.json, templates/, dist/index.js)
// mean the same bundled or not. tsc stays the type-checker and still emits dist/ for the library
// entry (dist/index.js) and for the benches and tests that import dist/ internals; tsc's
// dist/cli/main.js also works, only slower, if a later tsc run writes it back.
//
//   node scripts/bundle-cli.mjs [--analyze]    (npm run build runs it after tsc)
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/cli');

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  // Optional at run time, never on the path foxdev uses: ink's devtools (DEV=true only) and
  // chokidar's macOS watcher.
  external: ['react-devtools-core', 'fsevents'],
  // CommonJS dependencies bundled into ES modules call require() for Node's built-ins.
  banner: { js: "import { createRequire as __foxdevRequire } from 'node:module'; const require = __foxdevRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // Whitespace and syntax only (~10 % less CPU to parse at start-up); names stay, so a stack trace
  // still says which function, and the linked .map gives the source line.
  minifyWhitespace: true,
  minifySyntax: true,
});

// Chunks of earlier builds: their names carry a content hash, so they would pile up. Only those
// older than an hour go: a foxdev started before this build (a running `up`, a test) still
// imports its chunks lazily, and on a shared checkout someone else's build may be running.
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => path.basename(f)));
for (const name of readdirSync(outdir)) {
  if (!/^chunk-[A-Z0-9]+\.js(\.map)?$/.test(name) || fresh.has(name)) continue;
  const file = path.join(outdir, name);
  if (Date.now() - statSync(file).mtimeMs > 3600_000) rmSync(file, { force: true });
}

if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile, { verbose: false }));
}
