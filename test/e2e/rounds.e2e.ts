/**
 * A bottom-up round by file, as a consultant runs it: start a round for the sample plan's four
 * regions (a zip of four workbooks downloads), the recipients answer — one in Excel's place
 * (exceljs), one through LibreOffice headless — one file is tampered with and one claims another
 * round; import them all, see the board and the old → new preview, accept, see REGION_BU, the
 * negotiated and final targets follow, undo, and find the round again after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser } from './harness';
import { byTestId, cellValue, expectNoPageErrors, launchBrowser, newNotebookFromGallery, openApp, openSheet, reloadApp, waitForCellValue, waitReady, waitSaved } from './harness';

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'opsbook-rounds-'));
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function edited(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  edit(wb.getWorksheet('BU')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** LibreOffice opens the file and saves it as .xlsx again, as a recipient using it would. */
function throughLibreOffice(bytes: Uint8Array, name: string): Buffer {
  const input = join(work, `${name}.xlsx`);
  const outDir = join(work, `${name}-out`);
  mkdirSync(join(work, 'profile'), { recursive: true });
  writeFileSync(input, bytes);
  const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input], { encoding: 'utf8', timeout: 180_000 });
  try {
    return readFileSync(join(outDir, `${name}.xlsx`));
  } catch {
    throw new Error(`soffice produced no file (status ${run.status}): ${run.stderr || run.stdout}`);
  }
}

describe('bottom-up rounds', () => {
  it('sends four regions their files, merges the answers back, flags the bad ones, accepts and undoes', async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'bu-rounds-panel').click();
    await page.locator('[data-testid="bu-round-panel"] [data-field="due"]').fill('2099-01-15');
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'bu-round-start').click()]);
    expect(download.suggestedFilename()).toBe('bottom-up-round-1.zip');
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(4);
    const file = async (region: string) => zip.file(names.find((n) => n.includes(region))!)!.async('uint8array');

    const east = await edited(await file('East'), (ws) => {
      ws.getCell('E8').value = 4500; // P1
      ws.getCell('F8').value = '两家新医院 two new hospitals';
    });
    const t0 = Date.now();
    const south = throughLibreOffice(await edited(await file('South'), (ws) => void (ws.getCell('E10').value = 650)), 'south');
    console.log(`[rounds] LibreOffice round trip ${Date.now() - t0} ms`);
    const north = await edited(await file('North'), (ws) => void (ws.getCell('D8').value = 99999)); // a locked cell
    const west = Buffer.from(await file('West'));
    const otherRound = await edited(await file('West'), (ws) => void (ws.getCell('B6').value = 'round_from_elsewhere'));
    await byTestId(page, 'bu-round-import').setInputFiles([
      { name: 'east.xlsx', mimeType: 'application/octet-stream', buffer: east },
      { name: 'south.xlsx', mimeType: 'application/octet-stream', buffer: south },
      { name: 'north.xlsx', mimeType: 'application/octet-stream', buffer: north },
      { name: 'west.xlsx', mimeType: 'application/octet-stream', buffer: west },
      { name: 'other.xlsx', mimeType: 'application/octet-stream', buffer: otherRound },
    ]);
    const result = (f: string) => page.locator(`[data-answer-file="${f}"]`);
    await expect.poll(() => result('other.xlsx').getAttribute('data-ok')).toBe('false');
    expect(await result('east.xlsx').getAttribute('data-ok')).toBe('true');
    expect(await result('south.xlsx').getAttribute('data-ok')).toBe('true');
    expect(await result('west.xlsx').getAttribute('data-ok')).toBe('true');
    expect(await result('north.xlsx').getAttribute('data-ok')).toBe('false');
    expect(await result('north.xlsx').textContent()).toMatch(/locked cell/);
    expect(await result('other.xlsx').textContent()).toMatch(/did not start/);

    const row = (r: string) => page.locator(`[data-testid="bu-round-board"] tr[data-recipient="${r}"]`);
    expect(await row('华东 East').getAttribute('data-status')).toBe('answered');
    expect(await row('华北 North').getAttribute('data-status')).toBe('waiting');
    expect(await page.locator('[data-diff-of="华东 East"] [data-line="P1"]').textContent()).toMatch(/4,300.*→.*4,500/);
    expect(await page.locator('[data-diff-of="华东 East"]').textContent()).toMatch(/two new hospitals/);
    // West answered −11.1 % against its top-down: beyond the ±10 % band.
    expect(await row('西部 West').locator('[data-deviation]').textContent()).toMatch(/−11\.1 %.*⚠/);

    await openSheet(page, 'B_Target');
    const finalBefore = await cellValue(page, 'B_Target!G88');
    await byTestId(page, 'bu-round-accept').click();
    await waitForCellValue(page, 'B_Target!C70', '4500');
    await waitForCellValue(page, 'B_Target!E71', '650');
    await waitReady(page);
    expect(await cellValue(page, 'B_Target!G88')).not.toBe(finalBefore);
    expect(Number(await cellValue(page, 'B_Target!G92'))).toBeCloseTo(Number(await cellValue(page, 'B_Target!G45')), 6);
    expect(await row('华东 East').getAttribute('data-status')).toBe('accepted');
    const log = await page.evaluate(() => (window as any).__opsbook.session.plain().decisions.filter((d: { kind: string }) => d.kind === 'round').map((d: { note: string }) => d.note));
    expect(log).toEqual(expect.arrayContaining([expect.stringMatching(/^round 1 · 华东 East answered · Δ [+−]\d+\.\d %$/)]));
    expect(log).toHaveLength(3);

    // One undo takes the whole acceptance back.
    await byTestId(page, 'undo').click();
    await waitForCellValue(page, 'B_Target!C70', '4300');
    await waitForCellValue(page, 'B_Target!E71', '700');
    expect(await cellValue(page, 'B_Target!G88')).toBe(finalBefore);
    expect(await row('华东 East').getAttribute('data-status')).toBe('answered');

    await waitSaved(page);
    await reloadApp(page);
    await byTestId(page, 'bu-rounds-panel').click();
    expect(await row('华南 South').getAttribute('data-status')).toBe('answered');
    expect(await row('华北 North').getAttribute('data-status')).toBe('waiting');
    expectNoPageErrors(errors);
    await context.close();
  }, 240_000); // LibreOffice's first start with a fresh profile takes a while
});
