/**
 * The gallery built with the real engine: every template computes the spec's expected values, the
 * annual plan's sheets are linked live, single templates run on link stubs, and inserting another
 * template replaces its stub so the links go live.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellValue, RawContent } from '../../src/model/cell';
import { isCellError, isFormula } from '../../src/model/cell';
import type { EditCommand } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import { readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import type { Notebook, Sheet } from '../../src/model/notebook';
import { emptyNotebook, findSheet } from '../../src/model/notebook';
import { cellMeaning, externalNeeds, insertTemplateCommands, replacedStubValues, sampleValue, templateById, TEMPLATES } from '../../templates';
import type { TemplateSheetName } from '../../templates/catalog';
import { PLAN_NAMES, TEMPLATE_SHEET_NAMES } from '../../templates/catalog';
import { stubLabelAddrs } from '../../templates/linkStubs';
import { LIST_NAME_IDS } from '../../templates/generators/listNames';
import { EngineNotebook } from '../../workers/engineCore';

type SpecCell = { value: string | number } | { formula: string; expected: string | number };
interface Spec {
  names: Record<string, string>;
  sheets: Record<string, Record<string, SpecCell>>;
}
const spec: Spec = JSON.parse(readFileSync(new URL('../../../shared/spec/workbook.json', import.meta.url), 'utf8'));

/** The spec's value of a cell: an input's value or a formula's expected value. */
function specValue(sheet: string, addr: string): string | number {
  const cell = spec.sheets[sheet][addr];
  return 'formula' in cell ? cell.expected : cell.value;
}
const specNumber = (sheet: string, addr: string) => specValue(sheet, addr) as number;

function create(id: string): Notebook {
  const entry = templateById(id);
  if (!entry) throw new Error(`no template ${id}`);
  return entry.create();
}

function close(actual: CellValue | undefined, expected: string | number): boolean {
  if (typeof expected === 'string') return actual === expected;
  if (typeof actual !== 'number') return false;
  if (Math.abs(expected) < 1e-9) return Math.abs(actual) <= 1e-9;
  return Math.abs(actual - expected) <= 1e-6 * Math.abs(expected);
}

/** The hand computations below start from the spec's rounded values (≈11 digits), hence relative. */
function expectNear(actual: CellValue | undefined, want: number, rel = 1e-9): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - want), `${String(actual)} vs ${want}`).toBeLessThanOrEqual(rel * Math.abs(want));
}

/** Formula cells of `sheets` whose engine value differs from the spec's expected value. */
function mismatches(engine: EngineNotebook, sheets: string[]): string[] {
  const out: string[] = [];
  for (const sheet of sheets) {
    for (const [addr, cell] of Object.entries(spec.sheets[sheet])) {
      if (!('formula' in cell)) continue;
      const actual = engine.value(sheet, addr);
      if (!close(actual, cell.expected)) out.push(`${sheet}!${addr}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(cell.expected)}`);
    }
  }
  return out;
}

function errorCells(engine: EngineNotebook): string[] {
  const out: string[] = [];
  for (const [sheet, cells] of Object.entries(engine.allValues())) {
    for (const [addr, v] of Object.entries(cells)) if (isCellError(v)) out.push(`${sheet}!${addr}: ${v.error}`);
  }
  return out;
}

/** Applies commands to the document and to its engine, as the app does. */
function applyBoth(nb: Notebook, engine: EngineNotebook, commands: EditCommand[]): void {
  applyEdits(nb, commands);
  const r = engine.apply(commands);
  if (!r.ok) throw new Error(r.error.message);
}

const setCell = (sheet: string, addr: string, raw: RawContent): EditCommand => ({ type: 'setCells', sheet, writes: [{ addr, raw }] });

