import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Unit tests run in Node against the real HyperFormula; browser tests (*.e2e.ts) have their own config.
export default defineConfig({
  plugins: [solid()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
