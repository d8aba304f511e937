/** Print / PDF: every sheet on its own pages, values formatted as on screen. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import { byTestId, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('print', () => {
  it('lays the annual plan out as pages, one sheet after another', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'print').click();
    await byTestId(page, 'print-view').waitFor();
    await waitReady(page);
    expect(await page.locator('[data-print-sheet]').evaluateAll((els) => els.map((e) => e.getAttribute('data-print-sheet'))))
      .toEqual(['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']);
    const market = page.locator('[data-print-sheet="A_Market"] table');
    await expect.poll(() => market.textContent()).toContain('21,475.00');
    // each sheet's charts are printed with it, drawn from the values
    await expect.poll(() => page.locator('[data-print-sheet="E_Bonus"] [data-chart] svg').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'print' });
    expect(await byTestId(page, 'print-now').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5);
    expectNoPageErrors(errors);
    await context.close();
  });
});
