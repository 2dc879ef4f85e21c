// Builds the web dashboard (web/) into dist/web/static, where src/web/static-files.ts serves it
// from. Everything is bundled (React, the shared store): the page needs no network but the session.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    // FOXDEV_WEB_MINIFY=0: readable function names in a profile of the page.
    minify: process.env.FOXDEV_WEB_MINIFY !== '0',
    outDir: fileURLToPath(new URL('../dist/web/static', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
