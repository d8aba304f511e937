/**
 * The words browser tests are written in, so that each test reads as a user story
 * (`newNotebookFromGallery`, `enterInCell`, `cellValue`) instead of selectors and clicks.
 *
 * Everything here waits on state the app exposes through the automation contract
 * (DESIGN.md): `engine-status` reads `ready`, `save-status` reads `saved`, cells carry
 * `data-cell` / `data-value`. Nothing waits on a timer. Playwright locators auto-wait for
 * elements to be attached, visible and enabled before acting.
 *
 * Each test opens its own browser context (fresh IndexedDB), collects page errors and console
 * errors in `app.errors`, records every request in `app.requests`, and ends with
 * `expectNoPageErrors(app.errors)` (and, where it matters, `expectOnlyOwnOrigin(app)`).
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export type { Browser, Page };

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** How long a user-visible state may take to appear before a test gives up. */
export const STATE_TIMEOUT_MS = 20_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The served app (ends with `/`), as provided by globalSetup. */
export function baseUrl(): string {
  let url: string | undefined;
  try {
    url = inject('baseUrl');
  } catch {
    // inject() only works inside a test file; fall back to the env var globalSetup sets.
  }
  url ??= process.env.OPSBOOK_BASE_URL;
  if (!url) throw new Error('no base URL: run browser tests through vitest.e2e.config.ts (its globalSetup serves dist/)');
  return url;
}

export interface App {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors, in order, as text. */
  errors: string[];
  /** Every URL the page (or its workers) requested. */
  requests: string[];
  baseUrl: string;
}

export interface OpenAppOptions {
  /** Appended to the base URL, e.g. `#/nb/…`. */
  path?: string;
  viewport?: { width: number; height: number };
  locale?: string;
  /**
   * Leave the page as a first visit finds it: not yet controlled by the service worker. By default
   * `openApp` waits for control, because control arriving mid-test rebuilds the open notebook's
   * engine (the first-visit policy), which a test about engine restarts would race with.
   */
  firstVisit?: boolean;
}

/** A fresh browser profile (own IndexedDB) with the app open on its home page (or `path`). */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<App> {
  const url = baseUrl();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('request', (req) => requests.push(req.url()));
  const page = await context.newPage();
  watchPage(page, errors);
  await page.goto(url + (options.path ?? ''), { waitUntil: 'load' });
  if (!options.firstVisit) await waitForServiceWorkerControl(page);
  return { page, context, errors, requests, baseUrl: url };
}

/** Resolves once the service worker controls the page (at once where there is none). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async (timeout) => {
    const sw = navigator.serviceWorker;
    if (!sw || sw.controller) return;
    await Promise.race([
      new Promise((r) => sw.addEventListener('controllerchange', r, { once: true })),
      new Promise((r) => setTimeout(r, timeout)),
    ]);
  }, STATE_TIMEOUT_MS);
}

/** Sends a page's uncaught errors and console errors to `errors` (also for popups such as the projector window). */
export function watchPage(page: Page, errors: string[]): void {
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('crash', () => errors.push('the page crashed'));
}

export function expectNoPageErrors(errors: string[]): void {
  expect(errors, 'page errors and console errors').toEqual([]);
}

/** Requests that left the app's own origin (`data:` and `blob:` URLs stay in the page). */
export function foreignRequests(app: Pick<App, 'requests' | 'baseUrl'>): string[] {
  const own = new URL(app.baseUrl).origin;
  return app.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try {
      return new URL(u).origin !== own;
    } catch {
      return true;
    }
  });
}

export function expectOnlyOwnOrigin(app: Pick<App, 'requests' | 'baseUrl'>): void {
  expect(foreignRequests(app), 'requests to another origin').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Locators

/** A CSS attribute selector with the value quoted safely (sheet names may hold spaces, quotes, CJK). */
export function attr(name: string, value: string): string {
  return `[${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"]`;
}

export const byTestId = (page: Page, id: string): Locator => page.locator(attr('data-testid', id)).first();
export const cell = (page: Page, ref: string): Locator => page.locator(attr('data-cell', ref)).first();
export const sheetTab = (page: Page, name: string): Locator => page.locator(attr('data-sheet-tab', name)).first();
export const templateCard = (page: Page, id: string): Locator => page.locator(attr('data-template', id)).first();
export const nameBox = (page: Page): Locator => byTestId(page, 'name-box');
export const formulaBar = (page: Page): Locator => byTestId(page, 'formula-bar');

// ---------------------------------------------------------------------------------------------
// Waiting on the app's own state

/** Waits until the element with `data-testid=testId` reads `text` (trimmed). */
export async function waitForStatus(page: Page, testId: string, text: string, timeout = STATE_TIMEOUT_MS): Promise<void> {
  // Let a just-dispatched command reach the app (one frame) so we do not read the previous `ready`.
  await nextFrame(page);
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
      [attr('data-testid', testId), text] as const,
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    const now = await page
      .locator(attr('data-testid', testId))
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => '(no such element)');
    throw new Error(`waited ${timeout} ms for [data-testid="${testId}"] to read "${text}"; it reads ${JSON.stringify(now)}`, { cause: e });
  }
}

