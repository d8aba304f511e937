/**
 * The workshop, as a consultant runs it: open the annual plan, present it, move drivers and watch
 * the KPIs answer in the presenter and in the projector window, switch scenarios and come back to
 * exactly the same numbers, hide names for the room, and keep a decision log.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cell, cellValue, expectNoPageErrors, launchBrowser, newNotebookFromGallery, nextFrame, openApp, openSheet,
  STATE_TIMEOUT_MS, waitReady, watchPage,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const FULL_HD = { width: 1920, height: 1080 };
const near = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

// ---------------------------------------------------------------------------------------------
// The words of these stories

const kpi = (page: Page, id: string) => page.locator(attr('data-kpi', id)).first();
const driver = (page: Page, name: string) => page.locator(attr('data-driver', name)).first();

async function kpiValue(page: Page, id: string): Promise<number> {
  return Number(await kpi(page, id).getAttribute('data-value'));
}

/** Waits until a KPI card shows `want` (within a relative tolerance). */
async function waitForKpi(page: Page, id: string, want: number, tol = 1e-9): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, w, t]) => {
        const v = Number(document.querySelector(sel)?.getAttribute('data-value'));
        return Math.abs(v - w) <= t * Math.max(1, Math.abs(w));
      },
      [attr('data-kpi', id), want, tol] as const,
      { timeout: STATE_TIMEOUT_MS, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(`KPI ${id} never showed ${want}; it shows ${await kpi(page, id).getAttribute('data-value', { timeout: 1000 }).catch(() => '(none)')}`, { cause: e });
  }
}

/** Moves a driver the way a slider does: set the input's value, fire input (the drag) and change (the release). */
async function setDriver(page: Page, name: string, value: number, drag: number[] = []): Promise<void> {
  await driver(page, name).evaluate((el, [v, steps]) => {
    const input = el as HTMLInputElement;
    for (const s of steps as number[]) {
      input.value = String(s);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [value, drag] as const);
}

async function present(page: Page): Promise<void> {
  await byTestId(page, 'present').click();
  await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
}

async function openProjector(page: Page, errors: string[]): Promise<Page> {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), byTestId(page, 'projector-window').click()]);
  watchPage(popup, errors);
  await popup.waitForLoadState('load');
  await popup.locator(attr('data-kpi', 'TARGET_TOTAL')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
  await waitReady(popup); // the projector window runs its own engine and says when it is current
  return popup;
}

async function currentSlide(page: Page): Promise<string | null> {
  return page.locator('[data-slide]').first().getAttribute('data-slide');
}

async function waitForSlide(page: Page, id: string): Promise<void> {
  await page.locator(`${attr('data-slide', id)}`).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
}

async function addPresetScenarios(page: Page): Promise<void> {
  await byTestId(page, 'scenarios-panel').click();
  await byTestId(page, 'scenario-presets').click();
  await page.locator(`${attr('data-testid', 'scenario-select')} option[value="upside"]`).waitFor({ state: 'attached' });
}

const TARGET = 21211.408;

// ---------------------------------------------------------------------------------------------

