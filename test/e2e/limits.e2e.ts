/**
 * One formula cannot stop the notebook: a 1,000-term sum (3,000 characters, inside Excel's limit)
 * computes or is isolated as #ERROR! while the rest computes, with `ready` only over computed
 * values, and the notebook reopens; a formula beyond Excel's 8,192 characters is refused with a
 * message and the typed text kept in the formula bar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import { byTestId, cellValue, enterInCell, expectNoPageErrors, formulaBar, launchBrowser, newNotebookFromGallery, openApp, reloadApp, selectCell, waitForCellValue, waitReady, waitSaved } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('formula limits', () => {
  it('a huge formula neither stops the notebook nor survives a reload as a broken one', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'blank');
    await enterInCell(page, 'Sheet1!A1', '1');
    await enterInCell(page, 'Sheet1!C1', '=A1*5');
    const huge = `=${Array(1000).fill('A1').join('+')}`;
    await enterInCell(page, 'Sheet1!B1', huge);
    const b1 = await cellValue(page, 'Sheet1!B1');
    expect(['1000', '#ERROR!']).toContain(b1);
    await enterInCell(page, 'Sheet1!A1', '2');
    await waitForCellValue(page, 'Sheet1!C1', '10');
    expect(await byTestId(page, 'engine-status').textContent()).toBe('ready');
    await waitSaved(page);
    await reloadApp(page);
    await waitForCellValue(page, 'Sheet1!C1', '10');
    expect(['2000', '#ERROR!']).toContain(await cellValue(page, 'Sheet1!B1'));
    // No engine restart was needed at any point.
    expect((await byTestId(page, 'notice').count()) ? await byTestId(page, 'notice').textContent() : '').not.toMatch(/restarted|could not/);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('refuses a formula longer than Excel allows, saying so, and keeps what was typed', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'blank');
    const tooLong = `=${'1+'.repeat(4096)}1`;
    await selectCell(page, 'Sheet1!A2');
    await formulaBar(page).fill(tooLong);
    await formulaBar(page).press('Enter');
    await expect.poll(() => byTestId(page, 'notice').textContent()).toMatch(/8,192/);
    expect(await formulaBar(page).inputValue()).toBe(tooLong);
    await formulaBar(page).press('Escape');
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!A2')).toBe('');
    expectNoPageErrors(errors);
    await context.close();
  });
});
