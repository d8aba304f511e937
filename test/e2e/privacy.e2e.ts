/**
 * Privacy: a client's plan never leaves the machine. A whole working session — home, the annual
 * plan, edits, every sheet, a new sheet, a file export, home again — makes no request to any other
 * origin; the page's Content-Security-Policy allows nothing outside its origin, so even a script
 * that tried (fetch, image, script, WebSocket, beacon) is stopped before anything is sent; and the
 * engine worker is bound by the same policy, also on a static host that sends no policy header.
 *
 * "Another origin" is a real server on this machine (`localhost` on its own port, while the app is
 * served from `127.0.0.1`), so a request that got out would be counted there, not just guessed.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview } from 'vite';
import type { Browser, Page } from './harness';
import {
  byTestId, cellValue, enterInCell, expectGallery, expectNoPageErrors, expectOnlyOwnOrigin, foreignRequests, goHome,
  launchBrowser, newNotebookFromGallery, openApp, openSheet, watchPage, waitForCellValue, waitReady, waitSaved,
} from './harness';

let browser: Browser;
let elsewhere: Server;
/** Requests that reached the other origin: must stay empty. */
const arrived: string[] = [];
let elsewhereUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  elsewhere = createServer((req, res) => {
    arrived.push(`${req.method} ${req.url}`);
    // Answers as a willing host would, so that only the policy can stop a request.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url?.endsWith('.js')) res.setHeader('Content-Type', 'text/javascript');
    res.end(req.url?.endsWith('.js') ? 'export const leaked = true;' : 'leaked');
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => elsewhere?.close(r));
});

/** Console lines Chromium writes for requests the policy refused: the refusals we provoke on purpose. */
const isRefusal = (e: string) =>
  /Content Security Policy|Refused to|ERR_BLOCKED_BY_CSP|Fetch API cannot load|WebSocket connection to .* failed/.test(e);

/** `directive → sources` of a policy string. */
function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The engine worker of an open notebook. */
async function engineWorker(page: Page) {
  await expect.poll(() => page.workers().some((w) => /engine\.worker/.test(w.url()))).toBe(true);
  return page.workers().find((w) => /engine\.worker/.test(w.url()))!;
}

