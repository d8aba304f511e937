/**
 * Every edit reaches the disk. A browser killed (SIGKILL, no unload events) during a continuous
 * stream of edits — one every 100 ms for 5 s — loses at most a second of them; and the home page
 * and an open editor tab never overwrite each other: a rename on home is kept by the tab's next
 * save, and a notebook deleted on home does not come back after the tab's next edit.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import {
  baseUrl, byTestId, CHROMIUM_ARGS, CHROMIUM_PATH, enterInCell, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, waitForStatus, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** The Chromium this test process started for profile `dir` (its child, with that profile on its command line). */
function browserPid(dir: string): number {
  const rows = execSync('ps -eo pid=,ppid=,args=').toString().split('\n');
  for (const row of rows) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row);
    if (m && Number(m[2]) === process.pid && m[3].includes(dir)) return Number(m[1]);
  }
  return 0;
}

const launchProfile = (dir: string) => chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

describe('edits reach the disk', () => {
  it('a browser killed during a stream of edits loses at most a second of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsbook-kill-'));
    try {
      let context = await launchProfile(dir);
      let page = context.pages()[0] ?? (await context.newPage());
      await page.goto(baseUrl(), { waitUntil: 'load' });
      await newNotebookFromGallery(page, 'blank');
      await enterInCell(page, 'Sheet1!A1', '0');
      await waitSaved(page);
      const url = page.url();
      // The page edits A1 to 1, 2, 3, … every 100 ms, through the session as typing would.
      await page.evaluate(() => {
        const w = window as unknown as { __opsbook: { session: { edit(c: unknown[]): boolean } }; __edits: number };
        w.__edits = 0;
        setInterval(() => {
          w.__edits++;
          w.__opsbook.session.edit([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A1', raw: w.__edits }] }]);
        }, 100);
      });
      await page.waitForFunction(() => (window as unknown as { __edits: number }).__edits >= 50, undefined, { timeout: 30_000, polling: 100 });
      const made = await page.evaluate(() => (window as unknown as { __edits: number }).__edits);
      // Kill the browser outright: no pagehide, no beforeunload, no last write.
      const pid = browserPid(dir);
      expect(pid, 'the browser process of this profile').toBeGreaterThan(0);
      process.kill(pid, 'SIGKILL');
      await context.close().catch(() => {});
      context = await launchProfile(dir);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url, { waitUntil: 'load' });
      await waitReady(page);
      const stored = Number(await page.locator('[data-cell="Sheet1!A1"]').getAttribute('data-value'));
      const lost = made - stored;
      // Edits come every 100 ms: at most ten of them (a second) plus the one in flight are lost.
      expect(stored).toBeGreaterThan(0);
      expect(lost, `made ${made} edits, ${stored} reached the disk`).toBeLessThanOrEqual(11);
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rename on home survives the open tab\'s next save; a deletion on home is not undone by it', async () => {
    const app = await openApp(browser);
    const editor = app.page;
    await newNotebookFromGallery(editor, 'blank');
    await enterInCell(editor, 'Sheet1!A1', '1');
    await waitSaved(editor);
    const id = await editor.locator('[data-notebook-id]').getAttribute('data-notebook-id');
    const home = await app.context.newPage();
    await home.goto(app.baseUrl, { waitUntil: 'load' });
    const row = home.locator(`[data-notebook="${id}"]`);
    await row.locator('[data-action="rename"]').click();
    await home.locator('[data-testid="dialog-input"]').fill('Renamed on home');
    await home.locator('[data-testid="dialog-ok"]').click();
    await expect.poll(() => row.locator('.nb-title').textContent()).toBe('Renamed on home');
    await enterInCell(editor, 'Sheet1!A1', '2');
    await waitSaved(editor);
    await home.reload({ waitUntil: 'load' });
    await expect.poll(() => row.locator('.nb-title').textContent()).toBe('Renamed on home');
    // Delete on home; the tab's next edit must not bring it back.
    await row.locator('[data-action="delete"]').click();
    await home.locator('[data-testid="dialog-ok"]').click();
    await expect.poll(() => row.count()).toBe(0);
    await enterInCell(editor, 'Sheet1!A1', '3');
    await waitForStatus(editor, 'save-status', 'gone');
    await home.reload({ waitUntil: 'load' });
    await byTestId(home, 'home-page').waitFor();
    expect(await home.locator(`[data-notebook="${id}"]`).count()).toBe(0);
    expectNoPageErrors(app.errors);
    await app.context.close();
  });
});