/** Every value on screen is current. */
export const waitReady = (page: Page, timeout?: number) => waitForStatus(page, 'engine-status', 'ready', timeout);

/** The last edit is durable in IndexedDB. */
export const waitSaved = (page: Page, timeout?: number) => waitForStatus(page, 'save-status', 'saved', timeout);

/** Resolves after the page has rendered one more frame. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
}

// ---------------------------------------------------------------------------------------------
// Home page and gallery

export async function expectGallery(page: Page): Promise<void> {
  await templateCard(page, 'blank').waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
}

/** Creates a notebook from a gallery template (`blank`, `annual-plan`, …) and waits until it is computed. */
export async function newNotebookFromGallery(page: Page, id: string): Promise<void> {
  await templateCard(page, id).click();
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
  await waitReady(page);
}

export async function goHome(page: Page): Promise<void> {
  await byTestId(page, 'home').click();
  await expectGallery(page);
}

/** Imports a file through the home page's file input and waits until the opened notebook is computed. */
export async function importFile(page: Page, file: string | { name: string; mimeType?: string; buffer: Buffer }): Promise<void> {
  const input = page.locator(attr('data-testid', 'import-file')).first();
  await input.setInputFiles(typeof file === 'string' ? file : { mimeType: 'application/json', ...file });
  await page.locator('[data-sheet-tab]').first().waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
  await waitReady(page);
}

// ---------------------------------------------------------------------------------------------
// Sheets and cells

export async function openSheet(page: Page, name: string): Promise<void> {
  await sheetTab(page, name).click();
  await page.locator(`[data-cell^="${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}!"]`).first().waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
}

/** Selects a cell the way a user does: type its address into the name box and press Enter. */
export async function selectCell(page: Page, ref: string): Promise<void> {
  const box = nameBox(page);
  await box.fill(ref);
  await box.press('Enter');
  if (ref.includes('!')) await cell(page, ref).waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
}

/** Types `text` (a value or a `=formula`) into a cell through the formula bar and waits until it is computed. */
export async function enterInCell(page: Page, ref: string, text: string): Promise<void> {
  await selectCell(page, ref);
  const bar = formulaBar(page);
  await bar.fill(text);
  await bar.press('Enter');
  await waitReady(page);
}

/** The raw content the formula bar shows for the selected cell. */
export async function formulaBarText(page: Page): Promise<string> {
  return formulaBar(page).inputValue();
}

/** Makes sure the cell is rendered (scrolling it into view through the name box if needed). */
async function renderedCell(page: Page, ref: string): Promise<Locator> {
  const loc = cell(page, ref);
  if ((await loc.count()) === 0) await selectCell(page, ref);
  await loc.waitFor({ state: 'attached', timeout: STATE_TIMEOUT_MS });
  return loc;
}

/** A cell's `data-value`: the raw computed value (`42`, `text`, `TRUE`, `#DIV/0!`; empty for an empty cell). */
export async function cellValue(page: Page, ref: string): Promise<string> {
  return (await (await renderedCell(page, ref)).getAttribute('data-value')) ?? '';
}

/** A cell's formatted text, as the user sees it. */
export async function cellText(page: Page, ref: string): Promise<string> {
  return ((await (await renderedCell(page, ref)).textContent()) ?? '').trim();
}

/** Waits until a cell's `data-value` reads `expected` (the cell must be rendered or reachable through the name box). */
export async function waitForCellValue(page: Page, ref: string, expected: string, timeout = STATE_TIMEOUT_MS): Promise<void> {
  await renderedCell(page, ref);
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.getAttribute('data-value') === want,
      [attr('data-cell', ref), expected] as const,
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    const now = await cell(page, ref).getAttribute('data-value', { timeout: 1000 }).catch(() => '(not rendered)');
    throw new Error(`waited ${timeout} ms for ${ref} to hold ${JSON.stringify(expected)}; it holds ${JSON.stringify(now)}`, { cause: e });
  }
}

/** Reloads the same URL and waits until the notebook is computed again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await waitReady(page);
}