describe('privacy', () => {
  it('a whole working session never sends a request to another origin', async () => {
    const app = await openApp(browser, { viewport: { width: 1600, height: 900 }, firstVisit: true });
    const { page, context } = app;
    await expectGallery(page);
    await newNotebookFromGallery(page, 'annual-plan');

    // Edits, including text that looks like an address elsewhere and a link formula.
    await enterInCell(page, 'B_Target!C43', '20%');
    await enterInCell(page, 'A_Market!Z1', `${elsewhereUrl}collect?plan=secret`);
    await enterInCell(page, 'A_Market!Z2', `=HYPERLINK("${elsewhereUrl}click","open")`);
    await enterInCell(page, 'A_Market!Z3', '=B_Target!G45*2');
    expect(Number(await cellValue(page, 'A_Market!Z3'))).toBeGreaterThan(0);

    // Every sheet, and a new one.
    for (const name of ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus']) {
      await openSheet(page, name);
      await waitReady(page);
    }
    await byTestId(page, 'add-sheet').click();
    await expect.poll(() => page.locator('[data-sheet-tab]').count()).toBe(8); // the plan's seven and the new one
    await waitSaved(page);

    // The plan leaves as a file the user saves, not as a request.
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-opsbook').click()]);
    expect(download.suggestedFilename()).toMatch(/\.opsbook\.json$/);

    await goHome(page);
    await expect.poll(() => page.locator('[data-notebook]').count()).toBe(1);

    expect(app.requests.length, 'the session was recorded').toBeGreaterThan(3);
    expectOnlyOwnOrigin(app);
    expect(arrived, 'requests that reached another origin').toEqual([]);
    expectNoPageErrors(app.errors);
    await context.close();
  });

  it('the page has a policy that allows nothing outside its origin, and it stops a script that tries', async () => {
    const app = await openApp(browser);
    const { page, context } = app;
    const stopped = new Map<string, string>();
    context.on('requestfailed', (r) => stopped.set(r.url(), r.failure()?.errorText ?? ''));
    await expectGallery(page);

    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(policy, 'a Content-Security-Policy meta tag').not.toBeNull();
    const directives = parsePolicy(policy!);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    // No directive names a host, a scheme that reaches the network, or a wildcard.
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'blob:', 'data:']);
    for (const [name, sources] of directives) {
      for (const s of sources) expect(allowed.has(s), `${name} allows ${s}`).toBe(true);
    }
    expect(directives.get('script-src'), 'no inline script').not.toContain("'unsafe-inline'");

    const attempts = await page.evaluate(async (to) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const outcome: Record<string, string> = {};
      outcome.fetch = await fetch(`${to}fetch`).then(() => 'sent', () => 'refused');
      outcome.xhr = await new Promise<string>((resolve) => {
        const x = new XMLHttpRequest();
        x.open('GET', `${to}xhr`);
        x.onload = () => resolve('sent');
        x.onerror = () => resolve('refused');
        try { x.send(); } catch { resolve('refused'); }
      });
      // A beacon is queued before the policy is checked; its violation report says it was stopped.
      const beaconStopped = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => e.blockedURI.includes('/beacon') && resolve('refused')),
      );
      navigator.sendBeacon(`${to}beacon`, 'plan');
      outcome.beacon = await beaconStopped;
      outcome.image = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('sent');
        img.onerror = () => resolve('refused');
        img.src = `${to}image.png`;
      });
      outcome.script = await new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.onload = () => resolve('sent');
        s.onerror = () => resolve('refused');
        s.src = `${to}script.js`;
        document.head.append(s);
      });
      outcome.websocket = await new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(`${to.replace(/^http/, 'ws')}socket`);
          ws.onopen = () => resolve('sent');
          ws.onerror = () => resolve('refused');
        } catch {
          resolve('refused');
        }
      });
      return { outcome, violations };
    }, elsewhereUrl);

    expect(attempts.outcome).toEqual({
      fetch: 'refused', xhr: 'refused', beacon: 'refused', image: 'refused', script: 'refused', websocket: 'refused',
    });
    expect(attempts.violations.length, attempts.violations.join('\n')).toBeGreaterThanOrEqual(6);
    expect(attempts.violations.every((v) => v.includes(new URL(elsewhereUrl).host) || v.startsWith('connect-src'))).toBe(true);
    expect(arrived, 'requests that reached another origin').toEqual([]);
    // Chromium reports the attempts as requests that failed before being sent.
    const attempted = foreignRequests(app);
    expect(attempted.map((u) => `${u} ${stopped.get(u)}`), 'attempts not stopped by the policy').toEqual(
      attempted.map((u) => `${u} csp`),
    );
    expectNoPageErrors(app.errors.filter((e) => !isRefusal(e)));
    await context.close();
  });

  it('on a first visit to a host that sends no policy, no engine keeps running outside the policy', async () => {
    // The notebook opens at once, before the service worker takes control: its first engine's
    // script came without the policy. Once control arrives, that engine must be replaced.
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const host = await preview({
      root,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: process.env.OPSBOOK_DIST || 'dist' },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    const base = `http://127.0.0.1:${(host.httpServer.address() as AddressInfo).port}/`;
    const context = await browser.newContext();
    const errors: string[] = [];
    try {
      // The service worker's script is held until the notebook has computed, so control arrives
      // after the first engine started, whatever this machine's speed.
      let releaseWorker: () => void = () => {};
      const workerHeld = new Promise<void>((r) => { releaseWorker = r; });
      let heldScripts = 0;
      await context.route('**/sw.js', async (route) => { heldScripts++; await workerHeld; await route.continue(); });
      const page = await context.newPage();
      watchPage(page, errors);
      await page.goto(base, { waitUntil: 'load' });
      await newNotebookFromGallery(page, 'blank');
      await enterInCell(page, 'Sheet1!A1', '6');
      await enterInCell(page, 'Sheet1!A2', '=A1*7');
      await waitForCellValue(page, 'Sheet1!A2', '42');
      // The story this test tells: the notebook computed in an engine started before control.
      expect(await page.evaluate(() => (window as any).__opsbook.session.engine()?.underPolicy)).toBe(false);
      expect(heldScripts).toBeGreaterThan(0);
      releaseWorker();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
      // The open notebook's engine is now one whose script came through the service worker …
      await expect.poll(() => page.evaluate(() => (window as any).__opsbook.session.engine()?.underPolicy === true), { timeout: 20_000 }).toBe(true);
      await waitReady(page);
      await enterInCell(page, 'Sheet1!A1', '7');
      await waitForCellValue(page, 'Sheet1!A2', '49');
      // … and every engine worker still running refuses to reach another origin.
      await expect.poll(() => page.workers().filter((w) => /engine\.worker/.test(w.url())).length).toBeGreaterThan(0);
      for (const worker of page.workers().filter((w) => /engine\.worker/.test(w.url()))) {
        const tried = await worker.evaluate((to) => fetch(`${to}first-visit-engine`).then(() => 'sent', () => 'refused'), elsewhereUrl).catch(() => 'closed');
        expect(['refused', 'closed']).toContain(tried);
      }
      expect(arrived, 'requests that reached another origin').toEqual([]);
      expectNoPageErrors(errors.filter((e) => !isRefusal(e)));
    } finally {
      await context.close();
      await host.close();
    }
  });

  it('the engine worker is bound by the same policy, also on a static host that sends no policy header', async () => {
    // A plain static host: the built files and nothing else (no Content-Security-Policy header).
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const host = await preview({
      root,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: process.env.OPSBOOK_DIST || 'dist' },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    const base = `http://127.0.0.1:${(host.httpServer.address() as AddressInfo).port}/`;
    const context = await browser.newContext();
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      watchPage(page, errors);
      const index = await page.goto(base, { waitUntil: 'load' });
      expect(index?.headers()['content-security-policy'], 'this host sends no policy header').toBeUndefined();
      await expectGallery(page);
      // Once the service worker answers for the app, its answers carry the policy as a header.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
      await newNotebookFromGallery(page, 'blank');
      await enterInCell(page, 'Sheet1!A1', '6');
      await enterInCell(page, 'Sheet1!A2', '=A1*7');
      await waitForCellValue(page, 'Sheet1!A2', '42');

      const worker = await engineWorker(page);
      const tried = await worker.evaluate(async (to) => {
        const fetchResult = await fetch(`${to}from-engine-worker`).then(() => 'sent', () => 'refused');
        const xhrResult = await new Promise<string>((resolve) => {
          const x = new XMLHttpRequest();
          x.open('GET', `${to}xhr-from-engine-worker`);
          x.onload = () => resolve('sent');
          x.onerror = () => resolve('refused');
          try { x.send(); } catch { resolve('refused'); }
        });
        return { fetch: fetchResult, xhr: xhrResult };
      }, elsewhereUrl);
      expect(tried).toEqual({ fetch: 'refused', xhr: 'refused' });
      expect(arrived, 'requests that reached another origin').toEqual([]);
      expectNoPageErrors(errors.filter((e) => !isRefusal(e)));
    } finally {
      await context.close();
      await host.close();
    }
  });
});
