#!/usr/bin/env node
/**
 * `npm run bench`: measures Opsbook against the budgets in DESIGN.md, in headless Chromium on
 * this machine, and prints human-readable lines followed by ONE JSON object as the last line.
 *
 * It builds the app (Vite's JS API), serves dist/ with `vite preview` on a free port of
 * 127.0.0.1, launches Debian's Chromium, and runs each scenario in turn:
 *
 *   shell        gzip size of the JS that index.html loads up front (entry + modulepreload +
 *                their static imports), excluding workers and lazy chunks
 *   annualPlan   the annual-plan template: open it from IndexedDB (reload) to interactive; then
 *                50 edits of B_Target!C43 (feeds all five sheets) until every value on screen is
 *                current, against raw setCellContents on the document the app exports
 *   tenK         a generated 10,000-formula workbook: open it through the import file input,
 *                against raw HyperFormula's buildFromSheets in a worker of the same browser;
 *                then 50 edits of an input with few dependents, from commit to the dependent
 *                cell's data-value changing on screen, against raw setCellContents
 *   structure    one row inserted in B_Target of the annual plan (Ctrl+Shift+=) → every visible
 *                cell current, against raw addRows of the same row (scripts/bench/structure.mjs)
 *   staffing     a hire edit on a 500-rep, 30-region F_Staffing → every value current, against raw
 *                setCellContents (scripts/bench/staffing.mjs)
 *   clientPlan   (only with --only clientPlan) the large client (30 regions × 12 lines × 500 reps ×
 *                5,000 accounts) through the setup dialog: create → interactive, open from IndexedDB,
 *                goal edit → all on screen current, against raw buildFromSheets / setCellContents
 *                (scripts/bench/clientPlan.mjs)
 *
 * A scenario is an async function `(ctx) => figures`; add one to SCENARIOS (an annual-plan edit
 * of B_Target!C43, a chart redraw, the presenter) and its figures join the JSON. A scenario that
 * fails records its error and the others still run; the exit code is then 1.
 *
 * Options: --skip-build (reuse dist/), --edits N (default 50), --only shell,tenK (a subset).
 * Figures are noisy on a busy machine: the JSON carries the 1-minute load average at the start.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { attr, exportedNotebook, measureEdits, timedImport, timedReload, waitReady } from './bench/appDriver.mjs';
import { openRawEngine } from './bench/rawEngine.mjs';
import { presenterScenario } from './bench/presenter.mjs';
import { chartRedrawScenario } from './bench/chartRedraw.mjs';
import { whatif } from './bench/whatif.mjs';
import { structureScenario } from './bench/structure.mjs';
import { staffingScenario } from './bench/staffing.mjs';
import { clientPlanScenario } from './bench/clientPlan.mjs';
import { engineSheets, tenThousandFormulaNotebook, toOpsbookText } from './bench/workbook.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const SKIP_BUILD = argv.includes('--skip-build');
const EDITS = Number(opt('--edits', 50));
const ONLY = opt('--only', '') ? new Set(opt('--only', '').split(',')) : null;
/** The whole bench must stay under 5 minutes; past this we print what we have and stop. */
const HARD_LIMIT_MS = 290_000;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const BUDGETS = {
  shellGzipKB: { max: 60 },
  annualOpenMs: { max: 1000 },
  annualEditP50Ms: { max: 16.7 },
  annualEditP95Ms: { max: 33 },
  annualOverheadRatio: { max: 1.5 },
  presenterEditorP50Ms: { max: 16.7 },
  editP95Ms: { max: 16.7 },
  openRatio: { max: 1.5 },
  overheadRatio: { max: 1.5 },
  whatifTornadoMs: { max: 300 },
  structureInsertP95Ms: { max: 50 },
  structureVsRawBudget: { max: 1 },
  staffingHireP95Ms: { max: 50 },
  // Issue 14's large client.
  clientCreateMs: { max: 3000 },
  clientOpenMs: { max: 2000 },
  clientEditP95Ms: { max: 50 },
  actualsImportMs: { max: 1000 }, // issue 17: a year of actuals on the large client
};

