/**
 * The notebook view in the browser: the annual plan shows its notes, KPI cards and the spec's
 * charts on every sheet; an edit redraws the charts it feeds — in place, and no others; a chart
 * downloads as SVG and PNG; hiding and moving charts is undoable and survives a reload; a user adds
 * a chart of their own from the selection; and each sheet, photographed at 1920×1080 in both
 * languages, reads well (/tmp/opsbook-shots/<sheet>.png and <sheet>.zh-CN.png).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, enterInCell, expectNoPageErrors, launchBrowser, newNotebookFromGallery, nextFrame, openApp, openSheet,
  reloadApp, selectCell, STATE_TIMEOUT_MS, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const SHEETS = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus'];
const CHARTS: Record<string, string[]> = {
  A_Market: ['A_Market.bridge', 'A_Market.sources', 'A_Market.kpis'],
  B_Target: ['B_Target.forecasts', 'B_Target.final', 'B_Target.tdbu', 'B_Target.quotas'],
  C_Ansoff: ['C_Ansoff.grid', 'C_Ansoff.bridge', 'C_Ansoff.products'],
  D_Expense: ['D_Expense.tornado', 'D_Expense.regions', 'D_Expense.costRates'],
  E_Bonus: ['E_Bonus.payout', 'E_Bonus.repBonus', 'E_Bonus.budget'],
};
const SHOTS = '/tmp/opsbook-shots';

const chart = (page: Page, id: string) => page.locator(attr('data-chart', id)).first();
const chartSvg = (page: Page, id: string) => page.locator(`${attr('data-chart', id)} .chart-body > svg`).first();
const view = (page: Page) => byTestId(page, 'notebook-view');

/** Waits until every listed chart has been drawn at least once. */
async function chartsDrawn(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (sels) => sels.every((s) => Number(document.querySelector(s)?.getAttribute('data-renders') ?? 0) > 0 && document.querySelector(`${s} .chart-body > svg`)),
    ids.map((id) => attr('data-chart', id)),
    { timeout: STATE_TIMEOUT_MS, polling: 'raf' },
  );
}

async function shownSheet(page: Page, sheet: string): Promise<void> {
  await openSheet(page, sheet);
  await expect.poll(() => view(page).getAttribute('data-sheet')).toBe(sheet);
  await chartsDrawn(page, CHARTS[sheet]);
}

