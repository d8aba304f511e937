/**
 * Bench scenario `chartRedraw`: an edit of the payout threshold `E_Bonus!C6` on the annual plan →
 * the payout-curve chart of the notebook view redrawn (and, for comparison, the KPI card of the
 * projected payout `E_Bonus!C48`, which updates in the same task as the grid's cells).
 *
 * How it is timed, inside the page: the edit is committed through the formula bar (value set,
 * `input`, Enter keydown), stamping `performance.now()`; MutationObservers stamp the KPI card's
 * `data-value` change and the chart root's `data-renders` increment (the chart sets it right after
 * replacing its SVG, in the animation frame after the values arrived). `data-draw-ms` is how long
 * the drawing itself took. Frame lag = chart − KPI: what coalescing redraws per frame costs.
 */
import { attr, selectCell, waitReady } from './appDriver.mjs';

const INPUT = 'E_Bonus!C6';
const CHART = 'E_Bonus.payout';
const KPI = 'E_Bonus!C48';

function timedEdit(page, text) {
  return page.evaluate(
    ([chartSel, kpiSel, text]) =>
      new Promise((resolve) => {
        const root = document.querySelector(chartSel);
        const kpi = document.querySelector(kpiSel);
        const bar = document.querySelector('[data-testid="formula-bar"]');
        if (!root || !kpi || !bar) return resolve({ error: `missing ${!root ? chartSel : !kpi ? kpiSel : 'formula bar'}` });
        const start = Number(root.getAttribute('data-renders'));
        const out = {};
        let t0 = 0;
        const timer = setTimeout(() => resolve({ timeout: true, ...out }), 5000);
        new MutationObserver((_, mo) => {
          out.kpiMs = performance.now() - t0;
          mo.disconnect();
        }).observe(kpi, { attributes: true, attributeFilter: ['data-value'] });
        new MutationObserver((_, mo) => {
          if (Number(root.getAttribute('data-renders')) <= start) return;
          out.chartMs = performance.now() - t0;
          out.drawMs = Number(root.getAttribute('data-draw-ms'));
          mo.disconnect();
          clearTimeout(timer);
          resolve(out);
        }).observe(root, { attributes: true, attributeFilter: ['data-renders'] });
        bar.focus();
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(bar), 'value').set.call(bar, text);
        bar.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        t0 = performance.now();
        bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      }),
    [attr('data-chart', CHART), attr('data-kpi', KPI), text],
  );
}

export async function chartRedrawScenario(ctx, { edits, log, percentile, round }) {
  const page = await ctx.newAppPage();
  await page.locator(attr('data-template', 'annual-plan')).first().click();
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitReady(page);
  await page.locator(attr('data-sheet-tab', 'E_Bonus')).first().click();
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-renders') ?? 0) > 0, attr('data-chart', CHART), { timeout: 60_000 });

  const chart = [];
  const kpi = [];
  const draw = [];
  for (let i = 0; i < edits; i++) {
    await selectCell(page, INPUT);
    const r = await timedEdit(page, (0.7 + i * 0.002).toFixed(3));
    if (r.error) throw new Error(r.error);
    if (r.timeout) throw new Error(`editing ${INPUT} did not redraw ${CHART} within 5 s`);
    chart.push(r.chartMs);
    if (r.kpiMs != null) kpi.push(r.kpiMs);
    draw.push(r.drawMs);
    await waitReady(page);
  }
  await page.context().close();
  const lag = chart.map((c, i) => c - (kpi[i] ?? c));
  log(`chartRedraw: ${INPUT} edit → payout chart redrawn p50 ${percentile(chart, 0.5).toFixed(2)} ms, p95 ${percentile(chart, 0.95).toFixed(2)} ms; KPI card p50 ${percentile(kpi, 0.5)?.toFixed(2)} ms; frame lag p50 ${percentile(lag, 0.5).toFixed(2)} ms; drawing p50 ${percentile(draw, 0.5).toFixed(2)} ms (${edits} edits)`);
  return {
    chartRedrawP50Ms: round(percentile(chart, 0.5)),
    chartRedrawP95Ms: round(percentile(chart, 0.95)),
    chartKpiP50Ms: round(percentile(kpi, 0.5)),
    chartFrameLagP50Ms: round(percentile(lag, 0.5)),
    chartDrawP50Ms: round(percentile(draw, 0.5)),
    chartDrawP95Ms: round(percentile(draw, 0.95)),
  };
}
