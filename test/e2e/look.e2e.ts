/**
 * Workshop-grade: what a client sees must not embarrass the consultant. Scenarios follow the base
 * or say they are stale; stubs say what they stand for; the presenter reads on a projector; the
 * notebook view fits a laptop; what-if results speak the model's words; print keeps its colours.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cellValue, enterInCell, importFile, expectNoPageErrors, launchBrowser, cellText, formulaBarText, newNotebookFromGallery, openApp, openSheet, selectCell, STATE_TIMEOUT_MS, waitReady,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const LAPTOP = { width: 1440, height: 900 };

/**
 * Text of the charts under `selector` that collides with other text of its chart or leaves the
 * chart's picture, as `kind: text × text` / `kind: text outside` (boxes from the browser's layout).
 */
function chartTextFaults(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((svgs) => {
    const out: string[] = [];
    for (const svg of svgs) {
      const kind = svg.closest('[data-kind]')?.getAttribute('data-kind') ?? '?';
      const frame = svg.getBoundingClientRect();
      const texts = Array.from(svg.querySelectorAll('text')).filter((t) => (t.textContent ?? '').trim()).map((t) => ({ t: (t.textContent ?? '').trim().slice(0, 40), b: t.getBoundingClientRect() }));
      texts.forEach(({ t, b }, i) => {
        if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1) out.push(`${kind}: ${t} outside`);
        for (const n of texts.slice(i + 1)) {
          if (Math.min(b.right, n.b.right) - Math.max(b.left, n.b.left) > 1 && Math.min(b.bottom, n.b.bottom) - Math.max(b.top, n.b.top) > 1) out.push(`${kind}: ${t} × ${n.t}`);
        }
      });
    }
    return out;
  });
}

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

describe('item 10: what-if results speak the model\'s labels; Monte Carlo gives the chance of reaching a threshold', () => {
  async function openWhatIf(page: Page, tab: string): Promise<void> {
    if ((await page.locator(attr('data-testid', 'whatif-panel')).count()) === 0) await byTestId(page, 'whatif-open').click();
    await page.locator(attr('data-whatif-tab', tab)).click();
    await page.locator(attr('data-whatif-view', tab)).waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
  }
  async function runToEnd(page: Page): Promise<void> {
    const run = Number((await byTestId(page, 'whatif-status').getAttribute('data-run')) || 0);
    await byTestId(page, 'whatif-run').click();
    await page.waitForFunction((n) => {
      const s = document.querySelector('[data-testid="whatif-status"]');
      return Number(s?.getAttribute('data-run')) > n && s?.getAttribute('data-status') === 'done';
    }, run, { timeout: 60_000 });
  }

  it('Monte Carlo outputs are titled 年度目标 TARGET_TOTAL and report P(≥ threshold): the base by default, a typed one when set', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP, locale: 'zh-CN' });
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'monteCarlo');
    await byTestId(page, 'whatif-trials').fill('400');
    await byTestId(page, 'whatif-trials').press('Enter');
    // the payout must reach 250 (万元) in the second run; before that, its base
    await runToEnd(page);
    const target = page.locator(attr('data-mc-output', 'B_Target!G45'));
    await expect.poll(() => target.locator(attr('data-testid', 'whatif-mc-title')).textContent()).toBe('年度目标 TARGET_TOTAL');
    await expect.poll(() => page.locator(attr('data-mc-output', 'E_Bonus!C48')).locator('h4').textContent()).toBe('预测奖金支出 E_Bonus!C48');
    const base = Number(await cellValue(page, 'B_Target!G45'));
    expect(Number(await target.getAttribute('data-threshold'))).toBeCloseTo(base, 6);
    const p = Number(await target.getAttribute('data-p-reach'));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(await target.locator(attr('data-testid', 'whatif-mc-reach')).textContent()).toMatch(/^P\(≥ .+\) = \d+(\.\d)?%$/);

    const field = page.locator(`${attr('data-testid', 'whatif-threshold')}${attr('data-output', 'E_Bonus!C48')}`);
    await field.fill('250');
    await field.press('Enter');
    await runToEnd(page);
    const payout = page.locator(attr('data-mc-output', 'E_Bonus!C48'));
    await expect.poll(() => payout.getAttribute('data-threshold')).toBe('250');
    // a higher bar is reached no more often than a lower one: P(≥ 250) ≤ P(≥ 0)
    const p250 = Number(await payout.getAttribute('data-p-reach'));
    await field.fill('0');
    await field.press('Enter');
    await runToEnd(page);
    await expect.poll(() => payout.getAttribute('data-threshold')).toBe('0');
    expect(Number(await payout.getAttribute('data-p-reach'))).toBe(1);
    expect(p250).toBeLessThanOrEqual(1);
    expectNoPageErrors(errors);
    await context.close();
  }, 240_000);

  it('goal seek and the tornado name their cells by label', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP, locale: 'zh-CN' });
    await newNotebookFromGallery(page, 'annual-plan');
    await openWhatIf(page, 'goalSeek');
    await runToEnd(page);
    const answer = page.locator(`${attr('data-testid', 'whatif-result')} .whatif-answer`);
    await expect.poll(() => answer.textContent()).toContain('年度目标 TARGET_TOTAL');
    expect(await answer.textContent()).toContain('管理层判断增长率 P1 B_Target!C43');
    await openWhatIf(page, 'tornado');
    await runToEnd(page);
    await expect.poll(() => page.locator(`${attr('data-testid', 'whatif-result')} p strong`).first().textContent()).toBe('销售贡献利润 D_Expense!C26');
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);
});

