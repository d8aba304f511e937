/**
 * Bench scenario `whatif`: sensitivity and Monte Carlo, each against a raw HyperFormula loop
 * measured in the same run.
 *
 *   Node      workers/whatifCore.ts bundled on the fly (Vite's JS API, SSR build into ctx.tmp, no
 *             app config) and run on the annual plan: the 20-driver tornado (±10 %) against the
 *             plain loop "set low, read, set high, read, restore" per input; Monte Carlo (the
 *             plan-risk preset) against the same samples written with raw setCellContents.
 *   Chromium  the built app: the tornado and a Monte Carlo run from the what-if panel through the
 *             pool (default size, and 1 worker via localStorage['opsbook.whatifPoolSize']), timed
 *             by the app from the click to the merged result (`data-ms`); raw HyperFormula runs
 *             the same loops inside one Web Worker of the same browser.
 *
 * Usage from scripts/bench.mjs: `import { whatif } from './bench/whatif.mjs'` and add `whatif` to
 * SCENARIOS (and `whatifTornadoMs: { max: 300 }` to BUDGETS). It needs ctx.root, ctx.tmp, ctx.log?
 * and, for the browser part, ctx.baseUrl and ctx.newAppPage (skipped without them).
 * Standalone: `node scripts/bench/whatif.mjs` runs the Node part and prints JSON.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const round = (x, d = 1) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const TIMEOUT = 90_000;
export { loadCore };

/** Bundles the analysis core (and HyperFormula, the templates, the presets) into one ES module for Node. */
async function loadCore(root, tmp) {
  const out = join(tmp, 'whatif-ssr');
  mkdirSync(out, { recursive: true });
  const entry = join(out, 'entry.ts');
  const at = (p) => JSON.stringify(join(root, p));
  writeFileSync(
    entry,
    [
      `export { EngineNotebook, ENGINE_CONFIG, toGrid } from ${at('workers/engineCore.ts')};`,
      `export { tornado, monteCarloPart, Sandbox } from ${at('workers/whatifCore.ts')};`,
      `export { trialRandom, sample } from ${at('src/model/whatif.ts')};`,
      `export { templateById } from ${at('templates/index.ts')};`,
      `export { ANNUAL_PLAN_TORNADO, PLAN_RISK } from ${at('src/ui/whatif/presets.ts')};`,
    ].join('\n'),
  );
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: {} },
    ssr: { noExternal: true },
    build: { ssr: entry, outDir: out, emptyOutDir: false, minify: false, rollupOptions: { output: { entryFileNames: 'whatif-core.mjs', format: 'es' } } },
  });
  return import(pathToFileURL(join(out, 'whatif-core.mjs')).href);
}

/** The plain loop: per input set low, read, set high, read, restore (3 recalculations per input). */
function rawTornado(hf, cells, output) {
  const lows = [];
  for (const a of cells) {
    const raw = hf.getCellSerialized(a);
    const v = hf.getCellValue(a);
    hf.setCellContents(a, [[v * 0.9]]);
    const lo = hf.getCellValue(output);
    hf.setCellContents(a, [[v * 1.1]]);
    const hi = hf.getCellValue(output);
    hf.setCellContents(a, [[raw]]);
    lows.push(lo, hi);
  }
  return lows;
}

function address(hf, ref) {
  let text = ref;
  if (!ref.includes('!')) text = hf.getNamedExpressionFormula(ref).replace(/^=/, '');
  const [sheet, a1] = text.replace(/\$/g, '').split('!');
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: hf.getSheetId(sheet), row: Number(m[2]) - 1, col: col - 1 };
}

