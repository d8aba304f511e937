/**
 * The exported .xlsx opens in LibreOffice with the same values: LibreOffice (headless) loads it
 * with recalculation forced, so every formula is computed by LibreOffice itself, and saves it
 * again as .xlsx; the results it cached are read back with our importer and compared with our
 * engine's values (and, for the annual plan, with the spec's expected values).
 *
 * Needs `soffice` (Debian: `apt-get install -y libreoffice-calc`); without it this test fails
 * with that instruction instead of being skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../src/io/xlsxExport';
import { importXlsx } from '../../src/io/xlsxImport';
import { isFormula } from '../../src/model/cell';
import { applyEdits } from '../../src/model/edit';
import type { CellValue } from '../../src/model/cell';
import type { Notebook } from '../../src/model/notebook';
import { EngineNotebook } from '../../workers/engineCore';
import { expectedValues, templateById, TEMPLATE_SHEET_NAMES } from '../../templates';
import { sameValue } from '../../scripts/compatCore';
import { samplePlan } from './ioFixtures';
import { generatePlan } from '../../templates/generators/plan';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { emptyPart, type SheetGenerator } from '../../templates/generators/types';
import { CDE, stubData, stubSheets } from './generators.ansoff.stubs';

/** A client plan at another shape: 7 regions, 5 lines (one new), 40 reps; A/B as constants where C/D/E read them. */
function clientPlan(): Notebook {
  const regions = ['东 E', '南 S', '西 W', '北 N', '中 C', '东北 NE', '西南 SW'];
  const shape: ClientShape = {
    ...SAMPLE_SHAPE,
    client: 'Acme',
    products: ['L1', 'L2', 'L3', 'L4', 'L5'].map((name, i) => ({ name, isNew: i === 4 })),
    regions,
    reps: Array.from({ length: 40 }, (_x, i) => ({ name: `R${i + 1}`, region: regions[i % 7], level: i % 3 ? '代表 Rep' : '高级代表 Senior Rep' })),
    history: undefined,
    potential: undefined,
    accounts: undefined,
  };
  const ab: SheetGenerator = {
    sheets: ['A_Market', 'B_Target'],
    generate(ctx) {
      const { sheets, names } = stubSheets(ctx.shape, stubData(ctx.shape, 3));
      const part = emptyPart();
      part.sheets.push(...sheets);
      part.names.push(...names);
      return part;
    },
  };
  return generatePlan(shape, {}, [ab, ...CDE]);
}

interface Case {
  name: string;
  notebook: () => Notebook;
  /** Values the spec fixes for some cells (sheet → A1 → value), checked against LibreOffice too. */
  expected?: () => Record<string, Readonly<Record<string, unknown>>>;
}

const CASES: Case[] = [
  { name: 'a client plan generated at another shape (C/D/E generators)', notebook: clientPlan },
  { name: 'a plan with cross-sheet formulas, names, text that looks like numbers and a link stub', notebook: samplePlan },
  {
    name: 'the annual plan',
    notebook: () => templateById('annual-plan')!.create({ locale: 'en' }),
    expected: () => Object.fromEntries(TEMPLATE_SHEET_NAMES.map((s) => [s, expectedValues(s)])),
  },
  {
    // A fifth region and a sixth product line: rows and columns inserted (and one deleted) as a user does, every sheet following.
    name: 'the annual plan after rows and columns were inserted and deleted',
    notebook: () => {
      const nb = templateById('annual-plan')!.create({ locale: 'en' });
      applyEdits(nb, [
        { type: 'insertRows', sheet: 'B_Target', at: 34, count: 3 },
        { type: 'setCells', sheet: 'B_Target', writes: [{ addr: 'C35', raw: 500 }, { addr: 'D35', raw: 200 }, { addr: 'C36', raw: 300 }] },
        { type: 'deleteRows', sheet: 'B_Target', at: 36, count: 1 },
        { type: 'insertColumns', sheet: 'B_Target', at: 4, count: 1 },
        { type: 'setCells', sheet: 'B_Target', writes: [{ addr: 'E32', raw: 150 }] },
        { type: 'insertColumns', sheet: 'C_Ansoff', at: 2, count: 2 },
        { type: 'insertRows', sheet: 'E_Bonus', at: 20, count: 2 },
      ]);
      return nb;
    },
  },
];

const work = mkdtempSync(join(tmpdir(), 'opsbook-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A private LibreOffice profile whose only setting is "recalculate Excel and ODF files on load: always". */
function profileWithRecalcOnLoad(): string {
  const dir = join(work, 'profile');
  mkdirSync(join(dir, 'user'), { recursive: true });
  const always = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${always('OOXMLRecalcMode')}${always('ODFRecalcMode')}</oor:items>`,
  );
  return dir;
}

function requireSoffice(): void {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error('LibreOffice is not installed: run `apt-get install -y libreoffice-calc` (this test needs `soffice` and is never skipped)');
  }
}

/** LibreOffice opens `bytes` (recalculating everything) and saves it as .xlsx again. */
function throughLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  const input = join(work, `${name}.xlsx`);
  const outDir = join(work, `${name}-out`);
  writeFileSync(input, bytes);
  const run = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profileWithRecalcOnLoad()}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
    { encoding: 'utf8', timeout: 180_000 },
  );
  try {
    return readFileSync(join(outDir, `${name}.xlsx`));
  } catch {
    throw new Error(`soffice produced no file (status ${run.status}): ${run.stderr || run.stdout}`);
  }
}

function ourValues(nb: Notebook) {
  const engine = new EngineNotebook(nb);
  const values = engine.allValues();
  engine.destroy();
  return values;
}

describe('xlsx export opened in LibreOffice', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s: same value in every formula cell', async (_name, c, i) => {
    requireSoffice();
    const nb = c.notebook();
    const values = ourValues(nb);
    // A wrong cached value in one cell proves LibreOffice recalculated instead of showing our cache.
    const decoy = nb.sheets.flatMap((s) => Object.keys(s.cells).filter((a) => isFormula(s.cells[a])).map((a) => [s.name, a] as const))[0];
    const exported = await exportXlsx(nb, { ...values, [decoy[0]]: { ...values[decoy[0]], [decoy[1]]: 987654321 } });

    const back = await importXlsx(throughLibreOffice(exported, `case${i}`));
    if (!back.ok) throw new Error(`${back.problem.code}: ${back.problem.detail}`);
    const lo = back.report.cachedValues;
    const mismatches: string[] = [];
    let compared = 0;
    for (const sheet of nb.sheets) {
      for (const [addr, raw] of Object.entries(sheet.cells)) {
        if (!isFormula(raw)) continue;
        compared++;
        const ours = values[sheet.name]?.[addr] ?? null;
        const theirs = lo[sheet.name]?.[addr] ?? null;
        if (!sameValue(ours, theirs)) mismatches.push(`${sheet.name}!${addr} ${raw}: ours ${JSON.stringify(ours)}, LibreOffice ${JSON.stringify(theirs)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(5);
    // The workbook names travel with the live formulas.
    expect(back.notebook.names.map((n) => n.name).sort()).toEqual(nb.names.map((n) => n.name).sort());

    for (const [sheet, cells] of Object.entries(c.expected?.() ?? {})) {
      for (const [addr, want] of Object.entries(cells)) {
        const got = lo[sheet]?.[addr] ?? null;
        if (!sameValue(got, want as CellValue)) mismatches.push(`${sheet}!${addr}: spec ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);
});
