import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { contentSecurityPolicy, serviceWorkerPlugin } from './scripts/vite-sw-plugin.js';

// The policy is written once, in index.html's meta tag. `vite preview` repeats it as a header,
// because only a header binds the engine worker (the service worker does the same for its answers).
const csp = contentSecurityPolicy(readFileSync(new URL('./index.html', import.meta.url), 'utf8'));

// A static app: every asset is relative so any static host (or a file server) can serve dist/.
// The service worker precaches every emitted file, so after the first visit it runs offline.
export default defineConfig({
  base: './',
  plugins: [solid(), serviceWorkerPlugin()],
  optimizeDeps: { include: ['hyperformula', 'comlink'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  preview: { headers: csp ? { 'Content-Security-Policy': csp } : {} },
});
