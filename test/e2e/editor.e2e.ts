/**
 * The editor, as a user works in it: typing values and formulas, Excel's keys, undo/redo,
 * pasting a block from a spreadsheet, the name box, formula errors explained, sheet tabs,
 * number formats — and everything still there after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import {
  byTestId, cell, cellText, cellValue, enterInCell, expectNoPageErrors, formulaBar, formulaBarText, launchBrowser,
  newNotebookFromGallery, openApp, reloadApp, selectCell, sheetTab, waitForCellValue, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function blankNotebook() {
  const app = await openApp(browser);
  await newNotebookFromGallery(app.page, 'blank');
  return app;
}

describe('editing a blank notebook', () => {
  it('recalculates dependents, keeps typed text as text, and survives a reload', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!A1', '1,200');
    await enterInCell(page, 'Sheet1!A2', '15%');
    await enterInCell(page, 'Sheet1!A3', '=A1*(1+A2)');
    await enterInCell(page, 'Sheet1!A4', "'007");
    expect(await cellValue(page, 'Sheet1!A3')).toBe('1380');
    expect(await cellText(page, 'Sheet1!A2')).toBe('15%');
    expect(await cellValue(page, 'Sheet1!A4')).toBe('007');
    await enterInCell(page, 'Sheet1!A1', '2000');
    await waitForCellValue(page, 'Sheet1!A3', '2300');
    await waitSaved(page);
    await reloadApp(page);
    expect(await cellValue(page, 'Sheet1!A3')).toBe('2300');
    await selectCell(page, 'Sheet1!A3');
    expect(await formulaBarText(page)).toBe('=A1*(1+A2)');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('follows Excel keys: typing, Enter, Tab, arrows, F2, Esc, Delete, Ctrl+arrow and Shift', async () => {
    const { page, errors, context } = await blankNotebook();
    await selectCell(page, 'Sheet1!B2');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!B2')).toBe('10');
    expect(await cellValue(page, 'Sheet1!C2')).toBe('20');
    expect(await byTestId(page, 'name-box').inputValue()).toBe('C3');
    // arrows in "enter mode" commit and move
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('=B2+C2');
    await page.keyboard.press('ArrowDown');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!B3')).toBe('30');
    // F2 edits the existing content; Esc abandons the edit
    await selectCell(page, 'Sheet1!B3');
    await page.keyboard.press('F2');
    await page.keyboard.type('*2');
    await page.keyboard.press('Escape');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!B3')).toBe('30');
    await page.keyboard.press('F2');
    await page.keyboard.type('*2');
    await page.keyboard.press('Enter');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!B3')).toBe('50'); // =B2+C2*2
    // Ctrl+arrow jumps to the edge of the data, Shift extends the selection
    await selectCell(page, 'Sheet1!B2');
    await page.keyboard.press('Control+ArrowRight');
    expect(await byTestId(page, 'name-box').inputValue()).toBe('C2');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await byTestId(page, 'name-box').getAttribute('data-range')).toBe('B2:C2');
    await page.keyboard.press('Delete');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!B2')).toBe('');
    expect(await cellValue(page, 'Sheet1!B3')).toBe('0');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('fills down and right with Ctrl+D and Ctrl+R, shifting relative references', async () => {
    const { page, errors, context } = await blankNotebook();
    for (const [ref, v] of [['A1', '1'], ['A2', '2'], ['A3', '3'], ['B1', '=A1*10']] as const) await enterInCell(page, `Sheet1!${ref}`, v);
    await selectCell(page, 'B1:B3');
    await page.keyboard.press('Control+d');
    await waitForCellValue(page, 'Sheet1!B3', '30');
    await selectCell(page, 'Sheet1!B3');
    expect(await formulaBarText(page)).toBe('=A3*10');
    await selectCell(page, 'B1:C1');
    await page.keyboard.press('Control+r');
    await waitForCellValue(page, 'Sheet1!C1', '100');
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'Sheet1!C1', '');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('fits a column to its widest text on a double-click of its edge, and remembers the width', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!C2', 'A rather long label for the growth driver');
    const header = page.locator('.col-header', { hasText: /^C$/ }).first();
    const before = (await header.boundingBox())!.width;
    await header.locator('.col-resize').dblclick();
    await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 100);
    await waitSaved(page);
    await reloadApp(page);
    expect((await page.locator('.col-header', { hasText: /^C$/ }).first().boundingBox())!.width).toBeGreaterThan(before + 100);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('undoes and redoes every edit with Ctrl+Z and Ctrl+Y', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!A1', '5');
    await enterInCell(page, 'Sheet1!B1', '=A1*3');
    await enterInCell(page, 'Sheet1!A1', '7');
    expect(await cellValue(page, 'Sheet1!B1')).toBe('21');
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'Sheet1!B1', '15');
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'Sheet1!B1', '');
    await page.keyboard.press('Control+y');
    await waitForCellValue(page, 'Sheet1!B1', '15');
    await page.keyboard.press('Control+Shift+z');
    await waitForCellValue(page, 'Sheet1!B1', '21');
    await waitSaved(page);
    await reloadApp(page);
    expect(await cellValue(page, 'Sheet1!B1')).toBe('21');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('pastes a block copied from Excel, and copies formulas with relative references shifted', async () => {
    const { page, errors, context } = await blankNotebook();
    await selectCell(page, 'Sheet1!A1');
    const excelText = 'Region\tQ1\tQ2\r\nEast\t1,200\t1300\r\n"West, ""new"""\t800\t15%\r\n';
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.querySelector('[data-testid="grid"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, excelText);
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!A3')).toBe('West, "new"');
    expect(await cellValue(page, 'Sheet1!B2')).toBe('1200');
    expect(await cellValue(page, 'Sheet1!C3')).toBe('0.15');
    expect(await byTestId(page, 'name-box').getAttribute('data-range')).toBe('A1:C3');
    // one undo step removes the whole paste
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'Sheet1!B2', '');
    await page.keyboard.press('Control+y');
    await waitForCellValue(page, 'Sheet1!B2', '1200');
    // copy D2 (=B2+C2) and paste into D3: the references follow, as in Excel
    await enterInCell(page, 'Sheet1!D2', '=B2+C2');
    await selectCell(page, 'Sheet1!D2');
    const copied = await page.evaluate(() => {
      const dt = new DataTransfer();
      document.querySelector('[data-testid="grid"]')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return dt.getData('text/plain');
    });
    expect(copied).toBe('2500');
    await selectCell(page, 'Sheet1!D3');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.querySelector('[data-testid="grid"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, copied);
    await waitReady(page);
    expect(await formulaBarText(page)).toBe('=B3+C3');
    expect(await cellValue(page, 'Sheet1!D3')).toBe('800.15');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('jumps to a far cell from the name box and scrolls it into view', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!AB950', '99');
    await selectCell(page, 'Sheet1!A1');
    await expect.poll(() => cell(page, 'Sheet1!AB950').count()).toBe(0);
    await selectCell(page, 'Sheet1!AB950');
    await expect(cell(page, 'Sheet1!AB950').isVisible()).resolves.toBe(true);
    expect(await cellValue(page, 'Sheet1!AB950')).toBe('99');
    // a bad address is refused with a message, and nothing moves
    await byTestId(page, 'name-box').fill('Nowhere!ZZZZ0');
    await byTestId(page, 'name-box').press('Enter');
    await expect.poll(() => byTestId(page, 'notice').textContent()).toMatch(/Nowhere|ZZZZ0/);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('shows formula errors in the cell and explains them; a bad formula keeps its text', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!A1', '=1/0');
    await enterInCell(page, 'Sheet1!A2', '=NOSUCHFUNCTION(1)');
    await enterInCell(page, 'Sheet1!A3', '=A3+1');
    await enterInCell(page, 'Sheet1!A4', '=SUM(A1:A2');
    await enterInCell(page, 'Sheet1!A5', '=Nope!A1');
    expect(await cellValue(page, 'Sheet1!A1')).toBe('#DIV/0!');
    expect(await cellValue(page, 'Sheet1!A2')).toBe('#NAME?');
    expect(await cellValue(page, 'Sheet1!A3')).toBe('#CYCLE!');
    expect(await cellValue(page, 'Sheet1!A4')).toBe('#ERROR!');
    expect(await cellValue(page, 'Sheet1!A5')).toBe('#REF!');
    await selectCell(page, 'Sheet1!A1');
    await expect.poll(() => byTestId(page, 'cell-error').textContent()).toMatch(/Division by zero/);
    await selectCell(page, 'Sheet1!A3');
    await expect.poll(() => byTestId(page, 'cell-error').textContent()).toMatch(/Circular reference/);
    await selectCell(page, 'Sheet1!A4');
    await expect.poll(() => byTestId(page, 'cell-error').textContent()).toMatch(/cannot be read/);
    expect(await formulaBarText(page)).toBe('=SUM(A1:A2');
    await formulaBar(page).fill('=SUM(A1:A2)');
    await formulaBar(page).press('Enter');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!A4')).toBe('#DIV/0!');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('adds, renames (rewriting references), reorders and deletes sheets, with undo', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!A1', '40');
    await page.locator('[data-testid="add-sheet"]').click();
    await sheetTab(page, 'Sheet2').waitFor();
    await enterInCell(page, 'Sheet2!B1', '=Sheet1!A1+2');
    expect(await cellValue(page, 'Sheet2!B1')).toBe('42');
    await sheetTab(page, 'Sheet1').dblclick();
    await page.locator('[data-testid="sheet-rename"]').fill('Inputs 2026');
    await page.locator('[data-testid="sheet-rename"]').press('Enter');
    await sheetTab(page, 'Inputs 2026').waitFor();
    await sheetTab(page, 'Sheet2').click();
    await selectCell(page, 'Sheet2!B1');
    expect(await formulaBarText(page)).toBe("='Inputs 2026'!A1+2");
    await enterInCell(page, 'Inputs 2026!A1', '50');
    await waitForCellValue(page, 'Sheet2!B1', '52');
    // delete asks first, saying that Sheet2!B1 reads it; undo brings the sheet back
    await sheetTab(page, 'Inputs 2026').click({ button: 'right' });
    await page.locator('[data-testid="sheet-menu-delete"]').click();
    expect(await page.locator('[data-testid="confirm-structure"]').textContent()).toContain('Sheet2!B1');
    await page.locator('[data-testid="confirm-ok"]').click();
    await expect.poll(() => sheetTab(page, 'Inputs 2026').count()).toBe(0);
    await waitForCellValue(page, 'Sheet2!B1', '#REF!');
    await page.locator('[data-testid="undo"]').click();
    await sheetTab(page, 'Inputs 2026').waitFor();
    await waitForCellValue(page, 'Sheet2!B1', '52');
    await waitSaved(page);
    await reloadApp(page);
    expect(await page.locator('[data-sheet-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet-tab')))).toEqual(['Inputs 2026', 'Sheet2']);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('formats a range (thousands, percent) and tells inputs, formulas and links apart', async () => {
    const { page, errors, context } = await blankNotebook();
    await enterInCell(page, 'Sheet1!A1', '1234567.891');
    await enterInCell(page, 'Sheet1!A2', '=A1/10000000');
    await selectCell(page, 'Sheet1!A1');
    await page.locator('[data-testid="format-select"]').selectOption('#,##0.00');
    await expect.poll(() => cellText(page, 'Sheet1!A1')).toBe('1,234,567.89');
    await selectCell(page, 'Sheet1!A2');
    await page.locator('[data-testid="format-select"]').selectOption('0.0%');
    await expect.poll(() => cellText(page, 'Sheet1!A2')).toBe('12.3%');
    await page.locator('[data-testid="add-sheet"]').click();
    await enterInCell(page, 'Sheet2!A1', '=Sheet1!A1');
    await sheetTab(page, 'Sheet1').click();
    expect(await cell(page, 'Sheet1!A1').getAttribute('class')).toMatch(/role-input/);
    expect(await cell(page, 'Sheet1!A2').getAttribute('class')).toMatch(/role-formula/);
    await sheetTab(page, 'Sheet2').click();
    expect(await cell(page, 'Sheet2!A1').getAttribute('class')).toMatch(/role-link/);
    expectNoPageErrors(errors);
    await context.close();
  });
});