async function nodePart(core, log) {
  const nb = core.templateById('annual-plan').create();
  const workbook = { sheets: nb.sheets.map((s) => ({ name: s.name, cells: s.cells })), names: nb.names };
  const book = new core.EngineNotebook(workbook);
  const value = (ref) => {
    const [s, a] = ref.split('!');
    return book.value(s, a);
  };
  const spec = core.ANNUAL_PLAN_TORNADO.spec(value);
  const hf = book.hf;
  const cells = spec.inputs.map((i) => address(hf, i.ref));
  const output = address(hf, spec.output);
  const rawMs = [];
  const oursMs = [];
  for (let k = 0; k < 7; k++) {
    let t0 = performance.now();
    rawTornado(hf, cells, output);
    rawMs.push(performance.now() - t0);
    t0 = performance.now();
    const r = await core.tornado(book, spec, { sliceMs: 1e9 });
    oursMs.push(performance.now() - t0);
    if (!r.ok) throw new Error(`tornado: ${r.error.message}`);
  }
  // the first run of each includes JIT warm-up: report the median of the rest
  const tornadoRaw = median(rawMs.slice(1));
  const tornadoOurs = median(oursMs.slice(1));
  log(`whatif node: tornado 20×±10 % on the annual plan ${tornadoOurs.toFixed(1)} ms (first ${oursMs[0].toFixed(0)} ms); raw loop ${tornadoRaw.toFixed(1)} ms`);

  const mc = { ...core.PLAN_RISK.spec(value), trials: 400 };
  const inputs = mc.inputs.map((i) => address(hf, i.ref));
  const outs = mc.outputs.map((r) => address(hf, r));
  // raw: the same samples, written with setCellContents in one batch per trial
  await core.monteCarloPart(book, { ...mc, trials: 40 }, { sliceMs: 1e9 }); // warm-up
  let t0 = performance.now();
  const originals = inputs.map((a) => hf.getCellSerialized(a));
  for (let t = 0; t < mc.trials; t++) {
    const rand = core.trialRandom(mc.seed, t);
    const xs = mc.inputs.map((i) => core.sample(i.dist, rand));
    hf.batch(() => inputs.forEach((a, i) => hf.setCellContents(a, [[xs[i]]])));
    for (const o of outs) hf.getCellValue(o);
  }
  hf.batch(() => inputs.forEach((a, i) => hf.setCellContents(a, [[originals[i]]])));
  const rawMcMs = performance.now() - t0;
  t0 = performance.now();
  const part = await core.monteCarloPart(book, mc, { sliceMs: 1e9 });
  const oursMcMs = performance.now() - t0;
  if (!part.ok) throw new Error(`monte carlo: ${part.error.message}`);
  const rawTps = (mc.trials / rawMcMs) * 1000;
  const oursTps = (mc.trials / oursMcMs) * 1000;
  log(`whatif node: Monte Carlo ${oursTps.toFixed(0)} trials/s (1 thread); raw setCellContents loop ${rawTps.toFixed(0)} trials/s`);
  book.destroy();
  return {
    workbook,
    spec,
    mc,
    figures: {
      whatifNodeTornadoMs: round(tornadoOurs),
      whatifNodeTornadoFirstMs: round(oursMs[0]),
      whatifNodeRawTornadoMs: round(tornadoRaw),
      whatifNodeMcTrialsPerS: round(oursTps, 0),
      whatifNodeRawMcTrialsPerS: round(rawTps, 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

const RAW_WORKER = `
;(() => {
  const HF = self.HyperFormula;
  self.onmessage = (e) => {
    const m = e.data;
    try {
      const hf = HF.buildFromSheets(m.sheets, m.config, m.names);
      const addr = (ref) => {
        let text = ref;
        if (!ref.includes('!')) text = hf.getNamedExpressionFormula(ref).replace(/^=/, '');
        const [sheet, a1] = text.replace(/\\$/g, '').split('!');
        const mm = /^([A-Z]+)(\\d+)$/.exec(a1);
        let col = 0;
        for (const ch of mm[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        return { sheet: hf.getSheetId(sheet), row: Number(mm[2]) - 1, col: col - 1 };
      };
      const cells = m.tornado.inputs.map(addr);
      const out = addr(m.tornado.output);
      const tornadoMs = [];
      for (let k = 0; k < 9; k++) {
        const t0 = performance.now();
        for (const a of cells) {
          const raw = hf.getCellSerialized(a);
          const v = hf.getCellValue(a);
          hf.setCellContents(a, [[v * 0.9]]); hf.getCellValue(out);
          hf.setCellContents(a, [[v * 1.1]]); hf.getCellValue(out);
          hf.setCellContents(a, [[raw]]);
        }
        tornadoMs.push(performance.now() - t0);
      }
      const ins = m.mc.inputs.map(addr);
      const outs = m.mc.outputs.map(addr);
      const orig = ins.map((a) => hf.getCellSerialized(a));
      const t0 = performance.now();
      for (const xs of m.samples) {
        hf.batch(() => ins.forEach((a, i) => hf.setCellContents(a, [[xs[i]]])));
        for (const o of outs) hf.getCellValue(o);
      }
      const mcMs = performance.now() - t0;
      hf.batch(() => ins.forEach((a, i) => hf.setCellContents(a, [[orig[i]]])));
      self.postMessage({ tornadoMs, mcMs });
    } catch (err) {
      self.postMessage({ error: String((err && err.stack) || err) });
    }
  };
})();
`;

async function rawInBrowser(ctx, node, samples) {
  const hfSource = readFileSync(join(ctx.root, 'node_modules/hyperformula/dist/hyperformula.full.min.js'));
  const page = await ctx.newAppPage();
  await page.route(`${ctx.baseUrl}__bench_whatif/**`, (route) =>
    route.request().url().endsWith('/hf.js')
      ? route.fulfill({ status: 200, contentType: 'text/javascript', body: hfSource })
      : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>raw what-if</title>' }),
  );
  await page.goto(`${ctx.baseUrl}__bench_whatif/raw.html`);
  const sheets = {};
  for (const s of node.workbook.sheets) sheets[s.name] = node.core.toGrid(s.cells);
  const config = { licenseKey: 'gpl-v3', useArrayArithmetic: true, maxRows: 200_000, maxColumns: 1_000, undoLimit: 0 };
  const res = await page.evaluate(
    async ({ script, msg }) => {
      const hfText = await (await fetch('./hf.js')).text();
      const worker = new Worker(URL.createObjectURL(new Blob([hfText, '\n', script], { type: 'text/javascript' })));
      const answer = await new Promise((r) => {
        worker.onmessage = (e) => r(e.data);
        worker.postMessage(msg);
      });
      worker.terminate();
      return answer;
    },
    { script: RAW_WORKER, msg: { sheets, names: node.workbook.names, config, tornado: { inputs: node.spec.inputs.map((i) => i.ref), output: node.spec.output }, mc: { inputs: node.mc.inputs.map((i) => i.ref), outputs: node.mc.outputs }, samples } },
  );
  await page.context().close();
  if (res.error) throw new Error(`raw HyperFormula in the browser: ${res.error}`);
  return { tornadoMs: median(res.tornadoMs.slice(1)), mcTps: (samples.length / res.mcMs) * 1000 };
}

/** Opens the annual plan with the what-if panel (pool of `poolSize` workers, or the default). */
async function openPlanWithPanel(ctx, poolSize) {
  const page = await ctx.newAppPage();
  await page.evaluate((n) => (n ? localStorage.setItem('opsbook.whatifPoolSize', String(n)) : localStorage.removeItem('opsbook.whatifPoolSize')), poolSize ?? 0);
  await page.locator('[data-template="annual-plan"]').first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready', undefined, { timeout: TIMEOUT });
  await page.locator('[data-testid="whatif-open"]').click();
  await page.locator('[data-testid="whatif-panel"]').waitFor({ state: 'visible', timeout: TIMEOUT });
  // the workers have loaded the plan and compiled the engine (as after a moment with the panel open)
  await page.locator('[data-testid="whatif-status"][data-pool-warm="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
  return page;
}

/** Clicks Run and returns the app's own elapsed time (click → merged result) once the run is done. */
async function timedRun(page) {
  const status = page.locator('[data-testid="whatif-status"]');
  const before = Number(await status.getAttribute('data-run'));
  await page.locator('[data-testid="whatif-run"]').click();
  await page.waitForFunction(
    (n) => {
      const s = document.querySelector('[data-testid="whatif-status"]');
      return Number(s?.getAttribute('data-run')) > n && s?.getAttribute('data-status') !== 'running';
    },
    before,
    { timeout: TIMEOUT, polling: 'raf' },
  );
  if ((await status.getAttribute('data-status')) !== 'done') throw new Error(`what-if run: ${await status.textContent()}`);
  // the pool's own figures: wall time and each worker's compute time for its share
  const times = await page.evaluate(() => globalThis.__opsbookWhatIf?.pool.lastTimes() ?? null);
  return {
    ms: Number(await status.getAttribute('data-ms')),
    poolSize: Number(await status.getAttribute('data-pool-size')),
    workerMaxMs: times ? Math.max(...times.workerMs) : null,
    workerSumMs: times ? times.workerMs.reduce((a, b) => a + b, 0) : null,
  };
}

async function browserPart(ctx, node, log) {
  const out = {};
  for (const size of [undefined, 1]) {
    const page = await openPlanWithPanel(ctx, size);
    await page.locator('[data-whatif-tab="tornado"]').click();
    await page.locator('[data-testid="whatif-preset"]').selectOption('annual-plan-drivers');
    const runs = [];
    const inWorker = [];
    let poolSize = 0;
    for (let k = 0; k < 9; k++) {
      const r = await timedRun(page);
      runs.push(r.ms);
      inWorker.push(r.workerMaxMs);
      poolSize = r.poolSize;
    }
    const tornadoMs = median(runs.slice(1));
    const tornadoWorkerMs = median(inWorker.slice(1));
    await page.locator('[data-whatif-tab="monteCarlo"]').click();
    const trials = page.locator('[data-testid="whatif-trials"]');
    await trials.fill(String(node.mc.trials));
    await trials.press('Enter');
    const mc = await timedRun(page);
    const tps = (node.mc.trials / mc.ms) * 1000;
    const key = size === 1 ? 'Pool1' : 'Pool';
    log(`whatif browser (${poolSize} worker${poolSize > 1 ? 's' : ''}): tornado 20×±10 % ${tornadoMs} ms (runs ${runs.join(', ')}; slowest worker's share ${tornadoWorkerMs?.toFixed(0)} ms), Monte Carlo ${tps.toFixed(0)} trials/s (${node.mc.trials} trials in ${mc.ms} ms)`);
    out[`whatifTornado${key}Ms`] = round(tornadoMs);
    out[`whatifTornado${key}WorkerMs`] = round(tornadoWorkerMs);
    out[`whatifMc${key}TrialsPerS`] = round(tps, 0);
    if (!size) {
      out.whatifTornadoMs = round(tornadoMs);
      out.whatifPoolSize = poolSize;
    }
    await page.context().close();
  }
  const samples = Array.from({ length: node.mc.trials }, (_, t) => {
    const rand = node.core.trialRandom(node.mc.seed, t);
    return node.mc.inputs.map((i) => node.core.sample(i.dist, rand));
  });
  const raw = await rawInBrowser(ctx, node, samples);
  log(`whatif browser raw HyperFormula (1 worker): tornado loop ${raw.tornadoMs.toFixed(1)} ms, Monte Carlo ${raw.mcTps.toFixed(0)} trials/s`);
  out.whatifRawTornadoMs = round(raw.tornadoMs);
  out.whatifRawMcTrialsPerS = round(raw.mcTps, 0);
  return out;
}

/**
 * The scenario: `(ctx) => figures`. Figures (ms, trials/s): whatifTornadoMs (browser, pool — the
 * budgeted one), whatifTornadoPool1Ms, whatifRawTornadoMs, whatifMcPoolTrialsPerS,
 * whatifMcPool1TrialsPerS, whatifRawMcTrialsPerS, whatifPoolSize, and the whatifNode* figures.
 */
export async function whatif(ctx) {
  const log = ctx.log ?? ((line) => console.log(line));
  const core = await loadCore(ctx.root, ctx.tmp);
  const node = await nodePart(core, log);
  const figures = { ...node.figures };
  if (ctx.baseUrl && ctx.newAppPage) Object.assign(figures, await browserPart(ctx, { ...node, core }, log));
  return figures;
}

// Standalone: the Node part only.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const tmp = mkdtempSync(join(tmpdir(), 'opsbook-whatif-'));
  whatif({ root, tmp })
    .then((f) => console.log(JSON.stringify(f)))
    .finally(() => rmSync(tmp, { recursive: true, force: true }));
}
