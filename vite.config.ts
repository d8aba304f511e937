import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// A static app: every asset is relative so any static host (or a file server) can serve dist/.
export default defineConfig({
  base: './',
  plugins: [solid()],
  optimizeDeps: { include: ['hyperformula', 'comlink'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
});
