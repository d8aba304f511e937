/**
 * Nothing may embarrass the consultant in the room: the projector never shows more than the
 * presenter, a jump to a cell always lands on a visible cell, a what-if run always lets go of its
 * panel, the page never leaves the notebook on a swipe, 中文 leaves nothing in English, and an
 * input cell refuses what it cannot hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  attr, byTestId, cell, cellValue, enterInCell, expectNoPageErrors, formulaBar, launchBrowser, nameBox, newNotebookFromGallery, openApp,
  openSheet, selectCell, sheetTab, STATE_TIMEOUT_MS, waitForCellValue, waitReady, watchPage,
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

// ---------------------------------------------------------------------------------------------
// Jumping to a cell

/**
 * Whether the cell is rendered and every part of it is what the user sees at that spot: its
 * corners and centre hit the cell itself, not a frozen pane, the header or something outside the grid.
 */
async function fullyVisible(page: Page, ref: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return 'not rendered';
    const r = el.getBoundingClientRect();
    const points: [number, number][] = [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || (hit !== el && !el.contains(hit))) return `covered at ${Math.round(x)},${Math.round(y)} by ${hit ? `${hit.tagName}.${hit.className}${hit.getAttribute('data-cell') ? ` ${hit.getAttribute('data-cell')}` : ''}` : 'nothing'}`;
    }
    return 'visible';
  }, attr('data-cell', ref));
}

async function jump(page: Page, ref: string): Promise<void> {
  await nameBox(page).fill(ref);
  await nameBox(page).press('Enter');
}

async function expectLanded(page: Page, ref: string): Promise<void> {
  const sheet = ref.split('!')[0];
  await page.locator(attr('data-cell', ref)).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS }).catch(() => {});
  // two frames: the scroll, then whatever the browser does after it
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await fullyVisible(page, ref), ref).toBe('visible');
  expect(await nameBox(page).inputValue()).toBe(ref.split('!')[1]);
  expect(await page.locator(`${attr('data-sheet-tab', sheet)}[aria-selected="true"], ${attr('data-sheet-tab', sheet)}.active`).count()).toBeGreaterThan(0);
}

describe('jumping to a cell lands on a visible cell', () => {
  it('the name box, from another sheet and any scroll, at 1280×720, clear of the frozen panes', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    await newNotebookFromGallery(page, 'annual-plan');
    // the story from the room: read E_Bonus!D51, then go to C_Ansoff!C52
    await jump(page, 'E_Bonus!D51');
    await expectLanded(page, 'E_Bonus!D51');
    await jump(page, 'C_Ansoff!C52');
    await expectLanded(page, 'C_Ansoff!C52');
    // a cell just past the frozen columns and rows, from a scrolled grid
    await openSheet(page, 'B_Target');
    await jump(page, 'B_Target!M90');
    await expectLanded(page, 'B_Target!M90');
    await jump(page, 'C5');
    await expectLanded(page, 'B_Target!C5');
    // scrolled by hand so that C5 sits under the frozen panes, then the name box again
    await page.locator('.grid-scroller').first().evaluate((el) => { el.scrollTop = 3 * 26 + 5; el.scrollLeft = 40; });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await jump(page, 'C5');
    await expectLanded(page, 'B_Target!C5');
    // and back and forth between sheets, from grids scrolled by hand and by the wheel
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const sheets = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus'];
    for (let i = 0; i < 24; i++) {
      const how = rand(3);
      if (how === 0) {
        await page.locator('.grid-scroller').first().evaluate((el, [t, l]) => { el.scrollTop = t; el.scrollLeft = l; }, [rand(2000), rand(900)] as const);
      } else if (how === 1) {
        await page.mouse.move(700, 560);
        await page.mouse.wheel(rand(600), rand(900));
      }
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const col = String.fromCharCode(67 + rand(12)); // C … N
      const ref = `${sheets[rand(5)]}!${col}${2 + rand(90)}`;
      await jump(page, ref);
      await expectLanded(page, ref);
    }
    expectNoPageErrors(errors);
    await context.close();
  });

  it('the name box names the active cell, also inside a range', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await jump(page, 'B_Target!C12:D20');
    await expectLanded(page, 'B_Target!C12');
    expect(await nameBox(page).getAttribute('data-range')).toBe('C12:D20');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await nameBox(page).inputValue()).toBe('C12');
    expect(await nameBox(page).getAttribute('data-range')).toBe('C12:D21');
    await page.keyboard.press('ArrowRight');
    expect(await nameBox(page).inputValue()).toBe('D12');
    const summary = byTestId(page, 'checks-summary');
    for (const a of ['data-ok', 'data-warn', 'data-err']) expect(await summary.getAttribute(a), a).toMatch(/^\d+$/);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('the checks panel takes you to each check, fully in view', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'checks-summary').click();
    const rows = page.locator('[data-check]');
    await rows.first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const refs = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-check') ?? ''));
    expect(refs).toContain('B_Target!H79');
    // in the panel's order and back again: every jump up, down, left and right, within and across sheets
    for (const ref of [...refs, ...[...refs].reverse()]) {
      await page.locator(attr('data-check', ref)).first().locator('button').click();
      await expectLanded(page, ref);
    }
    expectNoPageErrors(errors);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// A what-if run always lets go of its panel

/**
 * Holds back every message the page receives on a MessagePort (comlink's callback ports: the
 * workers' progress) by `ms` while `window.__holdPorts` is set: on a loaded machine a job's last
 * progress message arrives after its answer, which comes on the worker's own port.
 */
function holdPortMessages(ms: number): void {
  const add = MessagePort.prototype.addEventListener;
  MessagePort.prototype.addEventListener = function (this: MessagePort, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type !== 'message' || !listener) return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    const call = (e: Event) => (typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e));
    return add.call(this, type, (e: Event) => {
      if ((window as unknown as { __holdPorts?: boolean }).__holdPorts) setTimeout(() => call(e), ms);
      else call(e);
    }, options);
  } as typeof MessagePort.prototype.addEventListener;
}

