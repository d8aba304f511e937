/**
 * Bench scenario `structure`: one row inserted in B_Target of the annual plan (above row 35, inside
 * the FY2025 regions that the total, the targets and every other sheet read) → every visible cell
 * current, against the raw engine's `addRows` of the same row on the same document, in the same run.
 *
 * How it is timed, inside the page: with row 35 selected, Ctrl+Shift+= is dispatched on the grid
 * (the user's key), stamping `performance.now()`; a MutationObserver stamps the moment the
 * engine status reads `ready` and the cells on screen show the new shape (West on row 36, the
 * total on row 37 summing one row more — the same value). Each round is undone before the next.
 * Budget: p95 ≤ 50 ms, and ≤ 1.5 × raw p95 + one frame (16.7 ms).
 */
import { join } from 'node:path';
import { attr, exportedNotebook, selectCell, waitReady } from './appDriver.mjs';
import { openRawEngine } from './rawEngine.mjs';
import { engineSheets } from './workbook.mjs';

const ROW_REF = 'B_Target!A35';
const MOVED = 'B_Target!A36'; // West, after the insert
const TOTAL_AFTER = 'B_Target!C37';
const TOTAL_BEFORE = 'B_Target!C36';

export async function structureScenario(ctx, { rounds, log, percentile, round }) {
  const page = await ctx.newAppPage();
  await page.locator(attr('data-template', 'annual-plan')).first().click();
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitReady(page);
  await page.locator(attr('data-sheet-tab', 'B_Target')).first().click();
  await selectCell(page, TOTAL_BEFORE);
  const total = await page.locator(attr('data-cell', TOTAL_BEFORE)).first().getAttribute('data-value');

  const notebook = await exportedNotebook(page);
  const { sheets, names } = engineSheets(notebook);
  const raw = await openRawEngine(ctx.context, ctx.baseUrl, join(ctx.root, 'node_modules/hyperformula/dist/hyperformula.full.min.js'));
  await raw.build(sheets, names);
  const rawTimes = [];
  let changed = 0;
  for (let i = 0; i < rounds; i++) {
    const r = await raw.addRows(ROW_REF, 1);
    rawTimes.push(r.ms);
    changed = r.changed;
  }
  await raw.close();

  const times = [];
  for (let i = 0; i < rounds; i++) {
    await selectCell(page, ROW_REF);
    await page.keyboard.press('Shift+Space');
    const r = await page.evaluate(
      ([movedSel, totalSel, before]) =>
        new Promise((resolve) => {
          const input = document.querySelector('[data-testid="cell-editor"]');
          if (!input) return resolve({ error: 'no [data-testid="cell-editor"]' });
          const done = () =>
            document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready' &&
            document.querySelector(movedSel)?.getAttribute('data-value') === '西部 West' &&
            document.querySelector(totalSel)?.getAttribute('data-value') === before;
          let t0 = 0;
          const mo = new MutationObserver(() => {
            if (!done()) return;
            const ms = performance.now() - t0;
            mo.disconnect();
            clearTimeout(timer);
            resolve({ ms });
          });
          const timer = setTimeout(() => {
            mo.disconnect();
            resolve({ timeout: true });
          }, 5000);
          mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-value', 'data-cell'] });
          t0 = performance.now();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: '+', code: 'Equal', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true }));
        }),
      [attr('data-cell', MOVED), attr('data-cell', TOTAL_AFTER), total],
    );
    if (r.error) throw new Error(r.error);
    if (r.timeout) throw new Error(`inserting a row above ${ROW_REF} did not show ${MOVED} = West and ${TOTAL_AFTER} = ${total} within 5 s`);
    times.push(r.ms);
    await waitReady(page);
    await page.keyboard.press('Control+z');
    await waitReady(page);
  }
  await page.context().close();
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const rawP50 = percentile(rawTimes, 0.5);
  const rawP95 = percentile(rawTimes, 0.95);
  log(`structure raw: addRows above ${ROW_REF} (${changed} values changed) p50 ${rawP50.toFixed(2)} ms, p95 ${rawP95.toFixed(2)} ms`);
  log(`structure app: Ctrl+Shift+= → every visible cell current p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${times.length} inserts)`);
  return {
    structureInsertP50Ms: round(p50),
    structureInsertP95Ms: round(p95),
    structureRawAddRowsP50Ms: round(rawP50),
    structureRawAddRowsP95Ms: round(rawP95),
    // ≤ 1 when the app's p95 is within 1.5 × the raw engine's p95 plus one frame.
    structureVsRawBudget: round(p95 / (1.5 * rawP95 + 16.7)),
  };
}