describe('item 13: an exported .xlsx comes back as the same notebook, under a distinct title; no toast over the presenter', () => {
  it('export → import twice: scenarios come back, titles are distinct, the import notice leaves when presenting', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'scenarios-panel').click();
    await byTestId(page, 'scenario-presets').click();
    await page.locator(`${attr('data-testid', 'scenario-select')} option[value="downside"]`).waitFor({ state: 'attached' });
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
    const bytes = await readFile((await download.path())!);
    const file = { name: 'plan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes };
    for (let k = 0; k < 2; k++) {
      await byTestId(page, 'home').click();
      await importFile(page, file);
    }
    // the scenarios came back with the workbook (no Scenarios/Decisions sheets among the tabs)
    await page.locator(`${attr('data-testid', 'scenario-select')} option[value="downside"]`).waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    expect(await page.locator('[data-sheet-tab="Scenarios"], [data-sheet-tab="_opsbook"]').count()).toBe(0);
    // the import's notice is up; presenting sends it away
    await byTestId(page, 'notice').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await expect.poll(() => page.locator(attr('data-testid', 'notice')).count()).toBe(0);
    await page.keyboard.press('Escape');
    await byTestId(page, 'home').click();
    const titles = await page.locator('[data-notebook] .nb-title').allTextContents();
    expect(titles).toHaveLength(3);
    expect(new Set(titles).size).toBe(3);
    expect(titles.filter((t) => / \((2|3)\)$/.test(t))).toHaveLength(2);
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);
});

describe('item 12: print keeps table text at 9 pt or more and the modelling colours', () => {
  it('in print media a table cell is ≥ 12 px (9 pt); inputs blue on their fill, links green, formulas black', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'print').click();
    await byTestId(page, 'print-view').waitFor();
    await waitReady(page);
    await page.emulateMedia({ media: 'print' });
    const style = (sheet: string, addr: string) => page.locator(`[data-print-sheet="${sheet}"] [data-print-cell="${addr}"]`).evaluate((el) => {
      const s = getComputedStyle(el);
      return { size: parseFloat(s.fontSize), color: s.color, background: s.backgroundColor, adjust: s.getPropertyValue('print-color-adjust') || s.getPropertyValue('-webkit-print-color-adjust') };
    });
    const input = await style('A_Market', 'C11'); // 已覆盖医院数: an input
    expect(input.size).toBeGreaterThanOrEqual(12);
    expect(input.color).toBe('rgb(11, 63, 214)');
    expect(input.background).toBe('rgb(255, 248, 220)');
    expect(input.adjust).toBe('exact');
    const link = await style('B_Target', 'C25'); // =A_Market!C24
    expect(link.color).toBe('rgb(10, 122, 51)');
    const formula = await style('B_Target', 'G45');
    expect(formula.color).toBe('rgb(0, 0, 0)');
    expect(formula.size).toBeGreaterThanOrEqual(12);
    expectNoPageErrors(errors);
    await context.close();
  }, 90_000);
});