function insert(nb: Notebook, id: string): EditCommand[] {
  const r = insertTemplateCommands(nb, id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const SINGLE_SHEET: Record<string, string> = {
  'market-model': 'A_Market',
  'six-step-targets': 'B_Target',
  'ansoff-grid': 'C_Ansoff',
  'expense-structure': 'D_Expense',
  'bonus-plan': 'E_Bonus',
};
/** The annual plan's sheets: the spec's five, then the staffing plan (issue 16) and the months (issue 17). */
const PLAN_SHEETS = [...Object.keys(spec.sheets), 'F_Staffing', 'G_Monthly'];
/** The staffing plan's and the monthly tracking's names, after the spec's and the list names. */
const STAFFING_NAMES = PLAN_NAMES.slice(19 + LIST_NAME_IDS.length).map((n) => n.name);

describe('template gallery', () => {
  it('lists the nine entries of the automation contract, each with zh/en title and description', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blank', 'annual-plan', 'market-model', 'six-step-targets', 'ansoff-grid', 'expense-structure', 'bonus-plan', 'staffing-plan', 'monthly-tracking']);
    for (const t of TEMPLATES) {
      for (const text of [t.title.zh, t.title.en, t.description.zh, t.description.en]) expect(text.length, t.id).toBeGreaterThan(0);
    }
  });

  it('blank is one empty sheet named Sheet1 and no names', () => {
    const nb = create('blank');
    expect(nb.sheets.map((s) => [s.name, Object.keys(s.cells).length])).toEqual([['Sheet1', 0]]);
    expect(nb.names).toEqual([]);
  });

  it('annual-plan holds the five sheets and the staffing plan (none a stub), the 19 spec names, the list names and the staffing names', () => {
    const nb = create('annual-plan');
    expect(nb.sheets.map((s) => s.name)).toEqual(PLAN_SHEETS);
    for (const s of nb.sheets) {
      expect(s.stub, s.name).toBeFalsy();
      expect(s.template, s.name).toBe('annual-plan');
    }
    expect(nb.names.map((n) => [n.name, n.expression]).slice(0, 19)).toEqual(Object.entries(spec.names));
    expect(nb.names.map((n) => n.name).slice(19)).toEqual([...LIST_NAME_IDS, ...STAFFING_NAMES]);
    expect(STAFFING_NAMES).toEqual(expect.arrayContaining(['ATTRITION', 'PERSONNEL_COST', 'REGION_COST', 'CAPACITY_TOTAL', 'HIRE_COUNT']));
    expect(STAFFING_NAMES).toEqual(expect.arrayContaining(['SEASON', 'ACTUALS', 'CLOSED_MONTHS', 'MONTHLY_TARGET', 'YTD_TARGET', 'YTD_ACTUAL', 'ATTAINMENT_YTD', 'FY_FORECAST', 'FY_GAP']));
  });

  it('a single template holds its real sheet first, then stubs for the sheets it links to', () => {
    for (const [id, sheet] of Object.entries(SINGLE_SHEET)) {
      const nb = create(id);
      expect(nb.sheets[0].name, id).toBe(sheet);
      expect(nb.sheets[0].template, id).toBe(id);
      expect(nb.sheets[0].stub, id).toBeFalsy();
      for (const stub of nb.sheets.slice(1)) {
        expect(stub.stub, `${id}: ${stub.name}`).toBe(true);
        expect(stub.template, `${id}: ${stub.name}`).toBeUndefined();
      }
    }
  });

  it('titles the notebook in its locale', () => {
    expect(templateById('bonus-plan')!.create({ locale: 'en' })).toMatchObject({ title: 'Bonus plan', locale: 'en' });
    expect(templateById('bonus-plan')!.create()).toMatchObject({ title: '奖金计划', locale: 'zh-CN' });
  });

  it('annual-plan computes every expected value of the spec, with no error anywhere', () => {
    const engine = new EngineNotebook(create('annual-plan'));
    expect(mismatches(engine, Object.keys(spec.sheets))).toEqual([]);
    expect(errorCells(engine)).toEqual([]);
  });

  for (const [id, sheet] of Object.entries(SINGLE_SHEET)) {
    it(`${id} alone computes the spec's values of ${sheet} on its link stubs, with no error anywhere`, () => {
      const engine = new EngineNotebook(create(id));
      expect(mismatches(engine, [sheet])).toEqual([]);
      expect(errorCells(engine)).toEqual([]);
    });
  }

  it('every entry survives a save and reopen through the file format', () => {
    for (const t of TEMPLATES) {
      const nb = t.create();
      const back = readOpsbookText(serializeOpsbook(nb));
      expect(back.ok, t.id).toBe(true);
      if (back.ok) expect(back.notebook, t.id).toEqual(nb);
    }
  });
});

describe('annual plan links', () => {
  it('a new judgement growth for P1 (B_Target!C43) flows into the target, gap, expense envelope and bonus budget', () => {
    const nb = create('annual-plan');
    const engine = new EngineNotebook(nb);
    const growth = 0.2;
    const r = engine.apply([setCell('B_Target', 'C43', growth)]);
    expect(r.ok).toBe(true);

    // By hand from the spec's formulas: T_P1 = W_QUANT·C40 + (1−W_QUANT)·C36·(1+C43); C40 does not depend on C43.
    const wQuant = specNumber('B_Target', 'C5');
    const tP1 = wQuant * specNumber('B_Target', 'C40') + (1 - wQuant) * specNumber('B_Target', 'C36') * (1 + growth);
    const target = tP1 + specNumber('B_Target', 'D45') + specNumber('B_Target', 'E45') + specNumber('B_Target', 'F45');
    const bonusBudget = target * specNumber('E_Bonus', 'C4'); // C5 = TARGET_TOTAL × 1.5%
    const envelope = target * specNumber('D_Expense', 'C40'); // C41 = TARGET_TOTAL × 20%
    const gap = target - specNumber('B_Target', 'G36'); // C4 = TARGET_TOTAL − BASE_TOTAL
    const pool = envelope - specNumber('E_Bonus', 'C47') - bonusBudget - specNumber('C_Ansoff', 'K38'); // C45

    expect(target).not.toBeCloseTo(specNumber('B_Target', 'G45'), 0); // the edit does move the target
    expectNear(engine.value('B_Target', 'G45'), target);
    expectNear(engine.value('E_Bonus', 'C5'), bonusBudget);
    expectNear(engine.value('D_Expense', 'C41'), envelope);
    expectNear(engine.value('C_Ansoff', 'C4'), gap);
    expectNear(engine.value('D_Expense', 'C45'), pool);

    // The engine reports the linked cells among the changes of that one edit.
    const changed = new Map(r.ok ? r.value.map((c) => [`${c.sheet}!${c.addr}`, c.value]) : []);
    expectNear(changed.get('E_Bonus!C5'), bonusBudget);
    expectNear(changed.get('D_Expense!C41'), envelope);
    expectNear(changed.get('C_Ansoff!C4'), gap);
  });
});

/** A stub's inputs (what the template reads), without the label cells that say what they are. */
function inputsOf(stub: Sheet): Record<string, RawContent> {
  const labels = new Set(Object.keys(labelsOf(stub)));
  return Object.fromEntries(Object.entries(stub.cells).filter(([a]) => !labels.has(a)));
}
function labelsOf(stub: Sheet): Record<string, RawContent> {
  const name = stub.name as TemplateSheetName;
  const reads = externalNeeds(TEMPLATE_SHEET_NAMES.filter((n) => n !== name)).cells.get(name) ?? [];
  const labels = stubLabelAddrs(name, Object.keys(stub.cells).filter((a) => reads.includes(a)));
  return Object.fromEntries(labels.filter((a) => a in stub.cells).map((a) => [a, stub.cells[a]]));
}

describe('link stubs', () => {
  it('market-model stubs B_Target with exactly the FY2025 totals it reads, as sample inputs', () => {
    const nb = create('market-model');
    const stub = findSheet(nb, 'B_Target')!;
    expect(stub.stub).toBe(true);
    expect(inputsOf(stub)).toEqual({ C36: 10000, D36: 5500, E36: 2000 });
    // Each input says what it stands for: its row's labels and the sheet's title with its unit, as in the template.
    expect(labelsOf(stub)).toEqual({ A1: '市场目标制定六步骤 Six-step Target Setting（单位：万元）', A36: 'FY2025 合计', B36: 'FY2025 total R0' });
    expect(cellMeaning('B_Target', 'C36')).toEqual({ zh: 'FY2025 合计', en: 'FY2025 total R0', unit: '万元' });
    expect(nb.names.map((n) => n.name)).toEqual(['GOAL_REVENUE']); // defined on A_Market
  });

  it('bonus-plan stubs the rep table, region finals and TARGET_TOTAL target of B_Target, and nothing else', () => {
    const stub = findSheet(create('bonus-plan'), 'B_Target')!;
    const rows = (cols: string[], from: number, to: number) => cols.flatMap((c) => Array.from({ length: to - from + 1 }, (_, i) => `${c}${from + i}`));
    const want = [...rows(['B', 'C', 'J', 'K'], 97, 108), ...rows(['A', 'G'], 88, 91), 'G45'];
    expect(Object.keys(inputsOf(stub)).sort()).toEqual(want.sort());
    expect(stub.cells.B97).toBe('华东 East'); // a formula's expected text
    expect(stub.cells.A88).toBe('华东 East'); // an input label, read by MATCH
    expect(stub.cells.G45).toBe(specValue('B_Target', 'G45')); // reached through the name TARGET_TOTAL
  });

  it('a stub holds every cell of a range the template reads (SUMIF over C_Ansoff!C18:C37 …)', () => {
    const stub = findSheet(create('expense-structure'), 'C_Ansoff')!;
    for (const col of ['C', 'D', 'K']) {
      for (let row = 18; row <= 37; row++) expect(stub.cells[`${col}${row}`], `${col}${row}`).toBe(specValue('C_Ansoff', `${col}${row}`));
    }
    expect(stub.cells.K38).toBe(1070); // PROJECT_COST_TOTAL
    expect(Object.keys(inputsOf(stub))).toHaveLength(61);
  });

  it('stubs hold only plain sample values (no formula), formatted like the real cells', () => {
    for (const id of Object.keys(SINGLE_SHEET)) {
      for (const stub of create(id).sheets.filter((s) => s.stub)) {
        for (const [addr, raw] of Object.entries(stub.cells)) {
          expect(isFormula(raw), `${id}: ${stub.name}!${addr}`).toBe(false);
          expect(raw, `${id}: ${stub.name}!${addr}`).toBe(stub.name === 'F_Staffing' ? sampleValue('F_Staffing', addr) : specValue(stub.name, addr));
        }
      }
    }
    expect(findSheet(create('market-model'), 'B_Target')!.formats).toEqual({ C36: '#,##0.00', D36: '#,##0.00', E36: '#,##0.00' });
  });

  it('editing a stub input changes the template outputs', () => {
    const nb = create('market-model');
    const engine = new EngineNotebook(nb);
    applyBoth(nb, engine, [setCell('B_Target', 'C36', 11000)]);
    expect(engine.value('A_Market', 'C5')).toBe(11000);
    expect(engine.value('A_Market', 'F5')).toBe(18500);
    expect(engine.value('A_Market', 'C31')).toBeCloseTo(550, 9); // R0 × g = 11000 × 5%
  });
});

describe('inserting a template', () => {
  it('replaces the stub in place: six-step-targets + market-model makes B_Target!C39 follow A_Market', () => {
    const nb = create('six-step-targets');
    const engine = new EngineNotebook(nb);
    const stubId = findSheet(nb, 'A_Market')!.id;
    const tabs = nb.sheets.map((s) => s.name);

    const commands = insert(nb, 'market-model');
    expect(commands.map((c) => c.type)).toEqual(['replaceSheet']); // B_Target is real; GOAL_REVENUE is known
    applyBoth(nb, engine, commands);

    const aMarket = findSheet(nb, 'A_Market')!;
    expect(aMarket).toMatchObject({ id: stubId, template: 'market-model' });
    expect(aMarket.stub).toBeFalsy();
    expect(nb.sheets.map((s) => s.name)).toEqual(tabs);
    expect(engine.value('B_Target', 'C39')).toBe(11555);

    // Now live: P1 volume growth 5% → 10% adds R0·Δg = 500 to volume and M0·Δg·(s1−s0) = 5 to share gain.
    applyBoth(nb, engine, [setCell('A_Market', 'C14', 0.1)]);
    expect(engine.value('A_Market', 'C36')).toBeCloseTo(12060, 9);
    expect(engine.value('B_Target', 'C39')).toBeCloseTo(12060, 9);
    // The document and the engine agree: a fresh engine on the document gives the same.
    expect(new EngineNotebook(nb).value('B_Target', 'C39')).toBeCloseTo(12060, 9);
  });

  it('extends a stub the new sheet reads more of, keeping what the user typed into it', () => {
    const nb = create('bonus-plan');
    const engine = new EngineNotebook(nb);
    applyBoth(nb, engine, [setCell('B_Target', 'G45', 30000)]); // the stub's TARGET_TOTAL
    expect(engine.value('E_Bonus', 'C5')).toBeCloseTo(450, 9);

    const commands = insert(nb, 'expense-structure');
    expect(commands.filter((c) => c.type === 'replaceSheet').map((c) => c.type === 'replaceSheet' && c.sheet.name)).toEqual(['B_Target']);
    applyBoth(nb, engine, commands);

    const stub = findSheet(nb, 'B_Target')!;
    expect(stub.stub).toBe(true);
    expect(stub.cells.G45).toBe(30000);
    expect(stub.cells.C45).toBe(specValue('B_Target', 'C45')); // newly needed by D_Expense
    expect(engine.value('D_Expense', 'C41')).toBeCloseTo(6000, 9); // 30000 × 20%
    expect(nb.sheets.map((s) => `${s.name}${s.stub ? '*' : ''}`)).toEqual(['E_Bonus', 'D_Expense', 'B_Target*', 'A_Market*', 'C_Ansoff*', 'F_Staffing*']);
  });

  it('builds the annual plan piece by piece: no stubs left, all names, every expected value', () => {
    const nb = emptyNotebook('piecewise');
    const engine = new EngineNotebook(nb);
    for (const id of ['bonus-plan', 'expense-structure', 'ansoff-grid', 'six-step-targets', 'market-model', 'staffing-plan', 'monthly-tracking']) applyBoth(nb, engine, insert(nb, id));

    expect(nb.sheets.filter((s) => s.stub)).toEqual([]);
    expect(nb.names.map((n) => n.name).sort()).toEqual([...Object.keys(spec.names), ...LIST_NAME_IDS, ...STAFFING_NAMES].sort());
    expect(mismatches(engine, Object.keys(spec.sheets))).toEqual([]);
    expect(errorCells(engine)).toEqual([]);
    expect(mismatches(new EngineNotebook(nb), Object.keys(spec.sheets))).toEqual([]);
  });

  it('refuses a template whose real sheet is already there, and unknown or empty templates', () => {
    const nb = create('six-step-targets');
    expect(insertTemplateCommands(nb, 'six-step-targets')).toMatchObject({ ok: false, error: { code: 'sheetExists' } });
    expect(insertTemplateCommands(nb, 'annual-plan')).toMatchObject({ ok: false, error: { code: 'sheetExists' } });
    expect(insertTemplateCommands(nb, 'no-such')).toMatchObject({ ok: false, error: { code: 'unknownTemplate' } });
    expect(insertTemplateCommands(nb, 'blank')).toMatchObject({ ok: false, error: { code: 'emptyTemplate' } });
  });

  it('does not modify the notebook it is given, and undoes like any edit', () => {
    const nb = create('ansoff-grid');
    const before = structuredClone(nb);
    const commands = insert(nb, 'six-step-targets');
    expect(nb).toEqual(before);
    const undo = applyEdits(nb, commands);
    expect(nb).not.toEqual(before);
    applyEdits(nb, undo);
    expect(nb).toEqual(before);
  });

  it('inserts the annual plan into a notebook of the user’s own, after its sheets', () => {
    const nb = emptyNotebook('mine');
    nb.sheets[0].cells.A1 = 'notes';
    const engine = new EngineNotebook(nb);
    applyBoth(nb, engine, insert(nb, 'annual-plan'));
    expect(nb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...PLAN_SHEETS]);
    expect(mismatches(engine, Object.keys(spec.sheets))).toEqual([]);
  });
});

describe('adding a template over a stub someone typed into', () => {
  it('lists the typed stub values the real sheet will replace, with what each stands for', () => {
    const nb = create('market-model');
    const engine = new EngineNotebook(nb);
    expect(replacedStubValues(nb, 'six-step-targets')).toEqual([]); // untouched samples: nothing is lost
    applyBoth(nb, engine, [setCell('B_Target', 'C36', 11000)]);
    const lost = replacedStubValues(nb, 'six-step-targets');
    expect(lost).toEqual([{ sheet: 'B_Target', addr: 'C36', value: 11000, replacement: '=SUM(C32:C35)', meaning: { zh: 'FY2025 合计', en: 'FY2025 total R0', unit: '万元' } }]);
    expect(replacedStubValues(nb, 'bonus-plan')).toEqual([]); // a template that does not replace this stub
  });
});