describe('presenter and projector window', () => {
  it('a driver moved in the presenter updates the KPIs there and in the projector window; it is logged, noted and undoable', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await present(page);
    expect(await currentSlide(page)).toBe('overview');
    const target = await kpiValue(page, 'TARGET_TOTAL');
    expect(near(target, TARGET)).toBe(true);

    const projector = await openProjector(page, errors);
    await waitForKpi(projector, 'TARGET_TOTAL', target, 0);

    // Judgement growth P1 12% → 20%, dragged through a few values: the target rises by 240 (= 0.3 × 10000 × 0.08).
    await setDriver(page, 'B_Target!C43', 0.2, [0.13, 0.15, 0.17, 0.19]);
    await waitForKpi(page, 'TARGET_TOTAL', target + 240, 1e-9);
    await waitForKpi(projector, 'TARGET_TOTAL', target + 240, 1e-9);
    expect(near(await kpiValue(page, 'BONUS_BUDGET'), (target + 240) * 0.015)).toBe(true);
    expect(await page.locator(attr('data-driver-value', 'B_Target!C43')).first().textContent()).toMatch(/20(\.0)?%/);
    // the projector's slider follows, read-only
    await projector.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '0.2', attr('data-driver', 'B_Target!C43'));
    expect(await driver(projector, 'B_Target!C43').isDisabled()).toBe(true);

    // A named driver: PO_THRESHOLD on the bonus slide (key 6), seen in the projector too.
    await page.keyboard.press('6');
    await waitForSlide(page, 'E_Bonus');
    await waitForSlide(projector, 'E_Bonus');
    const payout = await kpiValue(page, 'E_Bonus!C48');
    await setDriver(page, 'PO_THRESHOLD', 0.9);
    await page.waitForFunction(([sel, before]) => Number(document.querySelector(sel)?.getAttribute('data-value')) !== before, [attr('data-kpi', 'E_Bonus!C48'), payout] as const, { polling: 'raf' });
    const after = await kpiValue(page, 'E_Bonus!C48');
    await waitForKpi(projector, 'E_Bonus!C48', after, 1e-12);

    // The log has both moves, one entry per drag; N adds a note in one keystroke.
    await page.keyboard.press('n');
    await byTestId(page, 'decision-note').fill('Room: hold the threshold at 90%');
    await byTestId(page, 'decision-note').press('Enter');
    await byTestId(page, 'decision-log-toggle').click();
    const log = byTestId(page, 'decision-log');
    await expect.poll(() => log.locator('li[data-decision]').count()).toBe(2);
    const entry = log.locator(attr('data-target', 'E_Bonus!C6')).first();
    expect(await entry.textContent()).toMatch(/80(\.0)?%\s*→\s*90(\.0)?%/);
    expect(await entry.textContent()).toContain('Room: hold the threshold at 90%');
    expect(await log.locator(attr('data-target', 'B_Target!C43')).first().textContent()).toMatch(/12(\.0)?%\s*→\s*20(\.0)?%/);

    // Undo takes the whole drag back in one step; the log keeps the entry, marked undone.
    await page.keyboard.press('Escape'); // closes the log drawer, not the presenter
    await page.keyboard.press('Control+z'); // the threshold drag, with its note
    await waitForKpi(page, 'E_Bonus!C48', payout, 1e-12);
    await waitForKpi(projector, 'E_Bonus!C48', payout, 1e-12);
    await page.keyboard.press('Control+z'); // the judgement-growth drag
    await page.keyboard.press('1');
    await waitForKpi(page, 'TARGET_TOTAL', target, 0);
    await waitForKpi(projector, 'TARGET_TOTAL', target, 0);
    await byTestId(page, 'decision-log-toggle').click();
    await expect.poll(() => log.locator('li.undone').count()).toBe(2);

    // Esc leaves the presenter; the editor shows the same numbers.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await byTestId(page, 'presenter').waitFor({ state: 'detached' });
    await waitReady(page);
    expect(near(Number(await cellValue(page, 'B_Target!G45')), TARGET)).toBe(true);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('slides move with ←/→ and number keys in both windows, the language switches live, and a 1920×1080 screenshot is taken', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await present(page);
    const projector = await openProjector(page, errors);
    await page.keyboard.press('ArrowRight');
    await waitForSlide(page, 'A_Market');
    await waitForSlide(projector, 'A_Market');
    await page.keyboard.press('ArrowLeft');
    await waitForSlide(projector, 'overview');
    // the projector can move the slides too
    await projector.keyboard.press('3');
    await waitForSlide(page, 'B_Target');

    await setDriver(page, 'W_QUANT', 0.8);
    await page.waitForFunction((sel) => /since start|较开始时/.test(document.querySelector(sel)?.textContent ?? ''), attr('data-kpi', 'TARGET_TOTAL'), { polling: 'raf' });
    const before = await kpiValue(page, 'TARGET_TOTAL');
    await byTestId(page, 'present-language').click();
    const title = await page.locator('.pr-title h1').textContent();
    await byTestId(page, 'present-language').click();
    expect(await page.locator('.pr-title h1').textContent()).not.toBe(title);
    await projector.waitForFunction((t) => document.querySelector('.pr-title h1')?.textContent !== t, title);
    expect(await kpiValue(page, 'TARGET_TOTAL')).toBe(before);
    expect(Number(await driver(page, 'W_QUANT').inputValue())).toBe(0.8);

    mkdirSync('test-results', { recursive: true });
    await nextFrame(page);
    await page.screenshot({ path: 'test-results/presenter-1920x1080.png' });
    await projector.setViewportSize(FULL_HD);
    await projector.keyboard.press('6');
    await waitForSlide(page, 'E_Bonus');
    await nextFrame(page);
    await page.screenshot({ path: 'test-results/presenter-bonus-1920x1080.png' });
    expectNoPageErrors(errors);
    await context.close();
  });

  it('the privacy mask hides rep names and individual pay in both windows, and keeps the totals', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await present(page);
    const projector = await openProjector(page, errors);
    await page.keyboard.press('6');
    await waitForSlide(projector, 'E_Bonus');
    const table = (p: Page) => p.locator(attr('data-testid', 'people-table')).first();
    expect(await table(page).textContent()).toContain('E01');
    const total = await table(page).locator('tfoot [data-total="O"]').textContent();

    await byTestId(page, 'privacy-toggle').click();
    for (const p of [page, projector]) {
      await p.waitForFunction((sel) => {
        const names = [...document.querySelectorAll(`${sel} [data-person="name"]`)].map((e) => e.textContent ?? '');
        return names.length === 12 && names.every((n) => !/[ESNW]0[1-3]/.test(n));
      }, attr('data-testid', 'people-table'));
      expect(await table(p).textContent()).not.toMatch(/[ESNW]0[1-3]/);
      expect(await table(p).locator('[data-person="pay"]').first().textContent()).toBe('•••');
      expect(await table(p).locator('tfoot [data-total="O"]').textContent()).toBe(total);
    }
    // the rep-quota bars of the target slide hide names too
    await page.keyboard.press('3');
    await waitForSlide(page, 'B_Target');
    expect(await page.locator('.bars .bar-label').allTextContents()).not.toContain('E01');
    await page.keyboard.press('p');
    await page.waitForFunction(() => [...document.querySelectorAll('.bars .bar-label')].some((e) => e.textContent === 'E01'));
    expectNoPageErrors(errors);
    await context.close();
  });

  it('closing either window leaves the other working', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await present(page);
    let projector = await openProjector(page, errors);
    await projector.close();
    await setDriver(page, 'W_QUANT', 0.6);
    const moved = await kpiValue(page, 'TARGET_TOTAL');
    await page.waitForFunction(([sel, t]) => Number(document.querySelector(sel)?.getAttribute('data-value')) !== t, [attr('data-kpi', 'TARGET_TOTAL'), TARGET] as const);
    expect(moved).not.toBe(TARGET);

    // A new projector window picks up the current numbers; then the editor goes away.
    projector = await openProjector(page, errors);
    const now = await kpiValue(page, 'TARGET_TOTAL');
    await waitForKpi(projector, 'TARGET_TOTAL', now, 1e-12);
    await page.close();
    await projector.keyboard.press('ArrowRight');
    await waitForSlide(projector, 'A_Market');
    await projector.keyboard.press('1');
    await waitForSlide(projector, 'overview');
    expect(await kpiValue(projector, 'TARGET_TOTAL')).toBe(now);
    expectNoPageErrors(errors);
    await context.close();
  });
});