describe('item 8: presenter charts are projector-grade', () => {
  it('in English no KPI label is cut short (slides at 1920×1080, cards at 1440×900); a rising cost reads red, a rising target green; a share is labelled a share', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    const cut = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    // notebook-view cards, at the laptop's width
    await page.setViewportSize(LAPTOP);
    for (const sheet of ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']) {
      await openSheet(page, sheet);
      await page.locator('.kpi-card .kpi-label').first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
      expect(await cut('.kpi-card .kpi-label'), `${sheet}: KPI card labels`).toEqual([]);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const seen: (string | null)[] = [];
    for (let i = 0; i < 9; i++) {
      await page.locator('[data-slide]').first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
      const slide = await page.locator('[data-slide]').first().getAttribute('data-slide');
      seen.push(slide);
      expect(await cut('.pr-kpi-label'), `slide ${slide}: KPI labels`).toEqual([]);
      expect(await cut('.pr-kpi-value'), `slide ${slide}: KPI values`).toEqual([]);
      if (slide === 'E_Bonus') expect(await page.locator(`${attr('data-kpi', 'E_Bonus!C55')} .pr-kpi-label`).textContent()).toMatch(/share/i);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(expect.arrayContaining(['overview', 'D_Expense', 'E_Bonus', 'F_Staffing']));
    // The overview: move the judgement growth up; the target and the expense envelope both rise.
    await page.keyboard.press('1');
    await page.locator(attr('data-slide', 'overview')).waitFor({ timeout: STATE_TIMEOUT_MS });
    const driver = page.locator(attr('data-driver', 'B_Target!C43')).first();
    await driver.waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await driver.evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = '0.2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitReady(page);
    const delta = (id: string) => page.locator(`${attr('data-kpi', id)} .pr-kpi-delta`).first();
    await expect.poll(() => delta('TARGET_TOTAL').getAttribute('class')).toMatch(/\bup\b/);
    expect(await delta('TARGET_TOTAL').getAttribute('class')).toMatch(/\bgood\b/);
    await expect.poll(() => delta('EXPENSE_TOTAL').getAttribute('class')).toMatch(/\bup\b/);
    expect(await delta('EXPENSE_TOTAL').getAttribute('class')).toMatch(/\bbad\b/);
    const [green, red] = await Promise.all([delta('TARGET_TOTAL'), delta('EXPENSE_TOTAL')].map((l) => l.evaluate((e) => getComputedStyle(e).color)));
    expect(green).not.toBe(red);
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);

  it('at 1920×1080 every slide chart is on the dark theme, its text ≥ 18 px and light, money without .00, the axis unit clear of the ticks', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const seen: string[] = [];
    for (const id of ['overview', 'A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus']) {
      await page.locator(attr('data-slide', id)).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
      await waitReady(page);
      const charts = page.locator('.pr-chart');
      if ((await charts.count()) > 0) {
        await page.locator('.pr-chart svg text').first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
        const report = await charts.evaluateAll((els) => els.map((el) => {
          const card = el.querySelector('.chart-card') as HTMLElement;
          const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
          const lum = (c: string) => { const [r, g, b] = rgb(c); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
          const texts = Array.from(el.querySelectorAll('svg text'));
          return {
            background: lum(getComputedStyle(card).backgroundColor),
            small: texts.filter((t) => parseFloat(getComputedStyle(t).fontSize) < 18).map((t) => t.textContent),
            dark: texts.filter((t) => lum(getComputedStyle(t).fill) < 0.3).map((t) => t.textContent),
            cents: texts.map((t) => t.textContent ?? '').filter((s) => /\d,\d{3}\.\d\d(?!\d|%)/.test(s)),
            // numeric axis tick labels neither touch each other nor leave the chart (category labels: not checked here)
            crowded: (() => {
              const svgBox = el.querySelector('svg')!.getBoundingClientRect();
              const out: string[] = [];
              for (const g of Array.from(el.querySelectorAll('svg g[aria-label$="tick label"]'))) {
                const boxes = Array.from(g.querySelectorAll('text')).filter((t) => /^[−-]?[\d,.]+%?$/.test(t.textContent ?? '')).map((t) => ({ t: t.textContent, b: t.getBoundingClientRect() }));
                boxes.forEach(({ t, b }, i) => {
                  if (b.left < svgBox.left - 1 || b.right > svgBox.right + 1) out.push(`${t} outside`);
                  const n = boxes[i + 1];
                  if (n && n.b.left < b.right + 2 && b.left < n.b.right && n.b.top < b.bottom && b.top < n.b.bottom) out.push(`${t}|${n.t}`);
                });
              }
              return out;
            })(),
          };
        }));
        for (const r of report) {
          expect(r.background, `${id}: chart card background`).toBeLessThan(0.2);
          expect(r.small, `${id}: chart text under 18 px`).toEqual([]);
          expect(r.dark, `${id}: dark text on the dark card`).toEqual([]);
          expect(r.cents, `${id}: money with .00`).toEqual([]);
          expect(r.crowded, `${id}: numeric tick labels touching or clipped`).toEqual([]);
        }
        // no text of a slide chart on another, none leaving its chart (values, names, units, ticks)
        expect(await chartTextFaults(page, '.pr-chart svg'), `${id}: chart text colliding or clipped`).toEqual([]);
        seen.push(id);
      }
      if (id === 'D_Expense') {
        // the tornado's unit label sits clear of every tick label
        const overlaps = await page.locator('.pr-chart svg').first().evaluate((svg) => {
          const texts = Array.from(svg.querySelectorAll('text'));
          const unit = texts.find((t) => /10k|万元/.test(t.textContent ?? ''))!.getBoundingClientRect();
          return texts.filter((t) => /^[\d,]+$/.test(t.textContent ?? '')).filter((t) => {
            const b = t.getBoundingClientRect();
            return b.left < unit.right && unit.left < b.right && b.top < unit.bottom && unit.top < b.bottom;
          }).map((t) => t.textContent);
        });
        expect(overlaps).toEqual([]);
      }
      await page.keyboard.press('ArrowRight');
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expectNoPageErrors(errors);
    await context.close();
  }, 150_000);

  it('the projector window shows no controls: driver values without sliders or steppers, no slide buttons', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1920, height: 1080 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'present').click();
    await byTestId(page, 'presenter').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // B_Target: a slide with drivers
    const [popup] = await Promise.all([context.waitForEvent('page'), byTestId(page, 'projector-window').click()]);
    await popup.waitForLoadState('load');
    await popup.locator(attr('data-slide', 'B_Target')).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
    await popup.locator('[data-driver-value]').first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const visibleControls = await popup.locator('[data-testid="projector-view"]').evaluate((root) =>
      Array.from(root.querySelectorAll('button, input, select, textarea')).filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML.slice(0, 80)));
    expect(visibleControls).toEqual([]);
    expect(await popup.locator('[data-driver-value]').count()).toBeGreaterThan(0);
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);
});

describe('item 9: the chart pane leaves the grid most of the screen, collapses and resizes by keyboard, and the notebook keeps the choice', () => {
  it('at 1440×900, in 中文 and in English, no chart text of the annual plan collides or is clipped (waterfall steps, Ansoff tiles, tornado, bullet, units)', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, errors, context } = await openApp(browser, { viewport: LAPTOP, locale });
      await newNotebookFromGallery(page, 'annual-plan');
      let charts = 0;
      for (const sheet of ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']) {
        await openSheet(page, sheet);
        await waitReady(page);
        const svgs = page.locator('[data-chart] .chart-body > svg');
        await svgs.first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
        // every chart of the sheet drawn (the scheduler draws after the engine's answer)
        await expect.poll(() => page.locator('[data-chart]').evaluateAll((els) => els.every((e) => e.querySelector('.chart-body > svg text')))).toBe(true);
        charts += await svgs.count();
        expect(await chartTextFaults(page, '[data-chart] .chart-body > svg'), `${locale} ${sheet}`).toEqual([]);
      }
      expect(charts).toBeGreaterThanOrEqual(14);
      expectNoPageErrors(errors);
      await context.close();
    }
  }, 150_000);

  it('at 1440×900 the pane starts ≤ 40 % of the window; ↑ shrinks it, Enter on the toggle collapses it to a strip; the file carries it to a fresh browser', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: LAPTOP });
    await newNotebookFromGallery(page, 'annual-plan');
    const pane = byTestId(page, 'notebook-view');
    await pane.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const height = async () => (await pane.boundingBox())!.height;
    const h0 = await height();
    expect(h0).toBeLessThanOrEqual(900 * 0.4 + 1);
    await page.locator('.nbv-resize').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(height).toBeCloseTo(h0 - 80, 0);
    await byTestId(page, 'notebook-view-collapse').focus();
    await page.keyboard.press('Enter');
    await expect.poll(height).toBeLessThan(60);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-opsbook').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text).notebook.layout.chartPane).toEqual({ collapsed: true, height: Math.round(h0 - 80) });
    expectNoPageErrors(errors);
    await context.close();

    // another browser (its own settings): the imported notebook opens with the pane as it was left
    const other = await openApp(browser, { viewport: LAPTOP });
    await importFile(other.page, { name: 'plan.opsbook.json', buffer: Buffer.from(text) });
    const pane2 = byTestId(other.page, 'notebook-view');
    await pane2.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await expect.poll(async () => (await pane2.boundingBox())!.height).toBeLessThan(60);
    expect(await byTestId(other.page, 'notebook-view-collapse').getAttribute('aria-expanded')).toBe('false');
    expectNoPageErrors(other.errors);
    await other.context.close();
  }, 120_000);
});
