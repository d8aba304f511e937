/**
 * Drives the built app for the bench through the automation contract (DESIGN.md), timing
 * inside the page with performance.now() so CDP round trips stay out of the figures.
 */

export const attr = (name, value) => `[${name}="${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`;

const TIMEOUT = 60_000;

export async function waitReady(page, timeout = TIMEOUT) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready',
    undefined,
    { timeout, polling: 'raf' },
  );
}

export async function selectCell(page, ref) {
  const box = page.locator(attr('data-testid', 'name-box')).first();
  await box.fill(ref);
  await box.press('Enter');
  await page.locator(attr('data-cell', ref)).first().waitFor({ state: 'attached', timeout: TIMEOUT });
}

/**
 * Imports an `.opsbook.json` through the home page's file input and times, in the page, from the
 * input's `change` event until engine-status reads `ready` with `probeCell` computed.
 */
export async function timedImport(page, file, probeCell) {
  const input = page.locator(attr('data-testid', 'import-file')).first();
  await input.waitFor({ state: 'attached', timeout: TIMEOUT });
  await page.evaluate((probeSel) => {
    const b = (window.__benchOpen = { changeAt: 0, readyAt: 0 });
    document.addEventListener(
      'change',
      (e) => {
        if (e.target instanceof Element && e.target.matches('[data-testid="import-file"]') && !b.changeAt) b.changeAt = performance.now();
      },
      true,
    );
    const check = () => {
      if (!b.changeAt || b.readyAt) return;
      const status = document.querySelector('[data-testid="engine-status"]')?.textContent?.trim();
      const probe = document.querySelector(probeSel)?.getAttribute('data-value');
      if (status === 'ready' && probe) {
        b.readyAt = performance.now();
        mo.disconnect();
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, attr('data-cell', probeCell));
  const wallStart = Date.now();
  await input.setInputFiles(file);
  await page.waitForFunction(() => window.__benchOpen.readyAt > 0, undefined, { timeout: TIMEOUT, polling: 'raf' });
  const wallMs = Date.now() - wallStart;
  const { changeAt, readyAt } = await page.evaluate(() => window.__benchOpen);
  return { ms: readyAt - changeAt, wallMs };
}

/**
 * One edit through the formula bar, committed inside the page (value set + `input` + Enter
 * keydown), timed until `watchCell`'s `data-value` changes (MutationObserver). Resolves
 * `{ms, value}` or `{timeout: true}`.
 */
export function syntheticEdit(page, text, watchCell, { untilReady = false, timeoutMs = 5000 } = {}) {
  return page.evaluate(
    ({ text, watchSel, untilReady, timeoutMs }) =>
      new Promise((resolve) => {
        const bar = document.querySelector('[data-testid="formula-bar"]');
        if (!bar) return resolve({ error: 'no [data-testid="formula-bar"]' });
        const before = document.querySelector(watchSel)?.getAttribute('data-value');
        const ready = () => !untilReady || document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready';
        let t0 = 0;
        const mo = new MutationObserver(() => {
          const v = document.querySelector(watchSel)?.getAttribute('data-value');
          if (v != null && v !== before && ready()) {
            const t1 = performance.now();
            mo.disconnect();
            clearTimeout(timer);
            resolve({ ms: t1 - t0, syncMs, value: v });
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: untilReady, attributes: true, attributeFilter: ['data-value', 'data-cell'] });
        const timer = setTimeout(() => {
          mo.disconnect();
          resolve({ timeout: true, before });
        }, timeoutMs);
        let syncMs = null;
        bar.focus();
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(bar), 'value')?.set;
        t0 = performance.now();
        if (setter) setter.call(bar, text);
        else bar.value = text;
        bar.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
        bar.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
        // How long the app's own event handlers kept the main thread (the rest is async: worker, render).
        syncMs = performance.now() - t0;
      }),
    { text, watchSel: attr('data-cell', watchCell), untilReady, timeoutMs },
  );
}

/**
 * The same edit with trusted key events (Playwright fill + Enter), for an app whose formula bar
 * ignores synthetic events: timed in the page from the Enter keydown (capture phase, before the
 * app sees it) until `watchCell`'s `data-value` changes.
 */
export async function trustedEdit(page, text, watchCell, { untilReady = false, timeoutMs = 5000 } = {}) {
  await page.evaluate(
    ({ watchSel, untilReady, timeoutMs }) => {
      window.__benchEdit = new Promise((resolve) => {
        const before = document.querySelector(watchSel)?.getAttribute('data-value');
        const ready = () => !untilReady || document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready';
        let t0 = 0;
        const onKey = (e) => {
          if (e.key === 'Enter' && e.target instanceof Element && e.target.matches('[data-testid="formula-bar"]')) t0 = performance.now();
        };
        document.addEventListener('keydown', onKey, true);
        const mo = new MutationObserver(() => {
          const v = document.querySelector(watchSel)?.getAttribute('data-value');
          if (t0 && v != null && v !== before && ready()) {
            const t1 = performance.now();
            mo.disconnect();
            document.removeEventListener('keydown', onKey, true);
            clearTimeout(timer);
            resolve({ ms: t1 - t0, value: v });
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: untilReady, attributes: true, attributeFilter: ['data-value', 'data-cell'] });
        const timer = setTimeout(() => {
          mo.disconnect();
          resolve({ timeout: true, before });
        }, timeoutMs);
      });
    },
    { watchSel: attr('data-cell', watchCell), untilReady, timeoutMs },
  );
  const bar = page.locator(attr('data-testid', 'formula-bar')).first();
  await bar.fill(text);
  await bar.press('Enter');
  return page.evaluate(() => window.__benchEdit);
}

/**
 * N edits of `inputRef` (re-selected through the name box before each, since Enter moves the
 * selection), each timed until `watchCell` changes on screen — and with `untilReady`, until
 * engine-status reads `ready` again too, i.e. every value on screen is current. Tries synthetic
 * events first and falls back to trusted keys if the app does not commit on them.
 */
export async function measureEdits(page, { inputRef, watchCell, values, untilReady = false }) {
  const o = { untilReady };
  const times = [];
  const sync = [];
  let mode = 'synthetic';
  let last;
  for (const value of values) {
    await selectCell(page, inputRef);
    let r = mode === 'synthetic' ? await syntheticEdit(page, String(value), watchCell, o) : await trustedEdit(page, String(value), watchCell, o);
    if ((r.timeout || r.error) && mode === 'synthetic' && times.length === 0) {
      mode = 'trusted';
      await waitReady(page);
      await selectCell(page, inputRef);
      r = await trustedEdit(page, String(value), watchCell, o);
    }
    if (r.error) throw new Error(r.error);
    if (r.timeout) throw new Error(`editing ${inputRef} to ${value} did not change ${watchCell} (still ${JSON.stringify(r.before)}) within 5 s`);
    times.push(r.ms);
    if (r.syncMs != null) sync.push(r.syncMs);
    last = r.value;
    await waitReady(page);
  }
  return { times, sync, mode, lastValue: last };
}

/** The open notebook as the app exports it (`export-opsbook` download), parsed. */
export async function exportedNotebook(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.locator(attr('data-testid', 'export-opsbook')).first().click(),
  ]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return file.notebook;
}

/**
 * Reloads the page and times, from navigation start, until engine-status reads `ready` with a
 * computed cell on screen (`probeSel`): opening a notebook from IndexedDB to interactive.
 */
export async function timedReload(page, probeSel = '[data-cell][data-value]:not([data-value=""])') {
  await page.addInitScript((probeSel) => {
    const b = (window.__benchReload = { readyAt: 0 });
    const check = () => {
      if (b.readyAt) return;
      const status = document.querySelector('[data-testid="engine-status"]')?.textContent?.trim();
      if (status === 'ready' && document.querySelector(probeSel)?.getAttribute('data-value')) {
        b.readyAt = performance.now();
        mo.disconnect();
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, probeSel);
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__benchReload?.readyAt > 0, undefined, { timeout: TIMEOUT, polling: 'raf' });
  return page.evaluate(() => window.__benchReload.readyAt);
}