const started = Date.now();
const results = { errors: [], machine: { cores: cpus().length, loadAvg1m: Math.round(loadavg()[0] * 100) / 100 } };
const log = (line) => console.log(line);
const round = (x, d = 2) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** JS the browser must fetch before the app can start: index.html's module scripts and preloads, plus their static imports. */
async function shell() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /rel\s*=\s*["']?modulepreload/i.test(tag);
    if (!isScript && !isPreload) continue;
    const src = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src && !/^[a-z]+:/i.test(src) && src.endsWith('.js')) files.add(join(dist, src.replace(/^\.?\//, '')));
  }
  // Static imports (`import … from "./x.js"`, `import "./x.js"`) load up front too; `import("…")` is lazy.
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop();
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const dep = resolve(dirname(file), m[1]);
      if (!files.has(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }
  if (!files.size) throw new Error('dist/index.html loads no JS module');
  let bytes = 0;
  let gz = 0;
  const parts = [];
  for (const f of files) {
    const buf = readFileSync(f);
    const g = gzipSync(buf, { level: 9 }).length;
    bytes += buf.length;
    gz += g;
    parts.push(`${f.slice(dist.length + 1)} ${(g / 1024).toFixed(1)} KB`);
  }
  log(`shell: ${files.size} file(s), ${(bytes / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip  [${parts.join(', ')}]`);
  return { shellGzipKB: round(gz / 1024, 1), shellFiles: [...files].map((f) => f.slice(dist.length + 1)) };
}

/** A 10,000-formula workbook: open through import, then local edits, each against raw HyperFormula. */
async function tenK(ctx) {
  const { notebook, formulas } = tenThousandFormulaNotebook();
  const file = join(ctx.tmp, 'bench-10k.opsbook.json');
  writeFileSync(file, toOpsbookText(notebook));
  const { sheets, names } = engineSheets(notebook);
  const inputRef = 'Inputs!A2';
  const watchCell = 'Inputs!D2';
  const values = Array.from({ length: EDITS }, (_, i) => 200 + i);
  log(`tenK: ${formulas} formulas; edit ${inputRef} ×${EDITS}, watching ${watchCell}`);

  // Raw engine first, in its own page of the same browser.
  const raw = await openRawEngine(ctx.context, ctx.baseUrl, join(root, 'node_modules/hyperformula/dist/hyperformula.full.min.js'));
  const rawBuild = await raw.build(sheets, names);
  const probe = await raw.value('Data!L2');
  if (typeof probe !== 'number') throw new Error(`raw HyperFormula computed Data!L2 = ${JSON.stringify(probe)} (licence or config problem)`);
  const rawEdits = [];
  const rawTrips = [];
  for (const v of values) {
    const r = await raw.edit(inputRef, v);
    rawEdits.push(r.ms);
    rawTrips.push(r.roundTripMs);
  }
  const rawFinal = await raw.value(watchCell);
  await raw.close();
  log(`tenK raw: buildFromSheets ${rawBuild.ms.toFixed(1)} ms; setCellContents p50 ${percentile(rawEdits, 0.5).toFixed(2)} ms, p95 ${percentile(rawEdits, 0.95).toFixed(2)} ms; with the worker round trip p50 ${percentile(rawTrips, 0.5).toFixed(2)} ms`);

  // The app: import the file from the home page, then edit through the formula bar.
  const page = await ctx.newAppPage();
  const open = await timedImport(page, file, watchCell);
  log(`tenK app: open (import → ready) ${open.ms.toFixed(1)} ms in page, ${open.wallMs} ms wall`);
  const edits = await measureEdits(page, { inputRef, watchCell, values });
  const p50 = percentile(edits.times, 0.5);
  const p95 = percentile(edits.times, 0.95);
  const rawP50 = percentile(rawEdits, 0.5);
  log(`tenK app: edit → DOM p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${edits.mode} events, ${edits.times.length} edits)${edits.sync.length ? `; the commit's own handlers p50 ${percentile(edits.sync, 0.5).toFixed(2)} ms` : ''}`);
  if (String(rawFinal) !== edits.lastValue) {
    ctx.warn(`tenK: the app shows ${watchCell} = ${edits.lastValue} but raw HyperFormula computes ${rawFinal}`);
  }
  await page.context().close();
  return {
    tenKFormulas: formulas,
    openMs: round(open.ms, 1),
    openWallMs: open.wallMs,
    rawBuildMs: round(rawBuild.ms, 1),
    openRatio: round(open.ms / rawBuild.ms),
    edits: edits.times.length,
    editMode: edits.mode,
    editP50Ms: round(p50),
    editP95Ms: round(p95),
    rawEditP50Ms: round(rawP50, 3),
    rawEditP95Ms: round(percentile(rawEdits, 0.95), 3),
    rawRoundTripP50Ms: round(percentile(rawTrips, 0.5), 3),
    editSyncP50Ms: round(percentile(edits.sync, 0.5)),
    overheadRatio: round(p50 / rawP50),
  };
}

/** The annual plan: open from IndexedDB, and the edit that feeds all five sheets, against raw HyperFormula. */
async function annualPlan(ctx) {
  const inputRef = 'B_Target!C43';
  const watchCell = 'B_Target!C44';
  const values = Array.from({ length: EDITS }, (_, i) => (0.1 + i * 0.001).toFixed(3));

  const page = await ctx.newAppPage();
  await page.locator(attr('data-template', 'annual-plan')).first().click();
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitReady(page);
  await page.locator(attr('data-testid', 'save-status')).first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.trim() === 'saved', undefined, { timeout: 60_000 });
  const openMs = await timedReload(page);
  log(`annualPlan app: open from IndexedDB (reload → ready) ${openMs.toFixed(1)} ms`);

  const notebook = await exportedNotebook(page);
  const { sheets, names } = engineSheets(notebook);
  const raw = await openRawEngine(ctx.context, ctx.baseUrl, join(root, 'node_modules/hyperformula/dist/hyperformula.full.min.js'));
  const rawBuild = await raw.build(sheets, names);
  const rawEdits = [];
  let changed = 0;
  for (const v of values) {
    const r = await raw.edit(inputRef, Number(v));
    rawEdits.push(r.ms);
    changed = r.changed;
  }
  const rawFinal = await raw.value(watchCell);
  await raw.close();
  const rawP50 = percentile(rawEdits, 0.5);
  log(`annualPlan raw: buildFromSheets ${rawBuild.ms.toFixed(1)} ms; edit of ${inputRef} changes ${changed} cells, setCellContents p50 ${rawP50.toFixed(2)} ms, p95 ${percentile(rawEdits, 0.95).toFixed(2)} ms`);

  const edits = await measureEdits(page, { inputRef, watchCell, values, untilReady: true });
  const p50 = percentile(edits.times, 0.5);
  const p95 = percentile(edits.times, 0.95);
  log(`annualPlan app: edit → all on screen current p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${edits.mode} events)${edits.sync.length ? `; the commit's own handlers p50 ${percentile(edits.sync, 0.5).toFixed(2)} ms` : ''}`);
  if (Math.abs(Number(edits.lastValue) - Number(rawFinal)) > 1e-9 * Math.max(1, Math.abs(Number(rawFinal)))) {
    ctx.warn(`annualPlan: the app shows ${watchCell} = ${edits.lastValue} but raw HyperFormula computes ${rawFinal}`);
  }
  await page.context().close();
  return {
    annualOpenMs: round(openMs, 1),
    annualRawBuildMs: round(rawBuild.ms, 1),
    annualEditDependents: changed,
    annualEditP50Ms: round(p50),
    annualEditP95Ms: round(p95),
    annualRawEditP50Ms: round(rawP50),
    annualRawEditP95Ms: round(percentile(rawEdits, 0.95)),
    annualEditSyncP50Ms: round(percentile(edits.sync, 0.5)),
    annualOverheadRatio: round(p50 / rawP50),
  };
}

/** The presenter: driver move → KPI updated in the editor and in the projector window (scripts/bench/presenter.mjs). */
const presenter = (ctx) => presenterScenario(ctx, { moves: Math.min(EDITS, 30), log, percentile, round });

/** An edit → the notebook view's chart redrawn (scripts/bench/chartRedraw.mjs). */
const chartRedraw = (ctx) => chartRedrawScenario(ctx, { edits: Math.min(EDITS, 30), log, percentile, round });

/** One row inserted in B_Target → every visible cell current, against raw addRows (scripts/bench/structure.mjs). */
const structure = (ctx) => structureScenario(ctx, { rounds: Math.min(EDITS, 20), log, percentile, round });

/** The large client of issue 14 through the setup dialog: create, open, goal edit, against the raw engine (scripts/bench/clientPlan.mjs). */
const clientPlan = (ctx) => clientPlanScenario(ctx, { edits: Math.min(EDITS, 20), log, percentile, round });

/** A hire edit on a 500-rep staffing plan → every value current, against raw setCellContents (scripts/bench/staffing.mjs). */
const staffing = (ctx) => staffingScenario(ctx, { edits: Math.min(EDITS, 30), log, percentile, round });

/** name → scenario; each returns figures merged into the final JSON. */
const SCENARIOS = { shell, annualPlan, tenK, presenter, chartRedraw, whatif, structure, staffing, clientPlan };
/** Scenarios that need no browser. */
const OFFLINE = new Set(['shell']);
/**
 * Scenarios that run only when named in --only: the large client takes minutes on a shared
 * machine (its raw build alone is tens of seconds), beyond the whole bench's 5-minute limit.
 */
const OPT_IN = new Set(['clientPlan']);

// ---------------------------------------------------------------------------------------------

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'opsbook-bench-'));
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };
  const limit = setTimeout(async () => {
    results.errors.push(`stopped after ${HARD_LIMIT_MS / 1000} s (the bench must finish in under 5 minutes)`);
    await cleanup();
    report(1);
  }, HARD_LIMIT_MS);

  try {
    if (!SKIP_BUILD) {
      const t = Date.now();
      await build({ root, logLevel: 'warn' });
      log(`build: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
    const baseUrl = `http://127.0.0.1:${server.httpServer.address().port}/`;
    log(`serving dist/ at ${baseUrl}`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    log(`browser: Chromium ${browser.version()}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const ctx = {
      root,
      dist,
      tmp,
      baseUrl,
      browser,
      context,
      warn: (w) => {
        log(`warning: ${w}`);
        (results.warnings ??= []).push(w);
      },
      /** A fresh profile (own IndexedDB) with the app's home page open; page errors become warnings. */
      async newAppPage() {
        const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await c.newPage();
        page.on('pageerror', (e) => ctx.warn(`page error: ${e.message}`));
        await page.goto(baseUrl, { waitUntil: 'load' });
        return page;
      },
    };
    for (const [name, run] of Object.entries(SCENARIOS)) {
      if (ONLY ? !ONLY.has(name) : OPT_IN.has(name)) continue;
      const t = Date.now();
      try {
        Object.assign(results, await run(OFFLINE.has(name) ? { ...ctx, browser: undefined } : ctx));
      } catch (e) {
        const msg = `${name}: ${e?.message?.split('\n')[0] ?? e}`;
        log(`FAILED ${msg}`);
        results.errors.push(msg);
      }
      log(`(${name}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } catch (e) {
    results.errors.push(`setup: ${e?.message?.split('\n')[0] ?? e}`);
  }
  clearTimeout(limit);
  await cleanup();
  report(results.errors.length ? 1 : 0);
}

function report(code) {
  const budgets = {};
  for (const [key, b] of Object.entries(BUDGETS)) {
    if (results[key] == null) continue;
    budgets[key] = { value: results[key], max: b.max, ok: results[key] <= b.max };
  }
  const over = Object.entries(budgets).filter(([, b]) => !b.ok);
  for (const [key, b] of Object.entries(budgets)) log(`budget ${key}: ${b.value} (max ${b.max}) ${b.ok ? 'ok' : 'OVER'}`);
  if (!results.errors.length) delete results.errors;
  const out = { ...results, budgets, overBudget: over.map(([k]) => k), seconds: round((Date.now() - started) / 1000, 1) };
  console.log(JSON.stringify(out));
  process.exit(code);
}

main();