describe('scenarios', () => {
  it('switch to upside and downside and back to base: values return exactly; the grid marks overridden inputs; compare shows deltas', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    const refs = ['B_Target!G45', 'C_Ansoff!C4', 'D_Expense!C41', 'E_Bonus!C5', 'E_Bonus!C48'];
    const read = async () => {
      const out: string[] = [];
      for (const r of refs) {
        await openSheet(page, r.split('!')[0]);
        out.push(await cellValue(page, r));
      }
      return out;
    };
    const base = await read();
    await addPresetScenarios(page);

    await byTestId(page, 'scenario-select').selectOption('upside');
    await waitReady(page);
    await openSheet(page, 'B_Target');
    expect(Number(await cellValue(page, 'B_Target!C43'))).toBeCloseTo(0.17, 12);
    expect(await cell(page, 'B_Target!C43').getAttribute('class')).toMatch(/scenario-override/);
    expect(await cell(page, 'B_Target!C44').getAttribute('class')).not.toMatch(/scenario-override/);
    expect(Number(await cellValue(page, 'B_Target!G45'))).toBeGreaterThan(Number(base[0]));

    await byTestId(page, 'scenario-select').selectOption('downside');
    await waitReady(page);
    expect(Number(await cellValue(page, 'B_Target!G45'))).toBeLessThan(Number(base[0]));

    await byTestId(page, 'scenario-select').selectOption('base');
    await waitReady(page);
    expect(await cell(page, 'B_Target!C43').getAttribute('class')).not.toMatch(/scenario-override/);
    expect(await read()).toEqual(base);

    // Compare side by side: the target per scenario, with the upside above base and the downside below.
    await byTestId(page, 'scenario-compare').click();
    const row = page.locator(`${attr('data-testid', 'scenario-compare-table')} ${attr('data-compare-key', 'B_Target!G45')}`);
    await row.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const valueIn = async (id: string) => Number(await row.locator(attr('data-scenario', id)).getAttribute('data-value'));
    expect(await valueIn('base')).toBe(Number(base[0]));
    expect(await valueIn('upside')).toBeGreaterThan(Number(base[0]));
    expect(await valueIn('downside')).toBeLessThan(Number(base[0]));
    expect(await row.locator(`${attr('data-scenario', 'upside')} .delta`).textContent()).toMatch(/^\+/);

    // In the presenter: the chips switch scenarios, the switch is logged, and base brings the KPI back exactly.
    await present(page);
    const baseTarget = await kpiValue(page, 'TARGET_TOTAL');
    await page.locator('.scenario-chips [data-scenario="upside"]').click();
    await page.waitForFunction(([sel, b]) => Number(document.querySelector(sel)?.getAttribute('data-value')) > b, [attr('data-kpi', 'TARGET_TOTAL'), baseTarget] as const, { polling: 'raf' });
    await page.locator('.scenario-chips [data-scenario="base"]').click();
    await waitForKpi(page, 'TARGET_TOTAL', baseTarget, 0);
    await byTestId(page, 'decision-log-toggle').click();
    await expect.poll(() => page.locator(`${attr('data-testid', 'decision-log')} li[data-decision]`).count()).toBe(2);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('a driver moved while upside is shown changes upside only, and the decision log exports as CSV', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: FULL_HD });
    await newNotebookFromGallery(page, 'annual-plan');
    await addPresetScenarios(page);
    await byTestId(page, 'scenario-select').selectOption('upside');
    await waitReady(page);
    await present(page);
    await page.keyboard.press('6');
    await setDriver(page, 'PO_CAP', 2.5);
    await page.waitForFunction((sel) => document.querySelector(sel)?.closest('.driver')?.classList.contains('overridden'), attr('data-driver', 'PO_CAP'));
    await page.locator('.scenario-chips [data-scenario="base"]').click();
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '2', attr('data-driver', 'PO_CAP'));
    await page.locator('.scenario-chips [data-scenario="upside"]').click();
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '2.5', attr('data-driver', 'PO_CAP'));

    await byTestId(page, 'decision-log-toggle').click();
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'decision-export').click()]);
    expect(download.suggestedFilename()).toMatch(/decisions\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('time,kind,target,driver,scenario,old,new,note,undone');
    // values in the cell's number format (0.0%)
    expect(lines.some((l) => l.includes('E_Bonus!C10,PO_CAP,Upside,200.0%,250.0%'))).toBe(true);
    expect(lines.filter((l) => /^[^,]+,scenario,/.test(l)).length).toBe(2);
    expectNoPageErrors(errors);
    await context.close();
  });
});
