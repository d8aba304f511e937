/**
 * The templates in the browser: the annual plan opens from the gallery with the spec's numbers,
 * an input edited in one sheet moves the linked outputs in the others, each single template
 * opens on its own with link stubs, and adding a template replaces its stub so the links go live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import {
  byTestId, cellValue, enterInCell, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, openSheet,
  sheetTab, waitForCellValue, waitReady,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const near = (text: string, want: number, tol = 1e-6) => Math.abs(Number(text) - want) <= tol * Math.max(1, Math.abs(want));

describe('annual plan', () => {
  it('opens with the spec values and follows an edit across all five sheets', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    expect(await page.locator('[data-sheet-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet-tab'))))
      .toEqual(['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']);
    expect(near(await cellValue(page, 'A_Market!F36'), 21475)).toBe(true);
    expect(near(await cellValue(page, 'B_Target!G45'), 21211.408)).toBe(true);
    expect(near(await cellValue(page, 'C_Ansoff!C4'), 3711.408)).toBe(true);
    expect(near(await cellValue(page, 'D_Expense!C41'), 4242.2816)).toBe(true);
    expect(near(await cellValue(page, 'E_Bonus!C5'), 318.1711)).toBe(true);
    // every check is OK or advisory: none fails
    expect(await byTestId(page, 'checks-summary').getAttribute('data-err')).toBe('0');

    // Judgement growth of P1 from 12% to 20%: the target, the gap, the envelope and the bonus budget follow.
    await enterInCell(page, 'B_Target!C43', '20%');
    const target = Number(await cellValue(page, 'B_Target!G45'));
    // T_P1 = W_QUANT·quant + (1−W_QUANT)·R0·(1+g): only the judgement part moves, by 0.3·10000·0.08 = 240
    expect(near(String(target), 21211.408 + 240, 1e-6)).toBe(true);
    await openSheet(page, 'C_Ansoff');
    expect(near(await cellValue(page, 'C_Ansoff!C4'), target - 17500)).toBe(true);
    await openSheet(page, 'D_Expense');
    expect(near(await cellValue(page, 'D_Expense!C41'), target * 0.2)).toBe(true);
    await openSheet(page, 'E_Bonus');
    expect(near(await cellValue(page, 'E_Bonus!C5'), target * 0.015)).toBe(true);
    expectNoPageErrors(errors);
    await context.close();
  });
});

describe('single templates', () => {
  const singles: [string, string, string, number][] = [
    ['market-model', 'A_Market', 'A_Market!F36', 21475],
    ['six-step-targets', 'B_Target', 'B_Target!G45', 21211.408],
    ['ansoff-grid', 'C_Ansoff', 'C_Ansoff!C4', 3711.408],
    ['expense-structure', 'D_Expense', 'D_Expense!C41', 4242.2816],
    ['bonus-plan', 'E_Bonus', 'E_Bonus!C5', 318.1711],
    ['staffing-plan', 'F_Staffing', 'F_Staffing!B11', 240], // PERSONNEL_COST: the twelve reps' base salaries
    ['monthly-tracking', 'G_Monthly', 'G_Monthly!B8', 11181.0941], // P1's final target, from the B_Target stub
  ];
  it.each(singles)('%s opens on its own sheet with stubs and the spec values', async (id, sheet, ref, want) => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, id);
    await expect.poll(() => sheetTab(page, sheet).getAttribute('class')).toMatch(/active/);
    expect(await sheetTab(page, sheet).getAttribute('class')).not.toMatch(/stub/);
    expect(await page.locator('.sheet-tab.stub').count()).toBeGreaterThan(0);
    expect(near(await cellValue(page, ref), want)).toBe(true);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('adding a template replaces its stub and the links go live (one undo step)', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'six-step-targets');
    expect(await sheetTab(page, 'A_Market').getAttribute('class')).toMatch(/stub/);
    const before = await cellValue(page, 'B_Target!C39');
    expect(near(before, 11555)).toBe(true);
    await byTestId(page, 'add-template').click();
    await page.locator('[data-insert-template="market-model"]').click();
    await expect.poll(() => sheetTab(page, 'A_Market').getAttribute('class')).not.toMatch(/stub/);
    await waitReady(page);
    // A live A_Market: change P1 volume growth 5% → 10%; the market-model forecast follows.
    await enterInCell(page, 'A_Market!C14', '10%');
    await openSheet(page, 'B_Target');
    // ① volume R0·g: 10000·0.10 = 1000 (+500); ② share gain M0·(1+g)·(s1−s0): 40000·1.10·0.0025 = 110 (+5)
    await waitForCellValue(page, 'B_Target!C39', String(11555 + 500 + 5));
    await page.keyboard.press('Control+z'); // undo the growth edit
    await waitForCellValue(page, 'B_Target!C39', '11555');
    await page.locator('[data-testid="undo"]').click(); // undo the insertion: the stub is back
    await expect.poll(() => sheetTab(page, 'A_Market').getAttribute('class')).toMatch(/stub/);
    expectNoPageErrors(errors);
    await context.close();
  });
});