const whatIfStatus = (page: Page) => byTestId(page, 'whatif-status').getAttribute('data-status');

describe('a what-if run always lets go of its panel', () => {
  it('a progress message that trails the answer does not put a finished run back to running', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await page.addInitScript(holdPortMessages, 400);
    await page.reload({ waitUntil: 'load' });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'whatif-open').click();
    await page.locator(attr('data-whatif-tab', 'tornado')).click();
    await byTestId(page, 'whatif-run').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelector('[data-testid="whatif-status"]')?.getAttribute('data-pool-warm') === 'true', undefined, { timeout: 60_000 });
    for (let k = 1; k <= 3; k++) {
      await page.evaluate(() => { (window as unknown as { __holdPorts?: boolean }).__holdPorts = true; });
      await byTestId(page, 'whatif-run').click();
      await page.waitForFunction((n) => {
        const s = document.querySelector('[data-testid="whatif-status"]');
        return s?.getAttribute('data-run') === String(n) && s.getAttribute('data-status') === 'done';
      }, k, { timeout: 60_000 });
      // every held progress message has arrived by now
      await page.waitForTimeout(1200);
      expect(await whatIfStatus(page), `run ${k}`).toBe('done');
      expect(await byTestId(page, 'whatif-run').isEnabled()).toBe(true);
      await page.evaluate(() => { (window as unknown as { __holdPorts?: boolean }).__holdPorts = false; });
    }
    await expect.poll(() => page.locator('[data-tornado-bar]').count()).toBe(6);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('Cancel lets go of a run whose workers never answer, and the next run works', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    // Messages to the what-if workers are dropped while `__muteWorkers` is set: a worker that hangs.
    await page.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        if ((window as unknown as { __muteWorkers?: boolean }).__muteWorkers) return;
        return (post as (...a: unknown[]) => void).apply(this, args);
      } as typeof Worker.prototype.postMessage;
    });
    await page.reload({ waitUntil: 'load' });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'whatif-open').click();
    await page.locator(attr('data-whatif-tab', 'tornado')).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="whatif-status"]')?.getAttribute('data-pool-warm') === 'true', undefined, { timeout: 60_000 });
    await page.evaluate(() => { (window as unknown as { __muteWorkers?: boolean }).__muteWorkers = true; });
    await byTestId(page, 'whatif-run').click();
    await byTestId(page, 'whatif-cancel').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await whatIfStatus(page)).toBe('running');
    await byTestId(page, 'whatif-cancel').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="whatif-status"]')?.getAttribute('data-status') === 'cancelled', undefined, { timeout: 10_000 });
    expect(await byTestId(page, 'whatif-run').isEnabled()).toBe(true);
    await page.evaluate(() => { (window as unknown as { __muteWorkers?: boolean }).__muteWorkers = false; });
    await byTestId(page, 'whatif-run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="whatif-status"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 60_000 });
    await expect.poll(() => page.locator('[data-tornado-bar]').count()).toBe(6);
    expectNoPageErrors(errors);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// A swipe never leaves the notebook

describe('a horizontal swipe stays in the notebook', () => {
  it('wheel past the grid\'s and the chart pane\'s left edge reaches neither the page nor the browser\'s history', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await openSheet(page, 'B_Target');
    const url = page.url();
    // The browser turns a horizontal overscroll that reaches the page into Back (a trackpad
    // swipe). To see whether the wheel reaches the page at all, the page is given room to
    // scroll sideways: a wheel that chains out of the grid then moves it.
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.cssText = 'position:absolute;top:0;left:0;width:300vw;height:1px;pointer-events:none';
      document.body.append(wide);
      document.documentElement.scrollLeft = 200;
    });
    const pageX = () => page.evaluate(() => document.scrollingElement!.scrollLeft);
    expect(await pageX()).toBe(200);
    for (const sel of ['.grid-scroller', '.nbv-body']) {
      const box = (await page.locator(sel).first().boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // right to the end and back past the start, as a swipe does
      for (let i = 0; i < 6; i++) await page.mouse.wheel(600, 0);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(-600, 0);
      await page.waitForTimeout(300);
      expect(await pageX(), `a wheel over ${sel} moved the page`).toBe(200);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      expect(page.url()).toBe(url);
    }
    // and the page itself never turns an overscroll into navigation
    for (const el of ['html', 'body']) expect(await page.locator(el).evaluate((e) => getComputedStyle(e).overscrollBehaviorX), el).toBe('none');
    expectNoPageErrors(errors);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// An input cell refuses what it cannot hold

describe('an input cell refuses what it cannot hold', () => {
  for (const [locale, says] of [['zh-CN', /E_Bonus!C4 只接受百分比/], ['en-US', /E_Bonus!C4 takes a percentage/]] as const) {
    it(`一点五 into the bonus funding rate is refused (${locale}); clearing is allowed, numbers go in`, async () => {
      const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 }, locale });
      await newNotebookFromGallery(page, 'annual-plan');
      await waitReady(page);
      const notice = byTestId(page, 'notice');
      // through the formula bar
      await selectCell(page, 'E_Bonus!C4');
      await formulaBar(page).fill('一点五');
      await formulaBar(page).press('Enter');
      await notice.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
      expect(await notice.textContent()).toMatch(says);
      expect(await formulaBar(page).inputValue()).toBe('一点五'); // nothing lost: fix it or Esc
      await formulaBar(page).press('Escape');
      expect(await cellValue(page, 'E_Bonus!C4')).toBe('0.015');
      // in the cell: the editor stays, and a click elsewhere does not carry the entry off
      await selectCell(page, 'E_Bonus!C4');
      await page.keyboard.press('F2');
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText('一点五');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.grid-input.editing').count()).toBe(1);
      await cell(page, 'E_Bonus!C8').click();
      expect(await nameBox(page).inputValue()).toBe('C4');
      await page.keyboard.press('Escape');
      expect(await cellValue(page, 'E_Bonus!C4')).toBe('0.015');
      // clearing is allowed; the cleared input still takes only a percentage
      await page.keyboard.press('Delete');
      await waitReady(page);
      expect(await cellValue(page, 'E_Bonus!C4')).toBe('');
      await enterInCell(page, 'E_Bonus!C4', '一点五');
      expect(await cellValue(page, 'E_Bonus!C4')).toBe('');
      await formulaBar(page).press('Escape');
      await enterInCell(page, 'E_Bonus!C4', '1.8%');
      expect(await cellValue(page, 'E_Bonus!C4')).toBe('0.018');
      // a label takes text
      await enterInCell(page, 'E_Bonus!A4', '奖金比例');
      expect(await cellValue(page, 'E_Bonus!A4')).toBe('奖金比例');
      // no #VALUE! anywhere on the sheet
      expect(await page.locator('[data-value="#VALUE!"]').count()).toBe(0);
      expectNoPageErrors(errors);
      await context.close();
    });
  }

  it('a formula that does not parse explains itself in the user\'s language, without parser tokens', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await newNotebookFromGallery(page, 'annual-plan');
    await enterInCell(page, 'E_Bonus!H4', '=SUM(C4，C6)');
    await selectCell(page, 'E_Bonus!H4');
    const explained = byTestId(page, 'cell-error');
    await explained.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    const text = (await explained.textContent()) ?? '';
    expect(text).toMatch(/中文标点“，”/);
    expect(text).not.toMatch(/-->|Token|Expecting|Parsing|offset/);
    expectNoPageErrors(errors);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// 中文 leaves nothing in English; Ctrl+Z after a sheet tab

/** English words a user of the 中文 page reads in its chrome (not in cells, charts or the model's own names). */
async function englishInChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Names, codes and file kinds are the same in both languages.
    const allowed = /^(Opsbook|opsbook|json|xlsx|csv|CSV|PDF|SVG|PNG|OTE|KPI|Ctrl|Esc|Shift|Sheet\d*|[A-G]_[A-Za-z]+|[A-Z][A-Z0-9_]{2,}|SUMM)$/;
    const out = new Set<string>();
    // words as a formula or a file name writes them: A_Market, TARGET_TOTAL, Sheet1 are one word each
    const english = (text: string) => (text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => /[A-Za-z]{3,}/.test(w) && !w.includes('_') && !allowed.test(w));
    const skip = (el: Element) => !!el.closest('.grid-canvas, svg, .nbv-body, [aria-hidden="true"], script, style');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || el.getClientRects().length === 0) continue;
      for (const w of english(n.textContent ?? '')) out.add(`${w} (${el.tagName.toLowerCase()}.${el.className})`);
    }
    for (const el of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
      if (skip(el)) continue;
      for (const a of ['title', 'placeholder', 'aria-label']) for (const w of english(el.getAttribute(a) ?? '')) out.add(`${w} (@${a})`);
    }
    return [...out];
  });
}

