/**
 * The first story: a consultant opens Opsbook, starts a blank notebook, types a number and a
 * formula, sees the result, reloads the page and finds the notebook exactly as it was — and the
 * page never talked to anything but itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellValue,
  enterInCell,
  expectGallery,
  expectNoPageErrors,
  expectOnlyOwnOrigin,
  formulaBarText,
  launchBrowser,
  newNotebookFromGallery,
  openApp,
  reloadApp,
  selectCell,
  waitForCellValue,
  waitSaved,
} from './harness';
import type { Browser } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a blank notebook', () => {
  it('computes a formula, keeps it across a reload, and never leaves its own origin', async () => {
    const app = await openApp(browser);
    const { page } = app;

    await expectGallery(page);
    await newNotebookFromGallery(page, 'blank');

    await enterInCell(page, 'Sheet1!A1', '2');
    await enterInCell(page, 'Sheet1!B1', '=A1*21');
    await waitForCellValue(page, 'Sheet1!B1', '42');
    expect(await cellValue(page, 'Sheet1!A1')).toBe('2');

    await waitSaved(page);
    const address = page.url();
    expect(address, 'an open notebook has its own address').not.toBe(app.baseUrl);

    await reloadApp(page);
    expect(page.url()).toBe(address);
    expect(await cellValue(page, 'Sheet1!A1')).toBe('2');
    expect(await cellValue(page, 'Sheet1!B1')).toBe('42');
    await selectCell(page, 'Sheet1!B1');
    expect(await formulaBarText(page)).toBe('=A1*21');

    expectNoPageErrors(app.errors);
    expectOnlyOwnOrigin(app);
    await app.context.close();
  });
});
