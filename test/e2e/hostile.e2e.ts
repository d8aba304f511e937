/**
 * Hostile text: a client's spreadsheet, a colleague's file or a careless paste may hold markup.
 * Whatever is typed into a cell, a sheet name or the title, and whatever an imported file carries
 * (title, sheet names, cell text, number formats, names, scenarios, layout titles, even a file
 * name), Opsbook shows it as the literal text it is — never as HTML, never as a link elsewhere.
 *
 * These tests switch the page's Content-Security-Policy off (`bypassCSP`), which would otherwise
 * stop an injected `onerror=` handler from running: what is tested here is the rendering itself.
 * A watcher installed before the app starts records every element that markup in the data could
 * have made: `<img>`, `<script>`, `<iframe>`, `<object>`, `<embed>`, any inline `on…=` handler,
 * and any link to another origin or to `javascript:`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from './harness';
import {
  baseUrl, byTestId, cell, cellText, cellValue, enterInCell, expectGallery, expectNoPageErrors, expectOnlyOwnOrigin,
  formulaBarText, goHome, importFile, launchBrowser, newNotebookFromGallery, openSheet, reloadApp, selectCell, sheetTab,
  waitForCellValue, waitReady, waitSaved, watchPage,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '<svg/onload=window.__pwned=1>';
const BREAKOUT = '"><img src=x onerror=window.__pwned=1><a href="';
const LINK = '=HYPERLINK("http://evil.example/steal","click me")';
const LINK_TEXT = "'=HYPERLINK(\"http://evil.example/\")";
const JS_URL = 'javascript:window.__pwned=1';
/** Sheet names: at most 31 characters and none of [ ] : * ? / \ — still markup. */
const SHEET_IMG = '<img src=x onerror=__pwned=1>';
const SHEET_SVG = '<svg onload=__pwned=1>';

/** Installed before any script of the page: records elements that markup in the data could have made. */
function watchForInjection() {
  const found: string[] = [];
  (window as unknown as { __injected: string[] }).__injected = found;
  const suspicious = (el: Element): string | null => {
    const tag = el.tagName.toLowerCase();
    if (['img', 'script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) {
      // The app's own bundle is the one script element the page may hold.
      if (tag === 'script' && (el as HTMLScriptElement).src && new URL((el as HTMLScriptElement).src).origin === location.origin) return null;
      return el.outerHTML.slice(0, 200);
    }
    for (const a of Array.from(el.attributes)) {
      if (a.name.toLowerCase().startsWith('on')) return el.outerHTML.slice(0, 200);
    }
    if (tag === 'a') {
      const href = (el as HTMLAnchorElement).href;
      if (href && (href.startsWith('javascript:') || new URL(href, location.href).origin !== location.origin)) return el.outerHTML.slice(0, 200);
    }
    return null;
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) {
      const what = suspicious(el);
      if (what) found.push(what);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') scan(r.target);
      else r.addedNodes.forEach(scan);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function openWithoutPolicy(): Promise<{ page: Page; errors: string[]; requests: string[]; baseUrl: string; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(watchForInjection);
  const page = await context.newPage();
  watchPage(page, errors);
  await page.goto(baseUrl(), { waitUntil: 'load' });
  await expectGallery(page);
  return { page, errors, requests, baseUrl: baseUrl(), close: () => context.close() };
}

/** Nothing ran, nothing was made from the data. */
async function expectNothingInjected(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: (window as unknown as { __injected: string[] }).__injected,
    now: Array.from(document.querySelectorAll('img, iframe, object, embed, script:not([src])')).map((e) => e.outerHTML.slice(0, 200)),
  }));
  expect(state.pwned, 'window.__pwned').toBeNull();
  expect(state.injected, 'elements made from hostile text').toEqual([]);
  expect(state.now, 'such elements in the page now').toEqual([]);
}

