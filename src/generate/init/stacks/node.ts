// Fills templates/init/node.Dockerfile. Commands are exec-form JSON so signals reach the process.
import type { Detected } from '../types.js';

const INSTALL: Record<string, { prod: string; all: string; run: string }> = {
  // --ignore-scripts in the prod layer: no install hooks run where nothing will build them.
  npm: { prod: 'npm ci --omit=dev --ignore-scripts && npm cache clean --force', all: 'npm ci', run: 'npm run' },
  // pnpm and yarn come through corepack, pinned by package.json's "packageManager" when present.
  pnpm: { prod: 'corepack enable && pnpm install --frozen-lockfile --prod --ignore-scripts', all: 'corepack enable && pnpm install --frozen-lockfile', run: 'pnpm run' },
  yarn: { prod: 'corepack enable && yarn install --frozen-lockfile --production --ignore-scripts && yarn cache clean', all: 'corepack enable && yarn install --frozen-lockfile', run: 'yarn run' },
};

export function nodeVars(d: Detected): Record<string, string | number> {
  const pm = INSTALL[d.packageManager ?? 'npm'];
  const has = (s: string): boolean => d.scripts.includes(s);
  return {
    MANIFESTS: d.manifests.join(' '),
    INSTALL_PROD: pm.prod,
    INSTALL_ALL: pm.all,
    BUILD: has('build') ? `${pm.run} build && rm -rf node_modules` : 'rm -rf node_modules',
    TEST: JSON.stringify(has('test') ? [...pm.run.split(' '), 'test'] : ['node', '--test']).replace(/,/g, ', '),
    DEV_CMD: JSON.stringify(has('dev') ? [...pm.run.split(' '), 'dev'] : ['node', '--watch', d.entry]).replace(/,/g, ', '),
    PROD_CMD: JSON.stringify(['node', d.entry]).replace(/,/g, ', '),
  };
}