const renders = async (page: Page, id: string) => Number(await chart(page, id).getAttribute('data-renders'));
const summary = async (page: Page, id: string) => (await chartSvg(page, id).getAttribute('aria-label')) ?? '';
const chartIds = (page: Page) => page.locator(`${attr('data-testid', 'notebook-view')} [data-chart]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));

async function chartAction(page: Page, id: string, action: string): Promise<void> {
  await chart(page, id).locator('[data-action="menu"]').click();
  await chart(page, id).locator(attr('data-action', action)).click();
}

async function photograph(page: Page, suffix: string): Promise<void> {
  for (const sheet of SHEETS) {
    await shownSheet(page, sheet);
    await waitReady(page);
    await nextFrame(page);
    await page.screenshot({ path: `${SHOTS}/${sheet}${suffix}.png` });
  }
}

describe('the annual plan’s notebook view', () => {
  it('every sheet shows its note, KPI cards and the spec’s charts, each with an accessible summary; photographed in both languages', async () => {
    const app = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'annual-plan');
    mkdirSync(SHOTS, { recursive: true });

    for (const sheet of SHEETS) {
      await shownSheet(page, sheet);
      expect(await chartIds(page)).toEqual(CHARTS[sheet]);
      for (const id of CHARTS[sheet]) {
        const svg = chartSvg(page, id);
        expect(await svg.getAttribute('role')).toBe('img');
        const text = await summary(page, id);
        expect(text.length, `${id} has a summary`).toBeGreaterThan(30);
        expect(await svg.locator('title').first().textContent()).toBe(text);
      }
      expect(await view(page).locator('[data-kpi]').count()).toBe(4);
      expect((await view(page).locator('.nbv-note').textContent())?.length).toBeGreaterThan(40);
    }

    // KPI cards carry the automation contract: the name (or Sheet!A1) and the raw value
    await shownSheet(page, 'B_Target');
    const target = page.locator(attr('data-kpi', 'TARGET_TOTAL')).first();
    expect(Math.abs(Number(await target.getAttribute('data-value')) - 21211.408)).toBeLessThan(1e-3);
    expect(await target.locator('.kpi-number').textContent()).toBe('21,211.41'); // the cell's format
    expect(await page.locator(attr('data-kpi', 'B_Target!J109')).count()).toBe(1);
    // the waterfall reads the bridge of the spec: FY2025 17,500 … FY2026 21,475
    await shownSheet(page, 'A_Market');
    expect(await summary(page, 'A_Market.bridge')).toMatch(/17,500\.00.*21,475\.00/);
    // a KPI card selects its cell in the grid
    await page.locator(attr('data-kpi', 'A_Market!F36')).click();
    await expect.poll(() => byTestId(page, 'name-box').inputValue()).toMatch(/F36/);

    await photograph(page, '');
    await page.locator(attr('data-testid', 'language')).first().click();
    await expect.poll(() => view(page).locator('.nbv-title').textContent()).toBe('奖金计划');
    await photograph(page, '.zh-CN');
    // labels follow the language: the Ansoff tiles read in Chinese now
    await shownSheet(page, 'C_Ansoff');
    expect(await summary(page, 'C_Ansoff.grid')).toContain('市场渗透');

    expectNoPageErrors(app.errors);
    await app.context.close();
  });

  it('a new threshold (E_Bonus!C6) redraws the payout curve in place with the new values — and nothing that does not read it', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'annual-plan');

    // On D_Expense nothing reads the threshold: an edit of it redraws none of its charts.
    await shownSheet(page, 'D_Expense');
    const before = await Promise.all(CHARTS.D_Expense.map((id) => renders(page, id)));
    await page.evaluate(() => (window as any).__opsbook.session.edit([{ type: 'setCells', sheet: 'E_Bonus', writes: [{ addr: 'C6', raw: 0.75 }] }]));
    await waitReady(page);
    for (let i = 0; i < 3; i++) await nextFrame(page);
    expect(await Promise.all(CHARTS.D_Expense.map((id) => renders(page, id)))).toEqual(before);
    await byTestId(page, 'undo').click();
    await waitReady(page);

    await shownSheet(page, 'E_Bonus');
    expect(await summary(page, 'E_Bonus.payout')).toContain('80.0%');
    const drawsBefore = await renders(page, 'E_Bonus.payout');
    const oldSvg = await chartSvg(page, 'E_Bonus.payout').elementHandle();
    await chart(page, 'E_Bonus.payout').evaluate((el) => ((el as any).__mark = 'same card'));
    const projectedBefore = await page.locator(attr('data-kpi', 'E_Bonus!C48')).getAttribute('data-value');
    // Time from the commit to the redrawn chart, measured in the page.
    await page.evaluate((sel) => {
      const root = document.querySelector(sel)!;
      const start = Number(root.getAttribute('data-renders'));
      (window as any).__redraw = new Promise<number>((resolve) => {
        let t0 = 0;
        document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !t0) t0 = performance.now(); }, { capture: true });
        new MutationObserver((_, mo) => {
          if (Number(root.getAttribute('data-renders')) > start && t0) { mo.disconnect(); resolve(performance.now() - t0); }
        }).observe(root, { attributes: true, attributeFilter: ['data-renders'] });
      });
    }, attr('data-chart', 'E_Bonus.payout'));
    await enterInCell(page, 'E_Bonus!C6', '85%');
    const ms = await page.evaluate(() => (window as any).__redraw as Promise<number>);
    console.log(`[charts] E_Bonus!C6 edit → payout chart redrawn in ${ms.toFixed(1)} ms (drawing itself ${await chart(page, 'E_Bonus.payout').getAttribute('data-draw-ms')} ms)`);

    await expect.poll(() => summary(page, 'E_Bonus.payout')).toContain('85.0%');
    expect(await renders(page, 'E_Bonus.payout')).toBeGreaterThan(drawsBefore);
    // the card is the same element; only its drawing was replaced
    expect(await chart(page, 'E_Bonus.payout').evaluate((el) => (el as any).__mark)).toBe('same card');
    expect(await oldSvg!.evaluate((el) => el.isConnected)).toBe(false);
    // the threshold rule moved to 85%: the jump of the curve is at the new attainment
    expect(await summary(page, 'E_Bonus.payout')).toMatch(/85\.0%[^;]*50\.0%/);
    // E03 (85%) now sits at the threshold and W02 (88%) above it; S03 (78%) and E03's old payout change the projection
    expect(await page.locator(attr('data-kpi', 'E_Bonus!C48')).getAttribute('data-value')).not.toBe(projectedBefore);
    expect(await summary(page, 'E_Bonus.budget')).not.toContain('249.61');

    expectNoPageErrors(app.errors);
    await app.context.close();
  });

  it('a chart downloads as SVG and as PNG', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'annual-plan');
    await shownSheet(page, 'E_Bonus');

    const [svgFile] = await Promise.all([page.waitForEvent('download'), chartAction(page, 'E_Bonus.payout', 'export-svg')]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg');
    expect(svg).toMatch(/<title>[^<]*80\.0%/); // the accessible summary travels with the file
    expect(svg).toContain('Payout curve with the reps at their attainment'); // the visible title
    expect(svg).not.toContain('<script');

    const [pngFile] = await Promise.all([page.waitForEvent('download'), chartAction(page, 'E_Bonus.payout', 'export-png')]);
    expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await pngFile.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(800); // width at 2×
    mkdirSync(SHOTS, { recursive: true });
    await pngFile.saveAs(`${SHOTS}/export-E_Bonus.payout.png`);

    // the Ansoff grid is drawn without Plot; it downloads the same way
    await shownSheet(page, 'C_Ansoff');
    const [ansoff] = await Promise.all([page.waitForEvent('download'), chartAction(page, 'C_Ansoff.grid', 'export-svg')]);
    expect(readFileSync((await ansoff.path())!, 'utf8')).toContain('Market penetration');

    expectNoPageErrors(app.errors);
    expect(app.requests.filter((u) => !u.startsWith(app.baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    await app.context.close();
  });

  it('hiding and moving charts are undoable layout edits that survive a reload', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'annual-plan');
    await shownSheet(page, 'C_Ansoff');

    await chartAction(page, 'C_Ansoff.bridge', 'hide');
    await expect.poll(() => chartIds(page)).toEqual(['C_Ansoff.grid', 'C_Ansoff.products']);
    await byTestId(page, 'undo').click();
    await expect.poll(() => chartIds(page)).toEqual(CHARTS.C_Ansoff);

    await chartAction(page, 'C_Ansoff.grid', 'move-right');
    await expect.poll(() => chartIds(page)).toEqual(['C_Ansoff.bridge', 'C_Ansoff.grid', 'C_Ansoff.products']);
    await chartAction(page, 'C_Ansoff.products', 'hide');
    await expect.poll(() => chartIds(page)).toEqual(['C_Ansoff.bridge', 'C_Ansoff.grid']);
    await waitSaved(page);
    await reloadApp(page);
    await expect.poll(() => view(page).getAttribute('data-sheet')).toBe('C_Ansoff');
    await expect.poll(() => chartIds(page)).toEqual(['C_Ansoff.bridge', 'C_Ansoff.grid']);

    // the hidden chart is listed and comes back
    await byTestId(page, 'hidden-charts').click();
    await page.locator(attr('data-show-item', 'C_Ansoff.products')).click();
    await expect.poll(() => chartIds(page)).toEqual(['C_Ansoff.bridge', 'C_Ansoff.grid', 'C_Ansoff.products']);

    // the view collapses to its header and the toolbar hides it altogether
    await byTestId(page, 'notebook-view-collapse').click();
    expect(await chartIds(page)).toEqual([]);
    await byTestId(page, 'notebook-view-collapse').click();
    await byTestId(page, 'toggle-notebook-view').click();
    await expect.poll(() => view(page).count()).toBe(0);
    await byTestId(page, 'toggle-notebook-view').click();
    await chartsDrawn(page, CHARTS.C_Ansoff);

    expectNoPageErrors(app.errors);
    await app.context.close();
  });
});

describe('templates added later and chart settings', () => {
  it('a template added to a notebook shows its default view; renaming a chart is an undoable edit', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 1000 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'six-step-targets');
    await shownSheet(page, 'B_Target');
    // a link stub has no view of its own: just the header
    await openSheet(page, 'A_Market');
    await expect.poll(() => view(page).getAttribute('data-sheet')).toBe('A_Market');
    expect(await chartIds(page)).toEqual([]);
    expect(await view(page).locator('.nbv-body').count()).toBe(0);

    await byTestId(page, 'add-template').click();
    await page.locator('[data-insert-template="market-model"]').click();
    await waitReady(page);
    await shownSheet(page, 'A_Market');
    expect(await chartIds(page)).toEqual(CHARTS.A_Market);

    await chartAction(page, 'A_Market.bridge', 'edit');
    const dialog = byTestId(page, 'chart-dialog');
    expect(await dialog.locator('[data-range-key="values"]').inputValue()).toBe('B51:B56');
    await dialog.locator(attr('data-testid', 'chart-title')).fill('Where growth comes from');
    await byTestId(page, 'chart-dialog-ok').click();
    await expect.poll(() => chart(page, 'A_Market.bridge').locator('.chart-title').textContent()).toBe('Where growth comes from');
    await expect.poll(() => summary(page, 'A_Market.bridge')).toMatch(/^Where growth comes from:/);
    await byTestId(page, 'undo').click();
    await expect.poll(() => chart(page, 'A_Market.bridge').locator('.chart-title').textContent()).toMatch(/^Growth bridge/);

    expectNoPageErrors(app.errors);
    await app.context.close();
  });
});

describe('a chart of one’s own', () => {
  it('from the selected range, as stacked bars and as a waterfall, live with the cells', async () => {
    const app = await openApp(browser, { viewport: { width: 1400, height: 900 } });
    const { page } = app;
    await newNotebookFromGallery(page, 'blank');
    const rows = [['Region', 'FY25', 'FY26'], ['East', '100', '120'], ['South', '80', '95'], ['West', '40', '70']];
    for (const [r, row] of rows.entries()) for (const [c, v] of row.entries()) await enterInCell(page, `Sheet1!${'ABC'[c]}${r + 1}`, v);
    await selectCell(page, 'A1:C4');

    await byTestId(page, 'add-chart').click();
    const dialog = byTestId(page, 'chart-dialog');
    expect(await dialog.locator(attr('data-testid', 'chart-range')).inputValue()).toBe('A1:C4');
    await dialog.locator(attr('data-testid', 'chart-kind')).selectOption('stackedBar');
    await dialog.locator(attr('data-testid', 'chart-title')).fill('Revenue by region');
    await byTestId(page, 'chart-dialog-ok').click();
    const mine = view(page).locator('[data-kind="stackedBar"]').first();
    await mine.locator('.chart-body > svg').waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    expect(await mine.locator('.chart-title').textContent()).toBe('Revenue by region');
    const id = (await mine.getAttribute('data-chart'))!;
    expect(await summary(page, id)).toMatch(/FY25.*East 100.*FY26.*West 70/);

    await enterInCell(page, 'Sheet1!C4', '90');
    await expect.poll(() => summary(page, id)).toContain('West 90');

    await selectCell(page, 'A2:B4');
    await byTestId(page, 'add-chart').click();
    await byTestId(page, 'chart-dialog').locator(attr('data-testid', 'chart-kind')).selectOption('waterfall');
    await byTestId(page, 'chart-dialog-ok').click();
    const bridge = view(page).locator('[data-kind="waterfall"]').first();
    await bridge.locator('.chart-body > svg').waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    const bridgeId = (await bridge.getAttribute('data-chart'))!;
    expect(await summary(page, bridgeId)).toMatch(/East 100 to Total 220/);

    // a bad range is refused with a message, nothing added
    await byTestId(page, 'add-chart').click();
    await byTestId(page, 'chart-dialog').locator(attr('data-testid', 'chart-range')).fill('not a range');
    await byTestId(page, 'chart-dialog-ok').click();
    await expect.poll(() => byTestId(page, 'chart-dialog').locator('[role="alert"]').count()).toBe(1);
    await byTestId(page, 'chart-dialog').locator('button', { hasText: 'Cancel' }).click();
    expect(await chartIds(page)).toHaveLength(2);

    // removing one's own chart is an undoable edit too
    await chartAction(page, bridgeId, 'remove');
    await expect.poll(() => chartIds(page)).toEqual([id]);
    await byTestId(page, 'undo').click();
    await expect.poll(() => chartIds(page)).toEqual([id, bridgeId]);

    expectNoPageErrors(app.errors);
    await app.context.close();
  });
});
