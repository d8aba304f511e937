/**
 * Workshop-grade: what a client sees must not embarrass the consultant. Scenarios follow the base
 * or say they are stale; stubs say what they stand for; the presenter reads on a projector; the
 * notebook view fits a laptop; what-if results speak the model's words; print keeps its colours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cellValue, enterInCell, expectNoPageErrors, launchBrowser, cellText, formulaBarText, newNotebookFromGallery, openApp, openSheet, selectCell, STATE_TIMEOUT_MS, waitReady,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const LAPTOP = { width: 1440, height: 900 };

async function showScenario(page: Page, id: string): Promise<void> {
  await byTestId(page, 'scenario-select').selectOption(id);
  await waitReady(page);
}

describe('item 3: scenarios follow the base or say they are stale', () => {
  it('upside/downside follow a moved base; a fixed scenario made before the move is marked in Compare and refreshed', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'scenarios-panel').click();
    await byTestId(page, 'scenario-presets').click();
    await page.locator(`${attr('data-testid', 'scenario-select')} option[value="downside"]`).waitFor({ state: 'attached' });
    const growth0 = Number(await cellValue(page, 'B_Target!C43'));

    // A scenario of fixed values, made at this base: judgement growth 2 points below it.
    await byTestId(page, 'scenario-new').click();
    await byTestId(page, 'dialog-input').fill('Fixed');
    await byTestId(page, 'dialog-input').press('Enter');
    await page.locator(`${attr('data-testid', 'scenario-select')} option:checked`).filter({ hasText: 'Fixed' }).waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await selectCell(page, 'B_Target!C43');
    await page.locator('.sc-list li.shown button', { hasText: 'Add the selected cell' }).click();
    await enterInCell(page, 'B_Target!C43', String(growth0 - 0.02));
    await showScenario(page, 'base');
    expect(Number(await cellValue(page, 'B_Target!C43'))).toBe(growth0);

    // The base moves a long way (as a goal seek does): judgement growth +30 points.
    await enterInCell(page, 'B_Target!C43', String(growth0 + 0.3));
    const baseTarget = Number(await cellValue(page, 'B_Target!G45'));
    await showScenario(page, 'downside');
    expect(Number(await cellValue(page, 'B_Target!C43'))).toBeCloseTo(growth0 + 0.3 - 0.05, 10);
    expect(Number(await cellValue(page, 'B_Target!G45'))).toBeLessThan(baseTarget);
    await showScenario(page, 'upside');
    expect(Number(await cellValue(page, 'B_Target!G45'))).toBeGreaterThan(baseTarget);
    await showScenario(page, 'base');

    // The panel says how each override is held: the presets are base + Δ.
    await page.locator(`[data-scenario-row="downside"] .sc-name`).click();
    const row = page.locator(`[data-scenario-row="downside"] tr[data-override-key="B_Target!C43"]`);
    expect(await row.getAttribute('data-mode')).toBe('add');
    expect(await row.locator(attr('data-testid', 'scenario-override-rule')).inputValue()).toBe('-0.05');

    // Compare marks the fixed scenario (its value predates the base change) and offers a refresh.
    await byTestId(page, 'scenario-compare').click();
    const stale = page.locator(attr('data-testid', 'scenario-stale'));
    await stale.first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await stale.count()).toBe(1);
    const fixedId = await stale.getAttribute('data-scenario');
    expect(fixedId).toMatch(/^sc/);
    expect(await page.locator(`${attr('data-testid', 'scenario-compare-table')} thead th[data-stale]`).count()).toBe(1);
    await stale.locator(attr('data-testid', 'scenario-refresh')).click();
    await stale.first().waitFor({ state: 'detached', timeout: STATE_TIMEOUT_MS });
    // Refreshed, it keeps its gap: 2 points below the new base.
    await showScenario(page, fixedId!);
    expect(Number(await cellValue(page, 'B_Target!C43'))).toBeCloseTo(growth0 + 0.3 - 0.02, 10);
    expect(Number(await cellValue(page, 'B_Target!G45'))).toBeLessThan(baseTarget);
    expectNoPageErrors(errors);
    await context.close();
  });
});

describe('item 6: link stubs say what they stand for; Add template asks before replacing typed values', () => {
  it('a stub shows its labels; typing into it and adding the template lists the value and asks', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP });
    await newNotebookFromGallery(page, 'market-model');
    await openSheet(page, 'B_Target');
    expect(await cellText(page, 'B_Target!B36')).toBe('FY2025 total R0');
    expect(await cellText(page, 'B_Target!A1')).toContain('单位：万元');
    await enterInCell(page, 'B_Target!C36', '11000');

    const addSixStep = async () => {
      await byTestId(page, 'add-template').click();
      await page.locator(attr('data-insert-template', 'six-step-targets')).click();
    };
    await addSixStep();
    const ask = byTestId(page, 'confirm-template');
    await ask.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const lines = await ask.locator('li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('B_Target!C36');
    expect(lines[0]).toContain('FY2025 total R0 (万元)');
    expect(lines[0]).toContain('11000');
    // Cancel: nothing changes, the typed value stays.
    await byTestId(page, 'dialog-cancel').click();
    await waitReady(page);
    expect(await cellValue(page, 'B_Target!C36')).toBe('11000');
    expect(await page.locator('[data-sheet-tab="B_Target"].stub').count()).toBe(1);

    await addSixStep();
    await byTestId(page, 'confirm-template-ok').click();
    await waitReady(page);
    await openSheet(page, 'B_Target');
    await selectCell(page, 'B_Target!C36');
    expect(await formulaBarText(page)).toBe('=SUM(C32:C35)');
    expect(await page.locator('[data-sheet-tab="B_Target"].stub').count()).toBe(0);
    expectNoPageErrors(errors);
    await context.close();
  });
});
