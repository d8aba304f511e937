#!/usr/bin/env node
// npm run compat -- DIR [--mismatches N] [--timeout SECONDS]
// Imports every .xlsx under DIR through the product's import path (scripts/compatCore.ts: the
// same function the import worker runs) and compares each formula cell with the value Excel
// cached in the file. Each file is printed as it finishes; a file that takes longer than the time
// limit (default 30 s) is counted as refused and its worker process is replaced. The last line is
// JSON: {"files": {"<path>": {"matched", "total"}}, "categories": {...}, "total": {"matched", "total"}}.
import { fork } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const showMismatches = option('--mismatches', 0) || 0;
const timeoutMs = (option('--timeout', 30) || 30) * 1000;
const dir = args[0] && resolve(args[0]);
if (!dir) {
  console.error('usage: npm run compat -- DIR [--mismatches N] [--timeout SECONDS]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));

function findXlsxFiles(d) {
  return readdirSync(d)
    .sort()
    .flatMap((name) => {
      const path = join(d, name);
      if (statSync(path).isDirectory()) return findXlsxFiles(path);
      return name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$') ? [path] : [];
    });
}

let child = null;
function spawn() {
  return new Promise((ready) => {
    child = fork(join(here, 'compatChild.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=4096'] });
    child.once('message', () => ready());
  });
}
function compare(path) {
  return new Promise((done) => {
    const c = child;
    const timer = setTimeout(() => {
      c.removeAllListeners('message');
      c.removeAllListeners('exit');
      c.kill('SIGKILL');
      child = null;
      done({ matched: 0, total: 0, problem: `timeout: no answer within ${timeoutMs / 1000} s`, unsupportedFunctions: [], mismatches: [] });
    }, timeoutMs);
    c.once('message', (m) => {
      clearTimeout(timer);
      c.removeAllListeners('exit');
      done(m.result);
    });
    c.once('exit', (code, signal) => {
      clearTimeout(timer);
      c.removeAllListeners('message');
      child = null;
      done({ matched: 0, total: 0, problem: `crash: the worker exited (${signal ?? code})`, unsupportedFunctions: [], mismatches: [] });
    });
    c.send({ path });
  });
}

const pct = (c) => (c.total ? `${((100 * c.matched) / c.total).toFixed(1)} %` : '–');
const show = (v) => JSON.stringify(v);
const files = [];
for (const path of findXlsxFiles(dir)) {
  if (!child) await spawn();
  const started = Date.now();
  const f = { file: relative(dir, path).split(sep).join('/'), ...(await compare(path)) };
  files.push(f);
  const note = f.problem ? `  refused: ${f.problem}` : f.unsupportedFunctions.length ? `  lacks: ${f.unsupportedFunctions.join(' ')}` : '';
  console.log(`${f.file}: ${f.matched}/${f.total} (${pct(f)}) ${Date.now() - started} ms${note}`);
  for (const m of f.mismatches.slice(0, showMismatches)) console.log(`    ${m.cell} ${m.formula}  ours=${show(m.ours)} excel=${show(m.excel)}`);
}
child?.kill();

const categories = {};
const total = { matched: 0, total: 0 };
for (const f of files) {
  const name = f.file.includes('/') ? f.file.slice(0, f.file.indexOf('/')) : '(top level)';
  const c = (categories[name] ??= { files: 0, matched: 0, total: 0 });
  c.files++;
  c.matched += f.matched;
  c.total += f.total;
  total.matched += f.matched;
  total.total += f.total;
}
console.log('');
console.log('| category | files | matched / total | % |');
console.log('|---|---:|---:|---:|');
for (const [name, c] of Object.entries(categories)) console.log(`| ${name} | ${c.files} | ${c.matched} / ${c.total} | ${pct(c)} |`);
console.log(`| **all** | ${files.length} | ${total.matched} / ${total.total} | ${pct(total)} |`);
console.log('');
const refused = files.filter((f) => f.problem).length;
console.log(`${files.length - refused} of ${files.length} files opened; ${refused} refused with a message.`);
const out = Object.fromEntries(files.map((f) => [f.file, { matched: f.matched, total: f.total, ...(f.problem ? { problem: f.problem } : {}) }]));
console.log(JSON.stringify({ files: out, categories, total }));
