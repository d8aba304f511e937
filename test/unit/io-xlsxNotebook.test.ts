/**
 * An `.xlsx` that Opsbook exported reimports as the same notebook: scenarios, decision log,
 * layout (charts, saved what-if runs) and sheet ids come back from the hidden `_opsbook` sheet,
 * and cell edits made in Excel (exceljs here) or LibreOffice (a real `soffice` round trip) are kept.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../src/io/xlsxExport';
import { importXlsx } from '../../src/io/xlsxImport';
import { workshopSheets } from '../../src/io/workshopSheets';
import { newDecision } from '../../src/model/decisionLog';
import type { Notebook } from '../../src/model/notebook';
import { templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';

const work = mkdtempSync(join(tmpdir(), 'opsbook-xlsxnb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function workshopPlan(): Notebook {
  const nb = templateById('annual-plan')!.create();
  nb.title = 'Acme FY2026';
  nb.scenarios = [
    { id: 'sc_fixed', name: 'Fixed', overrides: { 'B_Target!C43': 0.1 }, basedOn: { 'B_Target!C43': 0.12 } },
    { id: 'sc_rel', name: 'Growth +2 pts', overrides: { 'B_Target!D43': 0.24 }, relative: { 'B_Target!D43': { add: 0.02 } } },
  ];
  nb.decisions = [newDecision({ kind: 'edit', target: 'E_Bonus!C6', driver: 'PO_THRESHOLD', old: 0.8, new: 0.78, note: '客户同意' })];
  nb.layout = { ...nb.layout, whatif: { goalSeek: { config: { input: 'B_Target!C43', output: 'TARGET_TOTAL', target: 21500 }, result: { status: 'solved', x: 0.2 }, at: 1, ms: 2 } } };
  nb.layout.items = nb.layout.items.map((it, i) => (i === 0 ? { ...it, hidden: true } : it));
  return nb;
}

async function exported(nb: Notebook): Promise<Uint8Array> {
  const engine = new EngineNotebook(nb);
  const values = engine.allValues();
  engine.destroy();
  return exportXlsx(nb, values, workshopSheets(nb));
}

function expectSameNotebook(back: Notebook, nb: Notebook): void {
  expect(back.title).toBe(nb.title);
  expect(back.scenarios).toEqual(nb.scenarios);
  expect(back.decisions).toEqual(nb.decisions);
  expect(back.layout).toEqual(nb.layout);
  expect(back.sheets.map((s) => [s.name, s.id])).toEqual(nb.sheets.map((s) => [s.name, s.id]));
}

describe('an exported .xlsx reimports as the same notebook', () => {
  it('carries scenarios, decisions, layout and sheet ids; the derived sheets and the part are not imported as sheets', async () => {
    const nb = workshopPlan();
    const r = await importXlsx(await exported(nb), { title: 'file name' });
    if (!r.ok) throw new Error(r.problem.detail);
    expectSameNotebook(r.notebook, nb);
    expect(r.report.sheets.map((s) => s.name)).toEqual(nb.sheets.map((s) => s.name));
    for (const s of nb.sheets) expect(r.notebook.sheets.find((x) => x.name === s.name)?.cells).toEqual(s.cells);
  });

  it('keeps a cell edited in Excel (exceljs) and the part survives the edit', async () => {
    const nb = workshopPlan();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(nb)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('_opsbook')?.state).toBe('veryHidden');
    wb.getWorksheet('B_Target')!.getCell('C43').value = 0.3;
    wb.getWorksheet('E_Bonus')!.getCell('C6').value = 0.75;
    const r = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.problem.detail);
    expectSameNotebook(r.notebook, nb);
    expect(r.notebook.sheets.find((s) => s.name === 'B_Target')?.cells.C43).toBe(0.3);
    expect(r.notebook.sheets.find((s) => s.name === 'E_Bonus')?.cells.C6).toBe(0.75);
  });

  it('survives a LibreOffice round trip (soffice --convert-to xlsx), with an edit made there kept', async () => {
    const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.error || probe.status !== 0) throw new Error('LibreOffice is not installed: run `apt-get install -y libreoffice-calc`');
    const nb = workshopPlan();
    // the edit: made in the file before LibreOffice opens and saves it
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(nb)) as unknown as ArrayBuffer);
    wb.getWorksheet('B_Target')!.getCell('C43').value = 0.3;
    const input = join(work, 'plan.xlsx');
    writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
    const outDir = join(work, 'out');
    const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input], { encoding: 'utf8', timeout: 180_000 });
    const bytes = (() => {
      try {
        return readFileSync(join(outDir, 'plan.xlsx'));
      } catch {
        throw new Error(`soffice produced no file (status ${run.status}): ${run.stderr || run.stdout}`);
      }
    })();
    const r = await importXlsx(new Uint8Array(bytes));
    if (!r.ok) throw new Error(r.problem.detail);
    expectSameNotebook(r.notebook, nb);
    expect(r.notebook.sheets.find((s) => s.name === 'B_Target')?.cells.C43).toBe(0.3);
  }, 240_000);

  it('a workbook without the part imports as before (its own sheets, the file name as title)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 5;
    const r = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { title: 'plain' });
    if (!r.ok) throw new Error(r.problem.detail);
    expect(r.notebook.title).toBe('plain');
    expect(r.notebook.sheets.map((s) => s.name)).toEqual(['Data']);
  });
});
