/**
 * Browser tests run against the production build, served the way a static host serves it:
 * `vite preview` over `dist/`, started through Vite's JS API on a free port of 127.0.0.1 (a spawned
 * `npx vite preview` survives being killed, so we never spawn one). The base URL reaches the test
 * files through `provide('baseUrl')` (read it with `inject('baseUrl')`, or `appUrl()` in the harness).
 *
 * `npm run test:e2e` and `npm test` build first; when `dist/index.html` is missing (a bare
 * `vitest run --config vitest.e2e.config.ts`) we build here.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served app, e.g. `http://127.0.0.1:41234/` (always ends with `/`). */
    baseUrl: string;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // OPSBOOK_DIST lets several checkouts' worth of builds coexist (e.g. `vite build --outDir dist-x`).
  const outDir = process.env.OPSBOOK_DIST || 'dist';
  if (!existsSync(resolve(root, outDir, 'index.html'))) {
    console.log(`[e2e] ${outDir}/index.html is missing: building the app`);
    await build({ root, logLevel: 'warn', build: { outDir } });
  }
  const server: PreviewServer = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error(`[e2e] vite preview did not report a TCP address (got ${JSON.stringify(address)})`);
  }
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  project.provide('baseUrl', baseUrl);
  // For helpers run outside a test file's context (and for anyone debugging a run).
  process.env.OPSBOOK_BASE_URL = baseUrl;
  console.log(`[e2e] serving ${outDir}/ at ${baseUrl}`);
  return async () => {
    await server.close();
  };
}
