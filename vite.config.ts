import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { serviceWorkerPlugin } from './scripts/vite-sw-plugin.js';

// A static app: every asset is relative so any static host (or a file server) can serve dist/.
// The service worker precaches every emitted file, so after the first visit it runs offline.
export default defineConfig({
  base: './',
  plugins: [solid(), serviceWorkerPlugin()],
  optimizeDeps: { include: ['hyperformula', 'comlink'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
});