describe('中文 leaves nothing in English', () => {
  it('home, file picker, toolbar, status bar and engine messages read in 中文', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.locator(attr('data-template', 'annual-plan')).first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await englishInChrome(page), 'home').toEqual([]);
    // the browser's own file button (its language, not the page's) is not what the user sees
    const picker = await byTestId(page, 'import-file').boundingBox();
    expect((picker?.width ?? 0) <= 1 || (await byTestId(page, 'import-file').evaluate((e) => getComputedStyle(e).opacity)) === '0').toBe(true);
    await newNotebookFromGallery(page, 'annual-plan');
    await waitReady(page);
    await selectCell(page, 'E_Bonus!C4');
    await page.keyboard.press('Shift+ArrowDown');
    await page.locator('.sel-stats').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await page.locator('.status-bar').innerText()).toMatch(/就绪[\s\S]*已保存|已保存[\s\S]*就绪|就绪[\s\S]*保存/);
    // an engine message on a selected error cell
    await enterInCell(page, 'E_Bonus!H4', '=SUMM(C4)');
    await selectCell(page, 'E_Bonus!H4');
    await byTestId(page, 'cell-error').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
    expect(await byTestId(page, 'cell-error').textContent()).toMatch(/没有名为 SUMM 的函数/);
    expect(await englishInChrome(page), 'notebook').toEqual([]);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('after a click on a sheet tab, Ctrl+Z and Ctrl+Y undo and redo', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await waitReady(page);
    await enterInCell(page, 'E_Bonus!C4', '1.8%');
    expect(await cellValue(page, 'E_Bonus!C4')).toBe('0.018');
    await sheetTab(page, 'A_Market').click();
    await sheetTab(page, 'E_Bonus').click();
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'E_Bonus!C4', '0.015');
    await sheetTab(page, 'A_Market').click();
    await page.keyboard.press('Control+y');
    await waitForCellValue(page, 'E_Bonus!C4', '0.018');
    // and after a toolbar button
    await byTestId(page, 'checks-summary').click();
    await page.keyboard.press('Control+z');
    await waitForCellValue(page, 'E_Bonus!C4', '0.015');
    expectNoPageErrors(errors);
    await context.close();
  });
});
