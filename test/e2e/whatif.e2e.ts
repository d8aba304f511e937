/**
 * What-if analysis as a planner uses it: open the annual plan, run the spec's sensitivity from
 * the panel and find the sheet's own numbers in the tornado; run a Monte Carlo, watch it stream
 * in with progress, cancel it, run it again to the end; solve for a target and apply it (and undo
 * it); reload and find the results saved in the notebook. The editor keeps answering meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cellValue, enterInCell, expectNoPageErrors, expectOnlyOwnOrigin, launchBrowser, newNotebookFromGallery, openApp,
  reloadApp, STATE_TIMEOUT_MS, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const near = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

async function openWhatIf(page: Page, tab: string): Promise<void> {
  if ((await page.locator(attr('data-testid', 'whatif-panel')).count()) === 0) await byTestId(page, 'whatif-open').click();
  await page.locator(attr('data-whatif-tab', tab)).click();
  await page.locator(attr('data-whatif-view', tab)).waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
}

/** Waits until the analysis's status reads `status` (done, cancelled, error). */
async function waitStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="whatif-status"]')?.getAttribute('data-status') === want,
    status,
    { timeout, polling: 'raf' },
  ).catch(async (e) => {
    const now = await byTestId(page, 'whatif-status').textContent().catch(() => '(none)');
    throw new Error(`waited for the analysis to be ${status}; the panel says ${JSON.stringify(now)}`, { cause: e });
  });
}

/**
 * Main-thread tasks of the page while `during` runs, from a Chromium trace: each task's wall time
 * and its CPU time. The CPU time is what the page's own code costs; the wall time also counts the
 * time the thread waited for a core (these machines are shared), so the budget is checked on CPU.
 */
async function mainThreadTasks(page: Page, during: () => Promise<void>): Promise<{ wall: number; cpu: number }[]> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  try {
    await during();
  } finally {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
    const main = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    tasks = trace.traceEvents
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
      .map((e) => ({ wall: Math.round((e.dur ?? 0) / 1000), cpu: Math.round((e.tdur ?? 0) / 1000) }));
  }
  return tasks;
}
let tasks: { wall: number; cpu: number }[] = [];

