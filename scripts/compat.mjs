#!/usr/bin/env node
// npm run compat -- DIR [--mismatches N]
// Imports every .xlsx under DIR with the product's importer and engine, and compares each formula
// cell with the value Excel cached in the file. Human-readable lines first; the last line is JSON:
// {"files": {"<path>": {"matched", "total"}}, "categories": {...}, "total": {"matched", "total"}}.
// The importer is TypeScript; Vite's module runner (already a dependency) loads it without a build step.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const flag = args.indexOf('--mismatches');
const showMismatches = flag >= 0 ? Number(args.splice(flag, 2)[1]) || 0 : 0;
const dir = args[0];
if (!dir) {
  console.error('usage: npm run compat -- DIR [--mismatches N]');
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A server-side module runner, kept open while the importer lazily imports exceljs.
const vite = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } });
let compat, report;
try {
  compat = await vite.ssrLoadModule(resolve(root, 'scripts/compatCore.ts'));
  report = await compat.runCompat(resolve(dir));
} finally {
  await vite.close();
}
const show = (v) => JSON.stringify(v);
for (const f of report.files) {
  const note = f.problem ? `  refused: ${f.problem}` : f.unsupportedFunctions.length ? `  lacks: ${f.unsupportedFunctions.join(' ')}` : '';
  console.log(`${f.file}: ${f.matched}/${f.total} (${compat.percent(f)})${note}`);
  for (const m of f.mismatches.slice(0, showMismatches)) {
    console.log(`    ${m.cell} ${m.formula}  ours=${show(m.ours)} excel=${show(m.excel)}`);
  }
}
console.log('');
console.log(compat.categoryTable(report));
console.log('');
const files = Object.fromEntries(report.files.map((f) => [f.file, { matched: f.matched, total: f.total, ...(f.problem ? { problem: f.problem } : {}) }]));
console.log(JSON.stringify({ files, categories: report.categories, total: report.total }));
