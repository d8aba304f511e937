/**
 * Raw HyperFormula in a Web Worker of the same browser, as the yardstick for the app's overhead.
 *
 * The worker is made inside a page from a Blob of `hyperformula.full.min.js` plus a small
 * message handler, so it runs the same engine build the same way the app's worker does (one
 * instance, one core) but with nothing of the app around it. The page is a bench-only route on
 * the app's origin served by Playwright (no CSP, no app code), so the app is not disturbed.
 */
import { readFileSync } from 'node:fs';

/** Mirrors `ENGINE_CONFIG` in workers/engineCore.ts: keep the two in step. */
export const RAW_CONFIG = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
  maxRows: 200_000,
  maxColumns: 1_000,
  undoLimit: 0,
};

const WORKER_SCRIPT = `
;(() => {
  const HF = self.HyperFormula;
  let hf = null;
  const plain = (v) => (v && typeof v === 'object' && 'value' in v ? v.value : v);
  self.onmessage = (e) => {
    const m = e.data;
    let reply;
    try {
      if (m.type === 'build') {
        if (hf) hf.destroy();
        const t0 = performance.now();
        hf = HF.buildFromSheets(m.sheets, m.config, m.names);
        reply = { ms: performance.now() - t0 };
      } else if (m.type === 'edit') {
        const sheet = hf.getSheetId(m.sheet);
        const t0 = performance.now();
        const changes = hf.setCellContents({ sheet, row: m.row, col: m.col }, [[m.value]]);
        reply = { ms: performance.now() - t0, changed: changes.length };
      } else if (m.type === 'addRows') {
        // Timed: the insert alone; then taken out again (untimed) so every round starts alike.
        const sheet = hf.getSheetId(m.sheet);
        const t0 = performance.now();
        const changes = hf.addRows(sheet, [m.row, m.count]);
        const ms = performance.now() - t0;
        hf.removeRows(sheet, [m.row, m.count]);
        reply = { ms, changed: changes.length };
      } else if (m.type === 'value') {
        reply = { value: plain(hf.getCellValue({ sheet: hf.getSheetId(m.sheet), row: m.row, col: m.col })) };
      } else {
        reply = { error: 'unknown message ' + m.type };
      }
    } catch (err) {
      reply = { error: String((err && err.stack) || err) };
    }
    self.postMessage({ id: m.id, ...reply });
  };
})();
`;

const PAGE = '<!doctype html><meta charset="utf-8"><title>raw HyperFormula</title><p>raw HyperFormula bench page</p>';

function parseA1(addr) {
  const m = /^([A-Z]+)([0-9]+)$/.exec(addr);
  if (!m) throw new Error(`invalid address ${addr}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Opens the raw engine page in `context`. Returns `build(sheets, names)`, `edit('Sheet!A1', value)`, `addRows('Sheet!A1', n)`,
 * `value('Sheet!A1')` — each timed inside the worker with performance.now() — and `close()`.
 */
export async function openRawEngine(context, baseUrl, hfPath) {
  const hfSource = readFileSync(hfPath);
  const page = await context.newPage();
  await page.route(`${baseUrl}__bench/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/hf.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: hfSource });
    return route.fulfill({ status: 200, contentType: 'text/html', body: PAGE });
  });
  await page.goto(`${baseUrl}__bench/raw.html`);
  await page.evaluate(async (workerScript) => {
    const hfText = await (await fetch('./hf.js')).text();
    const worker = new Worker(URL.createObjectURL(new Blob([hfText, '\n', workerScript], { type: 'text/javascript' })));
    const pending = new Map();
    let seq = 0;
    worker.onmessage = (e) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
    worker.onerror = (e) => {
      for (const resolve of pending.values()) resolve({ error: e.message || 'worker error' });
      pending.clear();
    };
    window.__raw = (msg) => new Promise((resolve) => {
      const id = ++seq;
      pending.set(id, resolve);
      worker.postMessage({ ...msg, id });
    });
  }, WORKER_SCRIPT);

  const call = async (msg) => {
    // roundTripMs: page → worker → page, the floor under any worker-based app's edit latency.
    const r = await page.evaluate(async (m) => {
      const t0 = performance.now();
      const reply = await window.__raw(m);
      return { ...reply, roundTripMs: performance.now() - t0 };
    }, msg);
    if (r.error) throw new Error(`raw HyperFormula (${msg.type}): ${r.error}`);
    return r;
  };
  const at = (ref) => {
    const [sheet, addr] = ref.split('!');
    return { sheet, ...parseA1(addr) };
  };
  return {
    build: (sheets, names = []) => call({ type: 'build', sheets, names, config: RAW_CONFIG }),
    edit: (ref, value) => call({ type: 'edit', ...at(ref), value }),
    /** Inserts `count` rows above `ref`'s row, timed, then removes them again. */
    addRows: (ref, count = 1) => call({ type: 'addRows', ...at(ref), count }),
    value: async (ref) => (await call({ type: 'value', ...at(ref) })).value,
    close: () => page.close(),
  };
}
