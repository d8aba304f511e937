/**
 * The staffing plan in the workshop: hires typed into F_Staffing and moved from the presenter
 * change capacity, personnel cost, the expense plan's salary line and promotion pool, and the
 * staffing charts; a hire naming an unknown region is an ERR check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cellValue, enterInCell, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, openSheet, STATE_TIMEOUT_MS,
  waitForCellValue, waitReady,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const VIEWPORT = { width: 1600, height: 1000 };
const near = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
const num = async (page: Page, ref: string) => Number(await cellValue(page, ref));

// The sample plan's F_Staffing (its generator on the sample company): PERSONNEL_COST in B11, the
// first hiring rows 32–35 one per region (East first, level 代表 Rep at 18, from month 4, count 0).
const COST = 'F_Staffing!B11';
const CAPACITY = 'F_Staffing!B7';
const EAST_HIRES = 'F_Staffing!E32';
const CHARTS = ['F_Staffing.regions', 'F_Staffing.months', 'F_Staffing.headcount'];

const chartSummary = (page: Page, id: string) => page.locator(`${attr('data-chart', id)} .chart-body > svg`).first().getAttribute('aria-label');
const kpi = (page: Page, id: string) => page.locator(attr('data-kpi', id)).first();

async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    (sels) => sels.every((s) => Number(document.querySelector(s)?.getAttribute('data-renders') ?? 0) > 0 && document.querySelector(`${s} .chart-body > svg`)),
    CHARTS.map((id) => attr('data-chart', id)),
    { timeout: STATE_TIMEOUT_MS, polling: 'raf' },
  );
}

async function waitForKpi(page: Page, id: string, want: number, tol = 1e-9): Promise<void> {
  await page.waitForFunction(
    ([sel, w, t]) => {
      const v = Number(document.querySelector(sel)?.getAttribute('data-value'));
      return Math.abs(v - w) <= t * Math.max(1, Math.abs(w));
    },
    [attr('data-kpi', id), want, tol] as const,
    { timeout: STATE_TIMEOUT_MS, polling: 'raf' },
  );
}

async function setDriver(page: Page, name: string, value: number): Promise<void> {
  await page.locator(attr('data-driver', name)).first().evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

describe('staffing plan', () => {
  it('hires typed into the sheet move capacity, cost, the salary line, the promotion pool and the charts; an unknown region is an ERR check', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: VIEWPORT });
    await newNotebookFromGallery(page, 'annual-plan');
    await openSheet(page, 'D_Expense');
    await waitReady(page);
    expect(await num(page, 'D_Expense!C42')).toBe(408); // the spec's salary line with no hires
    const pool0 = await num(page, 'D_Expense!C45');
    const ratio0 = await num(page, 'D_Expense!I72');

    await openSheet(page, 'F_Staffing');
    await waitReady(page);
    await chartsDrawn(page);
    expect(await num(page, COST)).toBe(240);
    const capacity0 = await num(page, CAPACITY);
    const before = await Promise.all(CHARTS.map((id) => chartSummary(page, id)));
    expect(await byTestId(page, 'checks-summary').getAttribute('data-err')).toBe('0');

    await enterInCell(page, EAST_HIRES, '2');
    const cost = (2 * 18 * 9) / 12; // two reps at 18 for months 4–12
    await waitForCellValue(page, COST, String(240 + cost));
    expect(await num(page, CAPACITY)).toBeGreaterThan(capacity0);
    expect(near(Number(await kpi(page, 'PERSONNEL_COST').getAttribute('data-value')), 240 + cost)).toBe(true);
    await expect.poll(async () => (await Promise.all(CHARTS.map((id) => chartSummary(page, id)))).every((s, i) => s !== before[i]), { timeout: STATE_TIMEOUT_MS }).toBe(true);

    await openSheet(page, 'D_Expense');
    await waitReady(page);
    expect(near(await num(page, 'D_Expense!C42'), 408 + cost)).toBe(true);
    expect(near(await num(page, 'D_Expense!E72'), 102 + cost)).toBe(true);
    expect(near(await num(page, 'D_Expense!C45'), pool0 - cost)).toBe(true);
    expect(await num(page, 'D_Expense!I72')).not.toBe(ratio0);
    expect(await cellValue(page, 'D_Expense!J77')).toBe('OK'); // the regions still add up to the envelope

    // A hire in a region the plan does not have: the row says why, the checks count an ERR, the cost does not move.
    await openSheet(page, 'F_Staffing');
    await enterInCell(page, 'F_Staffing!A36', 'Atlantis');
    await enterInCell(page, 'F_Staffing!B36', '代表 Rep');
    await enterInCell(page, 'F_Staffing!D36', '4');
    await enterInCell(page, 'F_Staffing!E36', '3');
    await waitReady(page);
    expect(await cellValue(page, 'F_Staffing!F36')).toMatch(/^✗.*unknown region/);
    await expect.poll(() => byTestId(page, 'checks-summary').getAttribute('data-err')).toBe('1');
    expect(near(await num(page, COST), 240 + cost)).toBe(true);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('the presenter’s staffing slide: hires per region and attrition move capacity gap, personnel cost and the promotion pool', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await page.keyboard.press('7');
    await page.locator(attr('data-slide', 'F_Staffing')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await waitForKpi(page, 'PERSONNEL_COST', 240);
    const gap0 = Number(await kpi(page, 'CAPACITY_GAP').getAttribute('data-value'));
    const pool0 = Number(await kpi(page, 'D_Expense!C45').getAttribute('data-value'));

    await setDriver(page, EAST_HIRES, 3);
    const cost = (3 * 18 * 9) / 12;
    await waitForKpi(page, 'PERSONNEL_COST', 240 + cost);
    await waitForKpi(page, 'D_Expense!C45', pool0 - cost);
    const gap1 = Number(await kpi(page, 'CAPACITY_GAP').getAttribute('data-value'));
    expect(gap1).toBeGreaterThan(gap0);
    expect(await kpi(page, 'HEADCOUNT_END').getAttribute('data-value')).toBe('15');

    // More attrition drags every slot: less capacity, the same cost.
    await setDriver(page, 'ATTRITION', 0.3);
    await page.waitForFunction(([sel, g]) => Number(document.querySelector(sel)?.getAttribute('data-value')) < g, [attr('data-kpi', 'CAPACITY_GAP'), gap1] as const, { timeout: STATE_TIMEOUT_MS });
    expect(near(Number(await kpi(page, 'PERSONNEL_COST').getAttribute('data-value')), 240 + cost)).toBe(true);
    // Ramp months of the reps' level: a driver on the slide too.
    expect(await page.locator(attr('data-driver', 'F_Staffing!D21')).count()).toBe(1);
    expectNoPageErrors(errors);
    await context.close();
  });
});
