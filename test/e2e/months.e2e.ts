/**
 * The year after the workshop in the browser: on the sample annual plan, import a CSV of two
 * months of actuals and a European `;` file with decimal commas, check the preview, apply, see the
 * year to date and the forecast move, undo in one step, find it again after a reload; a file with
 * an unknown region is refused with its line number and changes nothing; the presenter's monthly
 * review steps CLOSED_MONTHS. A file with a rep column fills the reps' actuals too: each rep's YTD
 * actual and status follow, one undo takes it back, a rep of another region is refused by line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import { attr, byTestId, cellValue, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, openSheet, reloadApp, waitForCellValue, waitReady, waitSaved } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

// G_Monthly of the sample plan (4 lines × 4 regions): CLOSED_MONTHS in B3, the actuals block from
// row 21 (East P1 … West P4), YTD_TARGET … YTD_STATUS in B44:B49.
const CLOSED = 'G_Monthly!B3';
const YTD_TARGET = 'G_Monthly!B44';
const YTD_ACTUAL = 'G_Monthly!B45';
const FY_FORECAST = 'G_Monthly!B47';
const TARGETS = [11181.094064, 6735.2900675, 2845.023846, 450];
const TOTAL = TARGETS.reduce((a, b) => a + b, 0);

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
const TWO_MONTHS = csv('crm-jan-feb.csv', 'Region,Product line,Month,Amount\nEast,P1,1,1000\n华南 South,P2,2026-02,500\n华东,P1,2,150\nEast,P1,2,50\n');
// European Excel: ';' separators, a BOM, decimal commas, Chinese header in another order.
const EUROPEAN = csv('maerz.csv', '\uFEFF月份;区域;产品线;金额\n3;华北 North;P3;"1.000,5"\n');
const BAD = csv('bad.csv', 'region,product,month,amount\nEast,P1,4,10\nAtlantis,P1,4,5\n');
// A CRM export with the deal's rep (one row without one: it counts for the region only).
const WITH_REPS = csv('crm-reps.csv', 'Region,Product line,Month,Amount,Sales rep\nEast,P1,1,1000,E01\n华东,P1,2,200,E01\nSouth,P2,2,500,S01\nSouth,P1,1,300,S02\nEast,P1,2,50,\n');
const WRONG_REGION = csv('wrong-rep.csv', '区域,产品线,月份,金额,销售代表\n华东,P1,4,10,E01\n华南,P1,4,5,E01\n');
// The rep actuals block of the sample plan (12 reps, E01 first): months C:N, YTD actual O, YTD target P,
// attainment Q, forecast S, gap T, status U; rows 102–113. The region block's forecast F64:F67, gap G64:G67.
const repCell = (col: string, k: number) => `G_Monthly!${col}${102 + k}`;
const QUOTAS = { E01: 3391.1673237, E02: 2916.2182505, S01: 2300.021793, S02: 1885.5624204 };

const num = async (page: Page, ref: string) => Number(await cellValue(page, ref));
const CHART = attr('data-chart', 'G_Monthly.cumulative');
const chartLabel = (page: Page) => page.locator(`${CHART} .chart-body > svg`).first().getAttribute('aria-label');
const kpiValue = (page: Page, id: string) => page.locator(attr('data-kpi', id)).first().getAttribute('data-value');

async function importActuals(page: Page, file: ReturnType<typeof csv>) {
  await byTestId(page, 'import-actuals').setInputFiles(file);
}

describe('monthly tracking: importing actuals', () => {
  it('previews, applies, moves the year to date and the forecast, undoes in one step, keeps it after a reload, refuses a bad file by line', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'annual-plan');
    await openSheet(page, 'G_Monthly');
    expect(await num(page, CLOSED)).toBe(0);
    expect(await num(page, FY_FORECAST)).toBeCloseTo(TOTAL, 4);
    await page.locator(`${CHART} .chart-body > svg`).first().waitFor({ timeout: 20_000 });
    const chartBefore = await chartLabel(page);
    const dots = () => page.locator(`${CHART} .chart-body > svg circle`).count();
    expect(await dots()).toBe(24); // plan and forecast, 12 months each; no actuals yet (a gap, not zeros)
    // The forecast line is drawn dashed.
    expect(await page.locator(`${CHART} .chart-body > svg [stroke-dasharray="6,4"]`).count()).toBeGreaterThan(0);

    await byTestId(page, 'actuals-panel').click();
    await importActuals(page, TWO_MONTHS);
    const preview = byTestId(page, 'actuals-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-rows')).toBe('4');
    expect(await preview.getAttribute('data-months')).toBe('1,2');
    expect(await preview.locator('[data-month="2"] [data-total]').textContent()).toBe('700');
    expect(await preview.locator('[data-month="1"] [data-replaced]').textContent()).toBe('0');
    expect(await num(page, CLOSED)).toBe(0); // nothing applied before Apply

    await byTestId(page, 'actuals-apply').click();
    await waitForCellValue(page, CLOSED, '2');
    await waitReady(page);
    expect(await num(page, 'G_Monthly!C21')).toBe(1000); // East P1, month 1
    expect(await num(page, 'G_Monthly!D21')).toBe(200); // two rows of the same cell add up
    expect(await num(page, 'G_Monthly!D26')).toBe(500); // South P2, month 2
    expect(await num(page, YTD_TARGET)).toBeCloseTo((TOTAL * 2) / 12, 4);
    expect(await num(page, YTD_ACTUAL)).toBe(1700);
    // forecast_p = A_p / S_p with S_p = 2/12: P1 1200 × 6, P2 500 × 6, the others 0.
    expect(await num(page, FY_FORECAST)).toBeCloseTo(10200, 4);
    const summary = byTestId(page, 'months-summary');
    await expect.poll(() => summary.locator('[data-output="ATTAINMENT_YTD"]').textContent()).toBe(`${((1700 / ((TOTAL * 2) / 12)) * 100).toFixed(1)} %`);
    expect(await summary.locator('[data-output="YTD_STATUS"]').textContent()).toMatch(/^R /);
    // The KPI card and the cumulative chart move with the import.
    await expect.poll(() => kpiValue(page, 'FY_FORECAST')).toBe('10200');
    await expect.poll(() => chartLabel(page)).not.toBe(chartBefore);
    await expect.poll(dots).toBe(12 + 2 + 11); // plan; actual for Jan–Feb; forecast from Feb on
    // The region × month variance heatmap: Jan and Feb for the four regions.
    await expect.poll(() => page.locator(`${attr('data-chart', 'G_Monthly.variance')} .chart-body > svg rect`).count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator(`${attr('data-chart', 'G_Monthly.variance')}`).first().getAttribute('data-kind')).toBe('heatmap');

    // The European file: month 3 only; months 1–2 stay.
    await importActuals(page, EUROPEAN);
    await byTestId(page, 'actuals-preview').waitFor();
    expect(await byTestId(page, 'actuals-preview').getAttribute('data-months')).toBe('3');
    await byTestId(page, 'actuals-apply').click();
    await waitForCellValue(page, CLOSED, '3');
    await waitReady(page);
    expect(await num(page, 'G_Monthly!E31')).toBe(1000.5); // North (3rd region) P3, month 3
    expect(await num(page, YTD_ACTUAL)).toBe(2700.5);

    // One undo takes the whole import back.
    await byTestId(page, 'undo').click();
    await waitForCellValue(page, CLOSED, '2');
    await waitReady(page);
    expect(await cellValue(page, 'G_Monthly!E31')).toBe('');
    expect(await num(page, YTD_ACTUAL)).toBe(1700);

    // A bad file: refused with its line, nothing changes.
    await importActuals(page, BAD);
    const problems = byTestId(page, 'actuals-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/第 3 行|Line 3/);
    expect(await problems.textContent()).toContain('Atlantis');
    expect(await byTestId(page, 'actuals-preview').count()).toBe(0);
    expect(await num(page, CLOSED)).toBe(2);
    expect(await cellValue(page, 'G_Monthly!F21')).toBe(''); // East P1 month 4 (the good row) not written

    await waitSaved(page);
    await reloadApp(page);
    await openSheet(page, 'G_Monthly');
    expect(await num(page, CLOSED)).toBe(2);
    expect(await num(page, YTD_ACTUAL)).toBe(1700);
    expect(await num(page, FY_FORECAST)).toBeCloseTo(10200, 4);

    // The presenter's monthly review: stepping CLOSED_MONTHS back to January moves the YTD figures.
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('8');
    await page.locator(attr('data-slide', 'G_Monthly')).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => kpiValue(page, 'YTD_ACTUAL')).toBe('1700');
    await page.locator(attr('data-driver', 'CLOSED_MONTHS')).first().evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => kpiValue(page, 'YTD_ACTUAL')).toBe('1000');
    expect(Number(await kpiValue(page, 'ATTAINMENT_YTD'))).toBeCloseTo(1000 / (TOTAL / 12), 6);
    expect(Number(await kpiValue(page, 'FY_FORECAST'))).toBeCloseTo(12000, 4); // P1: 1000 ÷ 1/12
    expectNoPageErrors(errors);
    await context.close();
  }, 180_000);

  it('a file with a rep column fills the reps’ actuals: YTD actual, target, forecast and status per rep, the regions’ forecasts; one undo; a rep of another region is refused', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'annual-plan');
    await openSheet(page, 'G_Monthly');
    expect(await cellValue(page, repCell('U', 0))).toBe('R');
    expect(await num(page, repCell('S', 0))).toBeCloseTo(QUOTAS.E01, 4); // M = 0: forecast = quota

    await byTestId(page, 'actuals-panel').click();
    await importActuals(page, WITH_REPS);
    const preview = byTestId(page, 'actuals-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-rows')).toBe('5');
    expect(await preview.getAttribute('data-rep-rows')).toBe('4');
    expect(await byTestId(page, 'actuals-rep-rows').textContent()).toMatch(/4/);
    await byTestId(page, 'actuals-apply').click();
    await waitForCellValue(page, CLOSED, '2');
    await waitReady(page);

    expect(await num(page, repCell('C', 0))).toBe(1000);
    expect(await num(page, repCell('D', 0))).toBe(200);
    expect(await num(page, repCell('O', 0))).toBe(1200); // E01
    expect(await num(page, repCell('P', 0))).toBeCloseTo((QUOTAS.E01 * 2) / 12, 4);
    expect(await num(page, repCell('S', 0))).toBeCloseTo(7200, 4); // 1200 ÷ 2/12
    expect(await num(page, repCell('T', 0))).toBeCloseTo(7200 - QUOTAS.E01, 4);
    expect(await cellValue(page, repCell('U', 0))).toBe('G');
    expect(await num(page, repCell('O', 1))).toBe(0); // E02: nothing
    expect(await cellValue(page, repCell('U', 1))).toBe('R');
    expect(await num(page, repCell('O', 3))).toBe(500); // S01
    expect(await cellValue(page, repCell('U', 3))).toBe('G');
    expect(await num(page, repCell('O', 4))).toBe(300); // S02: 300 ÷ (1885.56 × 2/12) = 95 %
    expect(await num(page, repCell('Q', 4))).toBeCloseTo(300 / ((QUOTAS.S02 * 2) / 12), 6);
    expect(await cellValue(page, repCell('U', 4))).toBe('A');
    // The region block: East 1250 ÷ 2/12, South 800 ÷ 2/12; the rep-less row counts for East.
    expect(await num(page, 'G_Monthly!F64')).toBeCloseTo(7500, 4);
    expect(await num(page, 'G_Monthly!F65')).toBeCloseTo(4800, 4);
    expect(await num(page, FY_FORECAST)).toBeCloseTo(12300, 4);

    await byTestId(page, 'undo').click();
    await waitForCellValue(page, CLOSED, '0');
    await waitReady(page);
    expect(await cellValue(page, repCell('C', 0))).toBe('');
    expect(await num(page, repCell('O', 0))).toBe(0);
    expect(await cellValue(page, repCell('U', 0))).toBe('R');
    expect(await num(page, repCell('S', 0))).toBeCloseTo(QUOTAS.E01, 4);

    await importActuals(page, WRONG_REGION);
    const problems = byTestId(page, 'actuals-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/第 3 行|Line 3/);
    expect(await problems.textContent()).toContain('E01');
    expect(await byTestId(page, 'actuals-preview').count()).toBe(0);
    expect(await cellValue(page, repCell('F', 0))).toBe(''); // the good row (E01, month 4) not written
    expect(await num(page, CLOSED)).toBe(0);
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);
});