async function renameSheet(page: Page, from: string, to: string): Promise<void> {
  await sheetTab(page, from).dblclick();
  const input = byTestId(page, 'sheet-rename');
  await input.fill(to);
  await input.press('Enter');
  await sheetTab(page, to).waitFor({ state: 'visible' });
  await waitReady(page);
}

describe('hostile text', () => {
  it('the watcher notices markup that does become HTML (a control for the tests below)', async () => {
    const app = await openWithoutPolicy();
    await app.page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, IMG);
    await app.page.waitForFunction(() => (window as unknown as { __pwned?: number }).__pwned === 1);
    expect(await app.page.evaluate(() => (window as unknown as { __injected: string[] }).__injected.length)).toBeGreaterThan(0);
    await app.close();
  });

  it('typed into cells, a sheet name and the title, shows as literal text and runs nothing', async () => {
    const app = await openWithoutPolicy();
    const { page } = app;
    await newNotebookFromGallery(page, 'blank');

    const typed: [string, string][] = [['A1', IMG], ['A2', SCRIPT], ['A3', SVG], ['A4', BREAKOUT], ['A5', JS_URL]];
    for (const [addr, text] of typed) await enterInCell(page, `Sheet1!${addr}`, text);
    await enterInCell(page, 'Sheet1!A6', LINK);
    await enterInCell(page, 'Sheet1!A7', LINK_TEXT);
    for (const [addr, text] of typed) {
      expect(await cellValue(page, `Sheet1!${addr}`)).toBe(text);
      expect(await cellText(page, `Sheet1!${addr}`)).toBe(text);
    }
    // A link formula computes its label; it is not a link.
    expect(await cellText(page, 'Sheet1!A6')).not.toBe('');
    expect(await cell(page, 'Sheet1!A6').locator('a').count()).toBe(0);
    expect(await cellText(page, 'Sheet1!A7')).toBe(LINK_TEXT.slice(1));
    await selectCell(page, 'Sheet1!A1');
    expect(await formulaBarText(page)).toBe(IMG);

    // Sheet names, and a formula that refers to one.
    await renameSheet(page, 'Sheet1', SHEET_IMG);
    expect(await sheetTab(page, SHEET_IMG).textContent()).toContain(SHEET_IMG);
    await byTestId(page, 'add-sheet').click();
    await sheetTab(page, 'Sheet2').waitFor();
    await openSheet(page, 'Sheet2');
    await renameSheet(page, 'Sheet2', SHEET_SVG);
    await enterInCell(page, `${SHEET_SVG}!B1`, `='${SHEET_IMG}'!A2`);
    await waitForCellValue(page, `${SHEET_SVG}!B1`, SCRIPT);
    expect(await cellText(page, `${SHEET_SVG}!B1`)).toBe(SCRIPT);

    // The title, in the editor and on the home page.
    await byTestId(page, 'notebook-title').fill(IMG);
    await byTestId(page, 'notebook-title').press('Enter');
    expect(await byTestId(page, 'notebook-title').inputValue()).toBe(IMG);
    await waitSaved(page);
    await expectNothingInjected(page);

    // All of it again after a reload from storage, and on the home page.
    await reloadApp(page);
    expect(await sheetTab(page, SHEET_IMG).textContent()).toContain(SHEET_IMG);
    await openSheet(page, SHEET_IMG);
    expect(await cellText(page, `${SHEET_IMG}!A1`)).toBe(IMG);
    expect(await cellText(page, `${SHEET_IMG}!A4`)).toBe(BREAKOUT);
    await goHome(page);
    await expect.poll(() => page.locator('[data-notebook] .nb-title').first().textContent()).toBe(IMG);
    await expectNothingInjected(page);

    expectOnlyOwnOrigin(app);
    expectNoPageErrors(app.errors);
    await app.close();
  });

  it('from an imported .opsbook.json (title, sheet names, cells, formats, names, scenarios, layout) shows as literal text', async () => {
    const app = await openWithoutPolicy();
    const { page } = app;
    const now = Date.now();
    const file = {
      format: 'opsbook',
      version: 1,
      savedAt: new Date(now).toISOString(),
      notebook: {
        id: 'nb_hostile',
        title: SCRIPT,
        locale: 'en',
        createdAt: now,
        updatedAt: now,
        sheets: [
          {
            id: 's_1',
            name: SHEET_IMG,
            cells: { A1: IMG, A2: SCRIPT, A3: BREAKOUT, A4: LINK, A5: '=EVIL_TEXT', B1: 5, B2: JS_URL },
            formats: { B1: '0" <img src=x onerror=window.__pwned=1>"' },
          },
          { id: 's_2', name: SHEET_SVG, cells: { A1: `='${SHEET_IMG}'!A1` }, formats: {} },
        ],
        names: [{ name: 'EVIL_TEXT', expression: `="${SVG.replace(/"/g, '""')}"` }],
        scenarios: [{ id: 'sc_1', name: IMG, overrides: { [`${SHEET_IMG}!B1`]: 6 } }],
        layout: {
          items: [
            { id: 'k_1', kind: 'kpi', sheet: SHEET_IMG, title: IMG, ranges: { value: 'B1' } },
            { id: 'n_1', kind: 'note', sheet: SHEET_IMG, title: SCRIPT, ranges: {}, options: { text: IMG } },
          ],
        },
      },
    };
    await importFile(page, { name: 'hostile.opsbook.json', buffer: Buffer.from(JSON.stringify(file)) });

    expect(await byTestId(page, 'notebook-title').inputValue()).toBe(SCRIPT);
    expect(await sheetTab(page, SHEET_IMG).textContent()).toContain(SHEET_IMG);
    expect(await sheetTab(page, SHEET_SVG).textContent()).toContain(SHEET_SVG);
    await openSheet(page, SHEET_IMG);
    expect(await cellText(page, `${SHEET_IMG}!A1`)).toBe(IMG);
    expect(await cellText(page, `${SHEET_IMG}!A2`)).toBe(SCRIPT);
    expect(await cellText(page, `${SHEET_IMG}!A3`)).toBe(BREAKOUT);
    expect(await cellValue(page, `${SHEET_IMG}!A5`)).toBe(SVG);
    expect(await cellText(page, `${SHEET_IMG}!A5`)).toBe(SVG);
    expect(await cellText(page, `${SHEET_IMG}!B1`)).toBe('5 <img src=x onerror=window.__pwned=1>');
    expect(await cellText(page, `${SHEET_IMG}!B2`)).toBe(JS_URL);
    expect(await cell(page, `${SHEET_IMG}!A4`).locator('a').count()).toBe(0);
    await openSheet(page, SHEET_SVG);
    expect(await cellValue(page, `${SHEET_SVG}!A1`)).toBe(IMG);
    await expectNothingInjected(page);

    await goHome(page);
    await expect.poll(() => page.locator('[data-notebook] .nb-title').first().textContent()).toBe(SCRIPT);
    await expectNothingInjected(page);
    expectOnlyOwnOrigin(app);
    expectNoPageErrors(app.errors);
    await app.close();
  });

  it('in a refused file, the message quotes the bad input as text', async () => {
    const app = await openWithoutPolicy();
    const { page } = app;
    const input = page.locator('[data-testid="import-file"]').first();
    // The reader quotes the bad format field in its message.
    await input.setInputFiles({ name: 'bad.opsbook.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: SHEET_SVG })) });
    await expect.poll(() => byTestId(page, 'notice').textContent()).toContain(SHEET_SVG);
    // A file of unknown type is named in the message.
    await input.setInputFiles({ name: `${SHEET_IMG}.txt`, mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect.poll(() => byTestId(page, 'notice').textContent()).toContain(SHEET_IMG);
    await expectNothingInjected(page);
    expectOnlyOwnOrigin(app);
    expectNoPageErrors(app.errors);
    await app.close();
  });
});