describe('what-if analysis', () => {
  it('the sensitivity tornado of the annual plan reproduces the spec’s D_Expense table', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    const { page, errors, context } = app;
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'tornado');
    await byTestId(page, 'whatif-run').click();
    await waitStatus(page, 'done');
    const result = page.locator(`${attr('data-testid', 'whatif-result')}${attr('data-kind', 'tornado')}`);
    await result.waitFor({ state: 'visible' });
    const bars = await result.locator('[data-tornado-bar]').evaluateAll((rows) =>
      rows.map((r) => ({ label: r.getAttribute('data-tornado-bar'), low: Number(r.getAttribute('data-low')), high: Number(r.getAttribute('data-high')), rank: Number(r.getAttribute('data-rank')) })));
    // the spec's table (templates.md §7 Part 2): price, volume, unit cost, variable rate, fixed, HV mix
    const spec = [
      [6701.8096396, 10391.234916], [7544.0700501, 9548.9745056], [9388.7826883, 7704.2618674],
      [8822.9504374, 8270.0941183], [8694.3222778, 8398.7222778], [8423.5302431, 8669.5143125],
    ];
    expect(bars.map((b) => b.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    bars.forEach((b, i) => {
      expect(near(b.low, spec[i][0]), `${b.label} low ${b.low}`).toBe(true);
      expect(near(b.high, spec[i][1]), `${b.label} high ${b.high}`).toBe(true);
    });
    expect(await result.locator('svg[data-chart-kind="tornado"] rect').count()).toBe(12);

    // saved in the notebook: a reload shows it again
    await waitSaved(page);
    await reloadApp(page);
    await openWhatIf(page, 'tornado');
    await expect.poll(() => page.locator('[data-tornado-bar]').count(), { timeout: STATE_TIMEOUT_MS }).toBe(6);
    expectNoPageErrors(errors);
    expectOnlyOwnOrigin(app);
    await context.close();
  });

  it('Monte Carlo streams in with progress, can be cancelled, and is reproducible', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'monteCarlo');

    const busy = await mainThreadTasks(page, async () => {
      // A long run: progress moves and results stream in, then Cancel keeps what was done.
      await byTestId(page, 'whatif-trials').fill('20000');
      await byTestId(page, 'whatif-trials').press('Enter');
      await byTestId(page, 'whatif-run').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="whatif-progress"]')?.getAttribute('data-done')) > 0, undefined, { timeout: 30_000, polling: 'raf' });
      await page.waitForFunction(() => document.querySelector('[data-testid="whatif-result"][data-streaming="true"]') !== null, undefined, { timeout: 30_000, polling: 'raf' });

      // The editor answers while the pool works: goal growth 20 % → 25 % moves the goal revenue.
      const before = Number(await cellValue(page, 'A_Market!F7'));
      await enterInCell(page, 'A_Market!F6', '25%');
      await expect.poll(async () => near(Number(await cellValue(page, 'A_Market!F7')), (before / 1.2) * 1.25)).toBe(true);
      expect(await byTestId(page, 'whatif-status').getAttribute('data-status')).toBe('running');

      await byTestId(page, 'whatif-cancel').click();
      await waitStatus(page, 'cancelled');
    });
    const partial = page.locator(attr('data-testid', 'whatif-result'));
    const done = Number(await partial.getAttribute('data-done'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(20000);
    await byTestId(page, 'whatif-partial').waitFor({ state: 'visible' });
    // no main-thread task of ours over 50 ms (CPU time; see mainThreadTasks)
    expect(busy.filter((task) => task.cpu > 50), 'main-thread tasks over 50 ms of CPU while the pool worked').toEqual([]);

    // A short run to the end, twice with the same seed: the same percentiles.
    const p50s: string[] = [];
    for (let k = 0; k < 2; k++) {
      await byTestId(page, 'whatif-trials').fill('300');
      await byTestId(page, 'whatif-trials').press('Enter');
      await byTestId(page, 'whatif-run').click();
      await waitStatus(page, 'done');
      const res = page.locator(`${attr('data-testid', 'whatif-result')}[data-streaming="false"]`);
      expect(await res.getAttribute('data-done')).toBe('300');
      const target = res.locator(attr('data-mc-output', 'B_Target!G45'));
      const [p10, p50, p90] = await Promise.all(['data-p10', 'data-p50', 'data-p90'].map(async (a) => Number(await target.getAttribute(a))));
      expect(p10).toBeLessThan(p50);
      expect(p50).toBeLessThan(p90);
      expect(await target.locator('svg[data-chart-kind="histogram"]').count()).toBe(1);
      p50s.push(String(p50));
    }
    expect(p50s[1]).toBe(p50s[0]);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('a two-way data table of payout by threshold × cap, and the bridge from base to upside', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'dataTable');
    await byTestId(page, 'whatif-run').click();
    await waitStatus(page, 'done');
    const table = page.locator(`${attr('data-testid', 'whatif-result')}${attr('data-kind', 'dataTable2')}`);
    expect(await table.locator('[data-dt-cell]').count()).toBe(25);
    // threshold 80 % × cap 200 % is the plan itself: the sheet's projected payout
    const centre = Number(await table.locator(attr('data-dt-cell', '2,2')).getAttribute('data-value'));
    expect(near(centre, Number(await cellValue(page, 'E_Bonus!C48')))).toBe(true);

    await openWhatIf(page, 'bridge');
    await byTestId(page, 'whatif-bridge-from').selectOption('base');
    await byTestId(page, 'whatif-bridge-to').selectOption('preset:upside');
    await byTestId(page, 'whatif-run').click();
    await waitStatus(page, 'done');
    const bridge = page.locator(`${attr('data-testid', 'whatif-result')}${attr('data-kind', 'bridge')}`);
    const steps = await bridge.locator('[data-bridge-step]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-delta'))));
    expect(steps).toHaveLength(6); // volume growth of three lines, judgement growth of three
    const [start, end] = [Number(await bridge.getAttribute('data-start')), Number(await bridge.getAttribute('data-end'))];
    expect(near(start + steps.reduce((a, b) => a + b, 0), end, 1e-9)).toBe(true);
    expect(end).toBeGreaterThan(start);
    expect(await bridge.locator('svg[data-chart-kind="waterfall"]').count()).toBe(1);
    // the document was not touched: the cells still hold the base plan
    expect(near(Number(await cellValue(page, 'D_Expense!C26')), start)).toBe(true);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('goal seek finds the judgement growth for a 21,500 target, applies it, and undo takes it back', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'goalSeek');
    await byTestId(page, 'whatif-run').click();
    await waitStatus(page, 'done');
    const result = page.locator(`${attr('data-testid', 'whatif-result')}${attr('data-kind', 'goalSeek')}`);
    expect(await result.getAttribute('data-goal-status')).toBe('solved');
    const x = Number(await result.getAttribute('data-x'));
    expect(near(x, 0.12 + (21500 - 21211.407978) / 3000, 1e-8)).toBe(true);
    await byTestId(page, 'whatif-apply').click();
    await waitReady(page);
    expect(near(Number(await cellValue(page, 'B_Target!G45')), 21500, 1e-9)).toBe(true);
    await byTestId(page, 'undo').click();
    await waitReady(page);
    expect(near(Number(await cellValue(page, 'B_Target!G45')), 21211.407978, 1e-9)).toBe(true);

    // out of reach: a clear "no solution"
    await byTestId(page, 'whatif-target').fill('90000');
    await byTestId(page, 'whatif-target').press('Enter');
    await byTestId(page, 'whatif-run').click();
    await waitStatus(page, 'done');
    expect(await result.getAttribute('data-goal-status')).toBe('noSolution');
    await expect.poll(() => result.textContent()).toMatch(/never reaches|达不到/);
    expectNoPageErrors(errors);
    await context.close();
  });
});
