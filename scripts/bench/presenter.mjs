/**
 * Bench scenario `presenter`: a driver moved in the presenter → the KPI card updated, in the
 * editor window and in the projector window (a second window that runs its own engine and follows
 * the editor's commands over BroadcastChannel).
 *
 * How it is timed: each move sets the slider's value and fires `input` + `change` inside the
 * editor page, stamping `performance.timeOrigin + performance.now()` (a clock both windows share).
 * A MutationObserver on the KPI card's `data-value` stamps the moment the number changes in each
 * window. Latency = stamp(window) − stamp(move). The move is `B_Target!C43` (judgement growth P1),
 * which feeds all five sheets (~390 dependents); the KPI is `TARGET_TOTAL`.
 *
 * A drag is timed too: 60 `input` events 4 ms apart, then `change`. The driver control sends at
 * most one edit per frame and only when the engine has answered, so the KPI updates far fewer
 * times than there are events, and the last value lands shortly after the release.
 */
import { attr, waitReady } from './appDriver.mjs';

const DRIVER = 'B_Target!C43';
const KPI = 'TARGET_TOTAL';

/** Installs, in a page, a recorder of the times the KPI's data-value changes. */
async function recordKpi(page) {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const rec = (window.__kpiRec = { times: [], values: [] });
    new MutationObserver(() => {
      rec.times.push(performance.timeOrigin + performance.now());
      rec.values.push(el.getAttribute('data-value'));
    }).observe(el, { attributes: true, attributeFilter: ['data-value'] });
  }, attr('data-kpi', KPI));
}

/** One move in the editor: returns its stamp once the editor's KPI shows the new value. */
function moveAndWait(page, value) {
  return page.evaluate(
    ([driverSel, kpiSel, v]) =>
      new Promise((resolve, reject) => {
        const input = document.querySelector(driverSel);
        const kpi = document.querySelector(kpiSel);
        const before = kpi.getAttribute('data-value');
        const timer = setTimeout(() => reject(new Error('the KPI did not change within 10 s')), 10_000);
        const obs = new MutationObserver(() => {
          if (kpi.getAttribute('data-value') === before) return;
          obs.disconnect();
          clearTimeout(timer);
          resolve({ at: t0, ms: performance.timeOrigin + performance.now() - t0, value: kpi.getAttribute('data-value') });
        });
        obs.observe(kpi, { attributes: true, attributeFilter: ['data-value'] });
        const t0 = performance.timeOrigin + performance.now();
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    [attr('data-driver', DRIVER), attr('data-kpi', KPI), value],
  );
}

/** A fast drag: `count` input events `gapMs` apart, then change; how many KPI updates, and the release → final value time. */
function drag(page, values, gapMs) {
  return page.evaluate(
    ([driverSel, kpiSel, vs, gap]) =>
      new Promise((resolve, reject) => {
        const input = document.querySelector(driverSel);
        const kpi = document.querySelector(kpiSel);
        let updates = 0;
        let releasedAt = 0;
        let last = kpi.getAttribute('data-value');
        const timer = setTimeout(() => reject(new Error('the drag did not settle within 20 s')), 20_000);
        const obs = new MutationObserver(() => {
          const now = kpi.getAttribute('data-value');
          if (now === last) return;
          last = now;
          updates++;
        });
        obs.observe(kpi, { attributes: true, attributeFilter: ['data-value'] });
        const started = performance.now();
        let i = 0;
        const step = () => {
          input.value = String(vs[i]);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (++i < vs.length) return setTimeout(step, gap);
          input.dispatchEvent(new Event('change', { bubbles: true }));
          releasedAt = performance.now();
          // Settled: the engine is idle and the value shown is the final one.
          const settle = () => {
            if (document.querySelector('[data-testid="engine-status"]')?.textContent?.trim() === 'ready' && window.__opsbook?.session && !window.__opsbook.session.busy()) {
              obs.disconnect();
              clearTimeout(timer);
              resolve({ events: vs.length, updates, dragMs: releasedAt - started, releaseToFinalMs: performance.now() - releasedAt, value: kpi.getAttribute('data-value') });
            } else requestAnimationFrame(settle);
          };
          requestAnimationFrame(settle);
        };
        step();
      }),
    [attr('data-driver', DRIVER), attr('data-kpi', KPI), values, gapMs],
  );
}

export async function presenterScenario(ctx, { moves = 30, log, percentile, round, withProjector = true, slide = null }) {
  const page = await ctx.newAppPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator(attr('data-template', 'annual-plan')).first().click();
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitReady(page);
  await page.locator(attr('data-testid', 'present')).first().click();
  await page.locator(attr('data-kpi', KPI)).first().waitFor({ state: 'attached', timeout: 60_000 });

  if (slide) await page.keyboard.press(slide);
  let projector = null;
  if (withProjector) {
    [projector] = await Promise.all([page.context().waitForEvent('page'), page.locator(attr('data-testid', 'projector-window')).first().click()]);
    projector.on('pageerror', (e) => ctx.warn(`projector page error: ${e.message}`));
    await projector.locator(attr('data-kpi', KPI)).first().waitFor({ state: 'attached', timeout: 60_000 });
    await waitReady(projector);
    await recordKpi(projector);
  }

  // Values alternate around the sample 12% so every move changes the target.
  const values = Array.from({ length: moves }, (_, i) => (i % 2 ? 0.12 : 0.13 + (i % 10) * 0.01).toFixed(2));
  const editor = [];
  const follower = [];
  for (const v of values) {
    const r = await moveAndWait(page, v);
    editor.push(r.ms);
    if (!projector) {
      await waitReady(page);
      continue;
    }
    // The projector's stamp for the same value.
    const at = await projector.waitForFunction(
      (want) => {
        const rec = window.__kpiRec;
        const i = rec.values.lastIndexOf(want);
        return i >= 0 ? rec.times[i] : null;
      },
      r.value,
      { timeout: 10_000, polling: 'raf' },
    );
    follower.push((await at.jsonValue()) - r.at);
    await waitReady(page);
    await waitReady(projector);
  }
  const dragValues = Array.from({ length: 60 }, (_, i) => (0.12 + ((i + 1) % 40) * 0.01).toFixed(2));
  const d = await drag(page, dragValues, 4);
  if (projector) await projector.waitForFunction((want) => window.__kpiRec.values.at(-1) === want, d.value, { timeout: 10_000, polling: 'raf' });

  const fig = (xs, p) => round(percentile(xs, p));
  log(`presenter: driver ${DRIVER} → KPI ${KPI} in the editor p50 ${fig(editor, 0.5)} ms, p95 ${fig(editor, 0.95)} ms; in the projector window p50 ${fig(follower, 0.5)} ms, p95 ${fig(follower, 0.95)} ms (${moves} moves)`);
  log(`presenter: a drag of ${d.events} input events over ${round(d.dragMs)} ms updated the KPI ${d.updates} times; release → final value ${round(d.releaseToFinalMs)} ms`);
  await page.context().close();
  return {
    presenterMoves: moves,
    presenterEditorP50Ms: fig(editor, 0.5),
    presenterEditorP95Ms: fig(editor, 0.95),
    presenterProjectorP50Ms: fig(follower, 0.5),
    presenterProjectorP95Ms: fig(follower, 0.95),
    presenterDragEvents: d.events,
    presenterDragUpdates: d.updates,
    presenterDragReleaseToFinalMs: round(d.releaseToFinalMs),
  };
}
