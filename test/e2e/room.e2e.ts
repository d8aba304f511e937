/**
 * Nothing may embarrass the consultant in the room: the projector never shows more than the
 * presenter, a jump to a cell always lands on a visible cell, a what-if run always lets go of its
 * panel, the page never leaves the notebook on a swipe, 中文 leaves nothing in English, and an
 * input cell refuses what it cannot hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, STATE_TIMEOUT_MS, waitReady, watchPage,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const FULL_HD = { width: 1920, height: 1080 };

async function present(page: Page): Promise<void> {
  await byTestId(page, 'present').click();
  await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
}


describe('the projector starts from the presenter', () => {
  it('a projector opened with the mask on never shows a rep name or pay, on the presenter\'s slide', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await present(page);
    await page.keyboard.press('6');
    await page.locator(attr('data-slide', 'E_Bonus')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await byTestId(page, 'privacy-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="privacy-toggle"]')?.getAttribute('aria-pressed') === 'true');

    // Watch every frame the projector draws from its first script on: no rep id may ever appear.
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      byTestId(page, 'projector-window').click(),
    ]);
    watchPage(popup, errors);
    await popup.addInitScript(() => {
      const w = window as unknown as { leaks: string[] };
      w.leaks = [];
      const look = () => {
        // Rep ids (E01 … W03) and individual pay are what the mask hides.
        const names = [...document.querySelectorAll('[data-person="name"], .bar-label')].map((e) => e.textContent ?? '').join(' ');
        const pay = [...document.querySelectorAll('[data-person="pay"]')].map((e) => e.textContent ?? '').filter((x) => x && x !== '•••');
        const m = names.match(/[ESNW]0[1-3]/) ?? (pay.length ? [`pay ${pay[0]}`] : null);
        if (m) w.leaks.push(m[0]);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await popup.reload({ waitUntil: 'load' }); // the init script runs from the first frame of this load
    await popup.locator(attr('data-testid', 'people-table')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await waitReady(popup);
    expect(await popup.locator('[data-slide]').first().getAttribute('data-slide')).toBe('E_Bonus');
    const table = popup.locator(attr('data-testid', 'people-table')).first();
    expect(await table.textContent()).not.toMatch(/[ESNW]0[1-3]/);
    expect(await table.locator('[data-person="pay"]').first().textContent()).toBe('•••');
    expect(await popup.evaluate(() => (window as unknown as { leaks: string[] }).leaks)).toEqual([]);
    // and the presenter still has the mask on (the projector's start did not switch it off)
    expect(await byTestId(page, 'privacy-toggle').getAttribute('aria-pressed')).toBe('true');
    expectNoPageErrors(errors);
    await context.close();
  });
});
