/**
 * A bottom-up round by file, as a consultant runs it: start a round for the sample plan's four
 * regions (a zip of four workbooks downloads), the recipients answer — one in Excel's place
 * (exceljs), one through LibreOffice headless — one file is tampered with and one claims another
 * round; import them all, see the board and the old → new preview, accept, see REGION_BU, the
 * negotiated and final targets follow, undo, and find the round again after a reload. Then a
 * round nested a level down: the reps of one region answer their quotas, sent back as one zip.
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

  it("runs a region's rep round: one file per rep, the answers back as one zip, accepted into REP_BU, undone", async () => {
    const { page, errors, context } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await newNotebookFromGallery(page, 'annual-plan');
    await byTestId(page, 'bu-rounds-panel').click();
    const panel = page.locator('[data-testid="bu-round-panel"]');
    await panel.locator('input[data-level="rep"]').check();
    await panel.locator('[data-field="rep-region"]').selectOption('华东 East');
    expect(await panel.locator('[data-recipient-pick]').evaluateAll((els) => els.map((e) => e.getAttribute('data-recipient-pick')))).toEqual(['E01', 'E02', 'E03']);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'bu-round-start').click()]);
    expect(download.suggestedFilename()).toBe('bottom-up-round-1-华东_East.zip');
    const sent = await JSZip.loadAsync(await readFile((await download.path())!));
    const names = Object.keys(sent.files).sort();
    expect(names).toEqual(['E01', 'E02', 'E03'].map((r) => `bottom-up-round-1-${r}.xlsx`));
    const file = (i: number) => sent.file(names[i])!.async('uint8array');
    // Each rep's file: their quota as the one line, their own region, no other rep.
    const wb = new ExcelJS.Workbook();
    const first = await file(0);
    await wb.xlsx.load(first.buffer.slice(first.byteOffset, first.byteOffset + first.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('BU')!;
    expect(ws.getCell('B2').value).toBe('E01');
    expect(ws.getCell('E2').value).toBe('华东 East');
    expect(String(ws.getCell('A7').value)).toMatch(/^(Measure|指标)$/);
    expect(String(ws.getCell('A9').value)).toMatch(/^(Total|合计)$/); // one line, then the total
    await openSheet(page, 'B_Target');
    expect(Number(ws.getCell('D8').value)).toBeCloseTo(Number(await cellValue(page, 'B_Target!J97')), 6);

    // The answers come back in one zip: two filled in, one with its quota changed.
    const back = new JSZip();
    back.file(names[0], await edited(await file(0), (w) => void (w.getCell('E8').value = 3500)));
    back.file(names[1], await edited(await file(1), (w) => void (w.getCell('E8').value = 2000)));
    back.file(names[2], await edited(await file(2), (w) => void (w.getCell('D8').value = 1)));
    await byTestId(page, 'bu-round-import').setInputFiles([{ name: 'answers.zip', mimeType: 'application/zip', buffer: Buffer.from(await back.generateAsync({ type: 'uint8array' })) }]);
    const result = (r: string) => page.locator(`[data-answer-file="answers.zip/bottom-up-round-1-${r}.xlsx"]`);
    await expect.poll(() => result('E03').getAttribute('data-ok')).toBe('false');
    expect(await result('E01').getAttribute('data-ok')).toBe('true');
    expect(await result('E02').getAttribute('data-ok')).toBe('true');
    expect(await result('E03').textContent()).toMatch(/locked cell/);
    const board = page.locator('[data-testid="bu-round-board"][data-level="rep"]');
    expect(await board.locator('h4').textContent()).toMatch(/reps of 华东 East/);
    expect(await board.locator('tr[data-recipient="E01"]').getAttribute('data-status')).toBe('answered');
    expect(await board.locator('tr[data-recipient="E03"]').getAttribute('data-status')).toBe('waiting');

    await board.locator('[data-testid="bu-round-accept"]').click();
    await waitForCellValue(page, 'B_Target!M97', '3500');
    await waitForCellValue(page, 'B_Target!M98', '2000');
    await waitForCellValue(page, 'B_Target!I114', '5500');
    expect(Number(await cellValue(page, 'B_Target!N97'))).toBeCloseTo(3500 / Number(await cellValue(page, 'B_Target!J97')) - 1, 6);
    expect(await cellValue(page, 'B_Target!C70')).toBe('4300'); // the region's own bottom-up is untouched
    const log = await page.evaluate(() => (window as any).__opsbook.session.plain().decisions.filter((d: { kind: string }) => d.kind === 'round').map((d: { note: string }) => d.note));
    expect(log).toEqual([expect.stringMatching(/^round 1 \(华东 East\) · E01 answered · Δ [+−]\d+\.\d %$/), expect.stringMatching(/· E02 answered/)]);

    await byTestId(page, 'undo').click();
    await waitForCellValue(page, 'B_Target!M97', '');
    await waitForCellValue(page, 'B_Target!I114', '0');
    await waitSaved(page);
    await reloadApp(page);
    await byTestId(page, 'bu-rounds-panel').click();
    expect(await page.locator('[data-testid="bu-round-board"][data-level="rep"] tr[data-recipient="E02"]').getAttribute('data-status')).toBe('answered');
    expectNoPageErrors(errors);
    await context.close();
  }, 120_000);
});
