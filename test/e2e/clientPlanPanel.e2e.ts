/**
 * A client plan in the browser, opened from a file: the plan the generators build for 5
 * regions, 3 lines (one new) and 12 reps, with the history the sample company's sheets start from. The Structure
 * panel shows its lists, adds a region and a rep in one undo step keeping a typed input, asks
 * before removing a rep; the presenter's E_Bonus slide has the plan's drivers at the generated
 * cells and moving one changes its KPI; the notebook view shows the generated payout chart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeOpsbook } from '../../src/model/fileFormat';
import { generatePlan } from '../../templates/generators/plan';
import { inputCells } from '../../templates/generators/planInputs';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import type { Browser, Page } from './harness';
import { attr, byTestId, cell, enterInCell, expectNoPageErrors, importFile, launchBrowser, openApp, openSheet, selectCell, STATE_TIMEOUT_MS, waitReady } from './harness';

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'opsbook-clientplan-'));
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const SHAPE: ClientShape = {
  ...SAMPLE_SHAPE,
  client: 'Acme Health',
  language: 'en',
  products: [{ name: 'Alpha', isNew: false }, { name: 'Beta', isNew: false }, { name: 'Gamma', isNew: true }],
  regions: REGIONS,
  reps: Array.from({ length: 12 }, (_x, i) => ({ name: `R${String(i + 1).padStart(2, '0')}`, region: REGIONS[i % 5], level: i < 5 ? '高级代表 Senior Rep' : '代表 Rep' })),
  history: REGIONS.map((_r, i) => [1000 + 100 * i, 400 + 50 * i]),
  potential: REGIONS.map((_r, i) => [8000 + 500 * i, 4000 + 200 * i]),
  accounts: undefined,
};

const list = (page: Page, name: string) => page.locator(`[data-testid="structure-panel"] [data-list="${name}"]`);
/** A cell's computed value, after going to it with the name box (the grid renders what is in view). */
async function valueAt(page: Page, ref: string): Promise<string | null> {
  await selectCell(page, ref);
  return cell(page, ref).getAttribute('data-value');
}

describe('a generated client plan in the browser', () => {
  it('Structure panel: add a region and a rep in one undo step keeping a typed input; removal asks; presenter drivers and the payout chart', async () => {
    const nb = generatePlan(SHAPE);
    const file = join(work, 'acme.opsbook.json');
    writeFileSync(file, serializeOpsbook(nb));
    const { page, errors } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await importFile(page, file);

    // A typed input: R02's attainment in E_Bonus, found by its name.
    const attain = inputCells(SHAPE).get('E_Bonus|R02|attainment')!;
    await openSheet(page, 'E_Bonus');
    await enterInCell(page, `E_Bonus!${attain.addr}`, '1.1');

    await byTestId(page, 'structure-panel-toggle').click();
    await byTestId(page, 'structure-panel').waitFor({ state: 'visible' });
    expect(await list(page, 'regions').inputValue()).toBe(REGIONS.join('\n'));
    expect(await list(page, 'products').inputValue()).toBe('Alpha\nBeta\nGamma\tnew');
    const reps = await list(page, 'reps').inputValue();
    expect(reps.split('\n')).toHaveLength(12);

    // A bad roster line is refused with its line, nothing changes.
    await list(page, 'reps').fill(`${reps}\nX1\tMars\t代表 Rep`);
    await byTestId(page, 'structure-apply').click();
    await page.locator('[data-field-errors="reps"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-field-errors="reps"]').textContent()).toMatch(/13.*Mars/);

    // Northeast with its rep, in front of the roster: the plan regrows, R02's attainment follows R02.
    await list(page, 'regions').fill([...REGIONS, 'Northeast'].join('\n'));
    await list(page, 'reps').fill(`NE01\tNortheast\t代表 Rep\n${reps}`);
    await byTestId(page, 'structure-apply').click();
    await byTestId(page, 'structure-status').waitFor({ state: 'visible' });
    await waitReady(page);
    const grown: ClientShape = { ...SHAPE, regions: [...REGIONS, 'Northeast'], reps: [{ name: 'NE01', region: 'Northeast', level: '代表 Rep' }, ...SHAPE.reps] };
    const moved = inputCells(grown).get('E_Bonus|R02|attainment')!;
    expect(moved.addr).not.toBe(attain.addr);
    await openSheet(page, 'E_Bonus');
    await page.locator(`${attr('data-cell', `E_Bonus!${moved.addr}`)}[data-value="1.1"]`).waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    expect(await page.locator(`[data-cell^="E_Bonus!"][data-value="NE01"]`).count()).toBeGreaterThan(0);
    // C_Ansoff has a market-development initiative for the new region.
    const label = inputCells(grown).get('C_Ansoff|Alpha|Northeast|development|label')!;
    expect(await valueAt(page, `C_Ansoff!${label.addr}`)).toMatch(/Northeast$/);

    // One undo step takes the whole regrow back.
    await byTestId(page, 'undo').click();
    await waitReady(page);
    expect(await valueAt(page, `C_Ansoff!${label.addr}`)).not.toMatch(/Northeast/);
    await openSheet(page, 'E_Bonus');
    expect(await valueAt(page, `E_Bonus!${attain.addr}`)).toBe('1.1');
    expect(await list(page, 'regions').inputValue()).toBe(REGIONS.join('\n'));

    // Removing a rep asks first, naming the rep and its typed input; cancel keeps everything.
    await list(page, 'reps').fill(reps.split('\n').filter((l) => !l.startsWith('R02\t')).join('\n'));
    await byTestId(page, 'structure-apply').click();
    const ask = byTestId(page, 'confirm-structure-regrow');
    await ask.waitFor({ state: 'visible' });
    expect(await ask.textContent()).toMatch(/R02.*1/);
    await byTestId(page, 'dialog-cancel').click();
    expect(await valueAt(page, `E_Bonus!${attain.addr}`)).toBe('1.1');

    // The generated payout chart is in the notebook view of E_Bonus.
    await page.locator(attr('data-chart', 'E_Bonus.payout')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });

    // Presenter: the E_Bonus slide's drivers are the plan's; the accelerator moves the projected
    // payout (R02 is above target at 110 %, the others on target).
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await page.locator(attr('data-slide-button', 'E_Bonus')).first().click();
    await page.locator(attr('data-slide', 'E_Bonus')).first().waitFor({ state: 'attached' });
    await page.locator(attr('data-driver', 'PO_THRESHOLD')).first().waitFor({ state: 'attached' });
    const accel = page.locator(attr('data-driver', 'PO_ACCEL')).first();
    const kpis = await page.locator('[data-slide="E_Bonus"] [data-kpi]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi')));
    expect(kpis).toContain('BONUS_BUDGET');
    const payoutId = kpis.find((k) => k?.startsWith('E_Bonus!'))!;
    const before = await page.locator(attr('data-kpi', payoutId)).first().getAttribute('data-value');
    await accel.evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(([sel, b]) => document.querySelector(sel)?.getAttribute('data-value') !== b, [attr('data-kpi', payoutId), before] as const, { timeout: STATE_TIMEOUT_MS });
    expectNoPageErrors(errors);
  });
});
