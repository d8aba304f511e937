/**
 * Offline: a consultant opens Opsbook once, then works on a plane. After the first visit the
 * service worker holds every file of the app — the page, its chunks, the template chunk that
 * loads on a gallery click and the engine worker — so with the network off the app reloads,
 * creates a notebook from the gallery, computes, saves, and reloads again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from './harness';
import type { Browser } from './harness';
import {
  cellValue, enterInCell, expectGallery, expectNoPageErrors, formulaBarText, launchBrowser, newNotebookFromGallery,
  openApp, reloadApp, selectCell, waitForCellValue, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Waits until the service worker is active and controls the page; answers what it precached. */
async function waitForOfflineCopy(page: Page): Promise<{ cacheNames: string[]; files: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    const scope = reg.scope;
    const cacheNames = await caches.keys();
    const files: string[] = [];
    let bytes = 0;
    for (const name of cacheNames) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        files.push(req.url.slice(scope.length));
        const res = await cache.match(req);
        bytes += res ? (await res.arrayBuffer()).byteLength : 0;
      }
    }
    return { cacheNames, files: files.sort(), bytes };
  });
}

describe('offline', () => {
  it('after the first visit, reloads, creates a notebook from the gallery and computes with no network', async () => {
    const app = await openApp(browser);
    const { page, context } = app;
    await expectGallery(page);

    const copy = await waitForOfflineCopy(page);
    expect(copy.cacheNames).toHaveLength(1);
    expect(copy.cacheNames[0]).toMatch(/^opsbook-precache-[0-9a-f]{16}$/);
    expect(copy.files).toContain('index.html');
    expect(copy.files.some((f) => /^assets\/engine\.worker-.*\.js$/.test(f)), 'the engine worker is precached').toBe(true);
    expect(copy.files.some((f) => /^assets\/templates-.*\.js$/.test(f)), 'the lazy template chunk is precached').toBe(true);
    expect(copy.files.some((f) => f.endsWith('.css'))).toBe(true);
    console.log(`[offline] precached ${copy.files.length} files, ${(copy.bytes / 1024).toFixed(0)} KiB: ${copy.files.join(', ')}`);

    await context.setOffline(true);
    expect(
      await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then(() => 'answered', () => 'failed')),
      'the network is really off',
    ).toBe('failed');

    const fromNetwork: string[] = [];
    page.on('response', (res) => {
      if (!res.fromServiceWorker() && !res.url().startsWith('data:') && !res.url().startsWith('blob:')) fromNetwork.push(res.url());
    });
    await page.reload({ waitUntil: 'load' });
    await expectGallery(page);
    await newNotebookFromGallery(page, 'blank');
    await enterInCell(page, 'Sheet1!A1', '2');
    await enterInCell(page, 'Sheet1!B1', '=A1*21');
    await waitForCellValue(page, 'Sheet1!B1', '42');
    await waitSaved(page);
    const blankAddress = page.url();

    // A bigger template: its sheets come from the lazy chunk, its values from the offline engine.
    await page.goto(app.baseUrl, { waitUntil: 'load' });
    await newNotebookFromGallery(page, 'annual-plan');
    expect(await page.locator('[data-sheet-tab]').count()).toBeGreaterThan(1);

    // And the notebook made offline is still there after another offline reload.
    await page.goto(blankAddress);
    await reloadApp(page);
    expect(await cellValue(page, 'Sheet1!B1')).toBe('42');
    await selectCell(page, 'Sheet1!B1');
    expect(await formulaBarText(page)).toBe('=A1*21');

    expect(fromNetwork, 'responses that did not come from the service worker while offline').toEqual([]);
    // The one failure we caused on purpose, to prove the network was off.
    expectNoPageErrors(app.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED .*not-cached-/.test(e)));
    await context.close();
  });
});
