import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is built into web/dist and served by the hub itself: every asset comes from the hub, none from a CDN.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, target: 'es2022' },
  logLevel: 'warn',
});
