/**
 * Home: the notebook list (open, rename, duplicate, delete with confirmation), and notebooks as
 * files — saved through the download button, opened again through the file input as a new
 * notebook; a damaged file is refused with a message and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './harness';
import {
  byTestId, cellValue, enterInCell, expectNoPageErrors, goHome, importFile, launchBrowser, newNotebookFromGallery,
  openApp, waitReady, waitSaved,
} from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('home page', () => {
  it('lists notebooks and renames, duplicates and deletes them (deleting asks first)', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'blank');
    await byTestId(page, 'notebook-title').fill('Q3 plan');
    await byTestId(page, 'notebook-title').press('Enter');
    await enterInCell(page, 'Sheet1!A1', '7');
    await waitSaved(page);
    await goHome(page);
    const rows = page.locator('[data-notebook]');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().locator('.nb-title').textContent()).toBe('Q3 plan');

    await rows.first().locator('[data-action="rename"]').click();
    await page.locator('[data-testid="dialog-input"]').fill('Q4 plan');
    await page.locator('[data-testid="dialog-ok"]').click();
    await expect.poll(() => rows.first().locator('.nb-title').textContent()).toBe('Q4 plan');

    await rows.first().locator('[data-action="duplicate"]').click();
    await expect.poll(() => rows.count()).toBe(2);
    const titles = await rows.locator('.nb-title').allTextContents();
    expect(titles.sort()).toEqual(['Q4 plan', 'Q4 plan (copy)']);

    // Cancel keeps it; OK deletes it.
    await rows.first().locator('[data-action="delete"]').click();
    await page.locator('[data-testid="dialog-cancel"]').click();
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().locator('[data-action="delete"]').click();
    await page.locator('[data-testid="dialog-ok"]').click();
    await expect.poll(() => rows.count()).toBe(1);

    // The copy opens with its own contents.
    await rows.first().locator('.nb-title').click();
    await waitReady(page);
    expect(await cellValue(page, 'Sheet1!A1')).toBe('7');
    expectNoPageErrors(errors);
    await context.close();
  });

  it('saves a notebook as .opsbook.json and opens the file again as a new notebook', async () => {
    const { page, errors, context } = await openApp(browser);
    await newNotebookFromGallery(page, 'blank');
    await enterInCell(page, 'Sheet1!A1', '12');
    await enterInCell(page, 'Sheet1!B1', '=A1*A1');
    await enterInCell(page, 'Sheet1!C1', '<script>alert(1)</script>');
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-opsbook').click()]);
    expect(download.suggestedFilename()).toMatch(/\.opsbook\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(text);
    expect(file.format).toBe('opsbook');
    expect(file.notebook.sheets[0].cells).toEqual({ A1: 12, B1: '=A1*A1', C1: '<script>alert(1)</script>' });
    const firstId = file.notebook.id;

    await goHome(page);
    await importFile(page, { name: 'plan.opsbook.json', buffer: Buffer.from(text) });
    expect(await cellValue(page, 'Sheet1!B1')).toBe('144');
    expect(await cellValue(page, 'Sheet1!C1')).toBe('<script>alert(1)</script>');
    expect(page.url()).not.toContain(firstId); // a new notebook, the original is untouched
    await goHome(page);
    await expect.poll(() => page.locator('[data-notebook]').count()).toBe(2);
    expectNoPageErrors(errors);
    await context.close();
  });

  it('refuses damaged or foreign files with a clear message and keeps everything', async () => {
    const { page, errors, context } = await openApp(browser);
    const input = page.locator('[data-testid="import-file"]');
    await input.setInputFiles({ name: 'cut.opsbook.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"opsbook","vers') });
    await expect.poll(() => byTestId(page, 'notice').textContent()).toMatch(/not valid JSON/);
    await input.setInputFiles({ name: 'future.opsbook.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'opsbook', version: 99, notebook: {} })) });
    await expect.poll(() => byTestId(page, 'notice').textContent()).toMatch(/newer Opsbook/);
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => byTestId(page, 'notice').textContent()).toMatch(/notes\.txt/);
    await expect.poll(() => page.locator('[data-notebook]').count()).toBe(0);
    expect(page.url()).not.toContain('#/nb/');
    expectNoPageErrors(errors);
    await context.close();
  });
});
