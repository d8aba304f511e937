/**
 * Changing the grid's shape, as a consultant does it on the annual plan: a fifth region inserted
 * in B_Target from the row header's menu (every sheet follows, the checks stay OK, one undo step,
 * a reload, the exported files reopened), Excel's keys and header clicks, a deletion that others
 * depend on asks first, a driver and a chart after an insert, and undoing a sheet deletion
 * leaves no #REF! and no ERR behind.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cellValue, enterInCell, expectNoPageErrors, formulaBarText, goHome, importFile, launchBrowser, nameBox,
  newNotebookFromGallery, openApp, openSheet, reloadApp, selectCell, STATE_TIMEOUT_MS, waitForCellValue, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const VIEWPORT = { width: 1600, height: 1000 };
const rowHeader = (page: Page, n: number) => page.locator(attr('data-row-header', String(n))).first();
const colHeader = (page: Page, letter: string) => page.locator(attr('data-col-header', letter)).first();
const action = (page: Page, id: string) => page.locator(attr('data-action', id)).first();
const checksErr = async (page: Page) => Number(await byTestId(page, 'checks-summary').getAttribute('data-err'));

/** Right-clicks a row header (scrolled into view through the name box first) and picks a menu item. */
async function rowMenu(page: Page, sheet: string, row: number, item: string): Promise<void> {
  await selectCell(page, `${sheet}!A${row}`);
  await rowHeader(page, row).click({ button: 'right' });
  await action(page, item).click();
}

async function formulaOf(page: Page, ref: string): Promise<string> {
  await selectCell(page, ref);
  return formulaBarText(page);
}

/** The number of rendered cells, on each of the sheets, whose value is `#REF!`. */
async function refErrors(page: Page, sheets: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of sheets) {
    await openSheet(page, s);
    await waitReady(page);
    out[s] = await page.locator(`[data-cell^="${s}!"][data-value="#REF!"]`).count();
  }
  return out;
}

