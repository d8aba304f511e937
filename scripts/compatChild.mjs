// One compat worker process (forked by scripts/compat.mjs): loads the importer through Vite's
// module runner once, then compares the files its parent sends, one message each.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } });
const compat = await vite.ssrLoadModule(resolve(root, 'scripts/compatCore.ts'));
const options = compat.engineImportOptions();
process.on('message', async ({ path }) => {
  let result;
  try {
    result = await compat.compareFile(path, options);
  } catch (e) {
    result = { matched: 0, total: 0, problem: `crash: ${e instanceof Error ? e.message : String(e)}`, unsupportedFunctions: [], mismatches: [] };
  }
  result.mismatches = result.mismatches.slice(0, 200);
  process.send({ path, result });
});
process.send({ ready: true });