describe('inserting and deleting rows and columns on the annual plan', () => {
  it('a fifth region from the row header’s menu: every sheet follows, checks stay OK, one undo step, reload and both files keep the shape', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: VIEWPORT });
    await newNotebookFromGallery(page, 'annual-plan');
    const err0 = await checksErr(page);
    const bonus = await cellValue(page, 'E_Bonus!C5');
    const target = await cellValue(page, 'B_Target!G45');
    expect(await formulaOf(page, 'B_Target!C36')).toBe('=SUM(C32:C35)');

    // Row 35 (West) → insert above: a blank row 35, West on 36, the total on 37 summing one more row.
    await rowMenu(page, 'B_Target', 35, 'insert-rows-above');
    await waitReady(page);
    expect(await nameBox(page).getAttribute('data-range')).toMatch(/^A35:[A-Z]+35$/); // the new row is selected
    expect(await cellValue(page, 'B_Target!A36')).toBe('西部 West');
    expect(await cellValue(page, 'B_Target!C35')).toBe('');
    expect(await formulaOf(page, 'B_Target!C37')).toBe('=SUM(C32:C36)');
    expect(await cellValue(page, 'B_Target!G46')).toBe(target);
    expect(await cellValue(page, 'E_Bonus!C5')).toBe(bonus); // another sheet reads the target through TARGET_TOTAL
    expect(await checksErr(page)).toBe(err0);
    // The name box takes a workbook name and selects what it refers to — where it is now.
    await nameBox(page).fill('TARGET_TOTAL');
    await nameBox(page).press('Enter');
    await expect.poll(() => nameBox(page).inputValue()).toBe('G46');

    await enterInCell(page, 'B_Target!C35', '500');
    expect(await cellValue(page, 'B_Target!C37')).toBe('10500');
    // Undo the typing, then the insert: exactly what was there.
    await byTestId(page, 'undo').click();
    await byTestId(page, 'undo').click();
    await waitReady(page);
    expect(await formulaOf(page, 'B_Target!C36')).toBe('=SUM(C32:C35)');
    expect(await cellValue(page, 'B_Target!A35')).toBe('西部 West');
    expect(await cellValue(page, 'B_Target!G45')).toBe(target);
    await byTestId(page, 'redo').click();
    await waitReady(page);
    expect(await formulaOf(page, 'B_Target!C37')).toBe('=SUM(C32:C36)');
    expect(await cellValue(page, 'B_Target!G46')).toBe(target);

    await waitSaved(page);
    await reloadApp(page);
    expect(await formulaOf(page, 'B_Target!C37')).toBe('=SUM(C32:C36)');
    expect(await cellValue(page, 'B_Target!G46')).toBe(target);
    expect(await checksErr(page)).toBe(err0);

    // The saved file and the Excel file both reopen with the new shape.
    const [json] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-opsbook').click()]);
    const jsonBytes = await readFile((await json.path())!);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
    const xlsxBytes = await readFile((await xlsx.path())!);
    await goHome(page);
    await importFile(page, { name: 'plan.opsbook.json', buffer: jsonBytes });
    expect(await formulaOf(page, 'B_Target!C37')).toBe('=SUM(C32:C36)');
    expect(await cellValue(page, 'B_Target!G46')).toBe(target);
    await goHome(page);
    await importFile(page, { name: 'plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxBytes });
    expect(await formulaOf(page, 'B_Target!C37')).toBe('=SUM(C32:C36)');
    expect(Number(await cellValue(page, 'B_Target!G46'))).toBeCloseTo(Number(target), 6);
    expect(await cellValue(page, 'E_Bonus!C5')).toBe(bonus);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('Excel’s keys and header clicks: Shift+Space, Ctrl+Space, Ctrl+Shift+=, Ctrl+-, click and Shift+click on headers', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: VIEWPORT });
    await newNotebookFromGallery(page, 'blank');
    await enterInCell(page, 'Sheet1!A1', '1');
    await enterInCell(page, 'Sheet1!A2', '2');
    await enterInCell(page, 'Sheet1!A3', '=SUM(A1:A2)');
    await enterInCell(page, 'Sheet1!B1', '=A3*10');

    // Shift+Space selects the row; Ctrl+Shift+= inserts one above it; the sum grows to take it in.
    await selectCell(page, 'Sheet1!A2');
    await page.keyboard.press('Shift+Space');
    expect(await nameBox(page).getAttribute('data-range')).toMatch(/^A2:[A-Z]+2$/);
    expect(await rowHeader(page, 2).getAttribute('class')).toMatch(/\bon\b/);
    await page.keyboard.press('Control+Shift+Equal');
    await waitReady(page);
    expect(await formulaOf(page, 'Sheet1!A4')).toBe('=SUM(A1:A3)');
    expect(await formulaOf(page, 'Sheet1!B1')).toBe('=A4*10');
    await enterInCell(page, 'Sheet1!A2', '5');
    expect(await cellValue(page, 'Sheet1!B1')).toBe('80');
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'Sheet1!B1', '30');
    // Ctrl+- on the (empty) inserted row deletes it without asking: nothing breaks.
    await selectCell(page, 'Sheet1!A2');
    await page.keyboard.press('Shift+Space');
    await page.keyboard.press('Control+Minus');
    await waitReady(page);
    expect(await byTestId(page, 'confirm-structure').count()).toBe(0);
    expect(await formulaOf(page, 'Sheet1!A3')).toBe('=SUM(A1:A2)');
    expect(await cellValue(page, 'Sheet1!B1')).toBe('30');

    // A click on column B's header selects the column, Shift+click on C extends; Ctrl+Shift+= inserts two.
    await colHeader(page, 'B').click();
    expect(await nameBox(page).getAttribute('data-range')).toMatch(/^B1:B\d+$/);
    await colHeader(page, 'C').click({ modifiers: ['Shift'] });
    expect(await nameBox(page).getAttribute('data-range')).toMatch(/^B1:C\d+$/);
    await page.keyboard.press('Control+Shift+Equal');
    await waitReady(page);
    expect(await formulaOf(page, 'Sheet1!D1')).toBe('=A3*10');
    expect(await cellValue(page, 'Sheet1!D1')).toBe('30');
    // Ctrl+Space selects column A; Ctrl+- would break D1: it asks first, and Cancel changes nothing.
    await selectCell(page, 'Sheet1!A3');
    await page.keyboard.press('Control+Space');
    expect(await nameBox(page).getAttribute('data-range')).toMatch(/^A1:A\d+$/);
    await page.keyboard.press('Control+Minus');
    const confirm = byTestId(page, 'confirm-structure');
    await confirm.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await confirm.textContent()).toContain('Sheet1!D1');
    await byTestId(page, 'dialog-cancel').click();
    await waitReady(page);
    // The keys are the grid's again.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => nameBox(page).inputValue()).toBe('A2');
    expect(await cellValue(page, 'Sheet1!D1')).toBe('30');
    // On a plain cell selection the keys ask which, as Excel does: the menu opens at the cell.
    await selectCell(page, 'Sheet1!A2');
    await page.keyboard.press('Control+Shift+Equal');
    await action(page, 'insert-rows-below').click();
    await waitReady(page);
    expect(await formulaOf(page, 'Sheet1!A4')).toBe('=SUM(A1:A2)'); // inserted below A2 (outside the sum's last row)
    expectNoPageErrors(errors);
    await context.close();
  });

  it('deleting rows others depend on says what (counts per kind, first addresses) and asks; undo brings every value back', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: VIEWPORT });
    await newNotebookFromGallery(page, 'annual-plan');
    const err0 = await checksErr(page);
    const bonus = await cellValue(page, 'E_Bonus!C5');
    await rowMenu(page, 'B_Target', 45, 'delete-rows');
    const confirm = byTestId(page, 'confirm-structure');
    await confirm.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const text = (await confirm.textContent()) ?? '';
    expect(text).toMatch(/\d+ formulas: [A-Za-z_]+![A-Z]+\d+/);
    expect(text).toMatch(/workbook names: .*TARGET_TOTAL/);
    await byTestId(page, 'dialog-cancel').click();
    expect(await cellValue(page, 'B_Target!A45')).toBe('年度目标');

    await rowMenu(page, 'B_Target', 45, 'delete-rows');
    await byTestId(page, 'confirm-ok').click();
    await waitReady(page);
    expect(await cellValue(page, 'B_Target!A45')).toBe('目标增长率');
    await waitForCellValue(page, 'E_Bonus!C5', '#REF!');
    await byTestId(page, 'undo').click();
    await waitReady(page);
    expect(await cellValue(page, 'E_Bonus!C5')).toBe(bonus);
    expect(await cellValue(page, 'B_Target!A45')).toBe('年度目标');
    expect(await checksErr(page)).toBe(err0);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('undoing a sheet deletion brings back every value: no #REF!, no ERR check, before any reload', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: VIEWPORT });
    await newNotebookFromGallery(page, 'annual-plan');
    const others = ['A_Market', 'C_Ansoff', 'D_Expense', 'E_Bonus'];
    const err0 = await checksErr(page);
    const refs0 = await refErrors(page, others);
    const bonus = await cellValue(page, 'E_Bonus!C5');
    await page.locator(attr('data-sheet-tab', 'B_Target')).click({ button: 'right' });
    await byTestId(page, 'sheet-menu-delete').click();
    const confirm = byTestId(page, 'confirm-structure');
    await confirm.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await confirm.textContent()).toMatch(/formulas: .*(A_Market|C_Ansoff|D_Expense|E_Bonus)!/);
    await byTestId(page, 'confirm-ok').click();
    await expect.poll(() => page.locator(attr('data-sheet-tab', 'B_Target')).count()).toBe(0);
    await waitReady(page);
    await waitForCellValue(page, 'E_Bonus!C5', '#REF!');
    await expect.poll(() => checksErr(page)).toBeGreaterThan(err0);

    await byTestId(page, 'undo').click();
    await page.locator(attr('data-sheet-tab', 'B_Target')).waitFor();
    await waitReady(page);
    expect(await cellValue(page, 'E_Bonus!C5')).toBe(bonus);
    await expect.poll(() => checksErr(page)).toBe(err0);
    expect(await refErrors(page, others)).toEqual(refs0);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('after an insert above them, a driver moves the same input and a chart and a KPI card read the same cells', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await openSheet(page, 'B_Target');
    const chartSummary = () => page.locator(`${attr('data-chart', 'B_Target.forecasts')} .chart-body > svg`).first().getAttribute('aria-label');
    await expect.poll(chartSummary).toMatch(/\d/);
    const summary0 = await chartSummary();
    const quotas = await page.locator(attr('data-kpi', 'B_Target!J109')).first().getAttribute('data-value');

    await rowMenu(page, 'B_Target', 10, 'insert-rows-above');
    await waitReady(page);
    // The chart's ranges moved with their cells: it draws exactly what it drew.
    await expect.poll(chartSummary).toBe(summary0);
    expect(await page.locator(attr('data-kpi', 'B_Target!J109')).count()).toBe(0);
    expect(await page.locator(attr('data-kpi', 'B_Target!J110')).first().getAttribute('data-value')).toBe(quotas);

    // The judgement-growth driver (was B_Target!C43) is the input where it is now, C44.
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const target = Number(await page.locator(attr('data-kpi', 'TARGET_TOTAL')).first().getAttribute('data-value'));
    const driver = page.locator(attr('data-driver', 'B_Target!C44')).first();
    await driver.waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    expect(await page.locator(attr('data-driver', 'B_Target!C43')).count()).toBe(0);
    await driver.evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = '0.2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // 12% → 20% on P1 raises the target by 240 (= 0.3 × 10000 × 0.08), as it does without the insert.
    await page.waitForFunction(
      ([sel, want]) => Math.abs(Number(document.querySelector(sel)?.getAttribute('data-value')) - want) < 1e-6,
      [attr('data-kpi', 'TARGET_TOTAL'), target + 240] as const,
      { timeout: STATE_TIMEOUT_MS, polling: 'raf' },
    );
    await page.keyboard.press('Escape');
    await byTestId(page, 'presenter').waitFor({ state: 'detached' });
    expect(await cellValue(page, 'B_Target!C44')).toBe('0.2');
    expect(await cellValue(page, 'B_Target!C43')).toBe('');
    expectNoPageErrors(errors);
    await context.close();
  });
});
