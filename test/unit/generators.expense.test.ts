/**
 * D_Expense from its generator: the spec's sheet on the sample shape (and the spec's values on
 * the shipped A/B sheets); on random shapes over A/B stubs no error value, no ERR, and every
 * allocation adding up to its envelope (key = 1, pool, Σ regions = Σ lines = EXPENSE_TOTAL,
 * salaries, bonus and projects by region = their totals); typed inputs kept by name on regrowing.
 */
import fc from 'fast-check';
import { DRIVERS, SLIDES } from '../../templates/specVocabulary';
import { EXPENSE_SENSITIVITY } from '../../src/ui/whatif/presets';
import { defaultLayout } from '../../templates/layouts';
import { describe, expect, it } from 'vitest';
import dExpense from '../../templates/data/D_Expense.json';
import expected from '../../templates/data/expected.json';
import names from '../../templates/data/names.json';
import { a1 } from '../../templates/generators/ansoffLinks';
import { expenseGenerator, expenseLayout } from '../../templates/generators/expense';
import { planProducts, SAMPLE_SHAPE } from '../../templates/generators/shape';
import { buildCde, chineseLabels, staffingStub, emptyViewCells, inputCells, problems, regrow, same, samplePlan, shapeArb, stubData, stubSheets } from './generators.ansoff.stubs';

const SEED = 1414;
const STAFFED = new Map([['PERSONNEL_COST', { name: 'PERSONNEL_COST', expression: '=F_Staffing!$B$1' }]]);
const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('D_Expense generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell, and its names', () => {
    // The shipped sheet has issue 16's salary line once the staffing plan is part of the plan.
    const part = expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: String(dExpense.cells.C42).includes('PERSONNEL_COST') ? STAFFED : new Map() });
    const [sheet] = part.sheets;
    expect(sheet.name).toBe('D_Expense');
    expect(sheet.cells).toEqual(dExpense.cells);
    expect(sheet.formats).toEqual(dExpense.formats);
    expect(sheet.frozen).toEqual(dExpense.frozen);
    expect(sheet.colWidths).toEqual(dExpense.colWidths);
    expect(part.names).toEqual(names.filter((n) => n.name === 'EXPENSE_TOTAL'));
  });

  it('gives the template’s notebook view on the sample shape, and on random shapes a view reading only written cells', () => {
    expect(expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).layout).toEqual(defaultLayout('D_Expense'));
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const part = expenseGenerator.generate({ shape, inputs: {}, names: new Map() });
        expect(part.layout.length).toBeGreaterThan(0);
        // The spec leaves the National expense ratio blank (no target of its own): the ratio line skips it.
        const national = `D_Expense.regions.line: ${a1(8, expenseLayout(shape).nationalRow)}`;
        expect(emptyViewCells(part.layout, part.sheets[0]).filter((x) => x !== national)).toEqual([]);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('gives the presenter’s drivers and KPIs and the sensitivity tornado on the sample shape', () => {
    const part = expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    expect(part.drivers).toEqual(DRIVERS.filter((d) => ['D_Expense!C40', 'D_Expense!C16'].includes(d.name)));
    expect(part.kpis).toEqual(SLIDES.find((s) => s.id === 'D_Expense')!.kpis);
    expect(part.presets).toEqual([{ id: 'expense-sensitivity', kind: 'tornado', spec: EXPENSE_SENSITIVITY.spec(() => undefined) }]);
  });

  it('labels an English plan in English (dimension keys stay as the spec spells them)', () => {
    const names = { ...SAMPLE_SHAPE, regions: ['North', 'South'], products: [{ name: 'A', isNew: false }, { name: 'B', isNew: true }] };
    const shape = { ...names, language: 'en' as const, levels: [{ name: 'Rep', ote: 30, base: 18 }, { name: 'Manager', ote: 60, base: 42 }], reps: [{ name: 'r1', region: 'North', level: 'Rep' }, { name: 'r2', region: 'South', level: 'Rep' }] };
    const [sheet] = expenseGenerator.generate({ shape, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(sheet)).toEqual([]);
    const [zh] = expenseGenerator.generate({ shape: { ...shape, language: 'zh-CN' }, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(zh).length).toBeGreaterThan(0);
  });

  it('with the staffing plan in the chain, takes the reps’ salaries from it (issue 16’s salary line)', () => {
    const [plain] = expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).sheets;
    const [sheet] = expenseGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: STAFFED }).sheets;
    expect(plain.cells.C42).toBe('=BASE_SALARY_TOTAL');
    expect(sheet.cells.A42).toBe('人员底薪（经理来自E + 人员计划F）');
    expect(sheet.cells.B42).toBe('Base salaries (managers from E + staffing plan F)');
    expect(sheet.cells.C42).toBe('=SUM(E_Bonus!$D$39:$D$42)+PERSONNEL_COST');
    for (const r of [72, 73, 74, 75]) expect(sheet.cells[`E${r}`]).toBe(`=SUMIF(E_Bonus!$A$39:$A$42,A${r},E_Bonus!$D$39:$D$42)+SUMIF(REGION_NAME,A${r},REGION_COST)`);
    const changed = Object.keys(sheet.cells).filter((a) => sheet.cells[a] !== plain.cells[a]).sort();
    expect(changed).toEqual(['A42', 'B42', 'C42', 'E72', 'E73', 'E74', 'E75']);
  });

  it('with a staffing plan on random shapes: salaries by region add up to the salary line, every allocation to its envelope', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        const d = stubData(shape, seed);
        const up = stubSheets(shape, d);
        const staff = staffingStub(shape, seed);
        const { engine, sheets, name, value } = buildCde(shape, { sheets: [...up.sheets, ...staff.sheets], names: [...up.names, ...staff.names] });
        expect(problems(engine, sheets)).toEqual([]);
        const L = expenseLayout(shape);
        const v = (c: number, r: number) => value('D_Expense', a1(c, r)) as number;
        const managers = shape.regions.length * shape.levels[shape.levels.length - 1].base;
        const salaries = managers + staff.costs.reduce((a, b) => a + b, 0);
        expect(close(v(2, L.budgetRow + 3), salaries)).toBe(true);
        expect(close(v(4, L.regionTotalRow), salaries)).toBe(true);
        expect(close(v(6, L.regionTotalRow), name('EXPENSE_TOTAL'))).toBe(true);
        expect(close(v(4, L.productTotalRow), name('EXPENSE_TOTAL'))).toBe(true);
      }),
      { seed: SEED, numRuns: 10 },
    );
  }, 240_000);

  it('for a declining business (no region grows): the key falls back to the target share and still sums to 1', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape0, seed) => {
        const shape = { ...shape0, products: shape0.products.map((p) => ({ ...p, isNew: false })) };
        const d = stubData(shape, seed, { declining: true });
        const { engine, sheets, value, name } = buildCde(shape, stubSheets(shape, d));
        expect(problems(engine, sheets)).toEqual([]);
        const L = expenseLayout(shape);
        const v = (c: number, r: number) => value('D_Expense', a1(c, r)) as number;
        expect(v(L.allocTotalCol, L.growthTotalRow)).toBe(0);
        expect(close(v(L.allocTotalCol, L.keyTotalRow), 1)).toBe(true);
        const total = d.targets.reduce((a, b) => a + b, 0);
        shape.regions.forEach((_r, r) =>
          d.targets.forEach((_T, k) => expect(close(v(2 + k, L.keyRows.first + r), d.finals[r][k] / total)).toBe(true)),
        );
        expect(close(v(6, L.regionTotalRow), name('EXPENSE_TOTAL'))).toBe(true);
      }),
      { seed: SEED, numRuns: 10 },
    );
  }, 240_000);

  it('computes the spec’s values on the shipped A_Market and B_Target', () => {
    const { engine } = samplePlan();
    const want = (expected as Record<string, Record<string, unknown>>).D_Expense;
    const bad = Object.entries(want).filter(([addr, v]) => !same(engine.value('D_Expense', addr), v));
    expect(bad).toEqual([]);
  });

  it('on random shapes: no error value, no ERR, and every allocation adds up to its envelope', () => {
    let runs = 0;
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        runs++;
        const d = stubData(shape, seed);
        const { engine, sheets, name, value } = buildCde(shape, stubSheets(shape, d));
        expect(problems(engine, sheets)).toEqual([]);
        const L = expenseLayout(shape);
        const v = (c: number, r: number) => value('D_Expense', a1(c, r)) as number;
        const total = d.targets.reduce((a, b) => a + b, 0);
        const P = planProducts(shape).length;
        const G = L.allocTotalCol;
        const envelope = total * 0.2;
        expect(close(name('EXPENSE_TOTAL'), envelope)).toBe(true);
        expect(close(v(2, L.skuTotalRow), total)).toBe(true);
        // Growth per region × line = max(0, final − last year).
        shape.regions.forEach((_r, r) =>
          planProducts(shape).forEach((p, k) => {
            const hist = p.isNew ? 0 : d.history[k][r];
            expect(close(v(2 + k, L.growthRows.first + r), Math.max(0, d.finals[r][k] - hist))).toBe(true);
          }),
        );
        expect(close(v(G, L.keyTotalRow), 1)).toBe(true);
        const pool = v(2, L.budgetRow + 6);
        expect(close(pool, envelope - name('BASE_SALARY_TOTAL') - name('BONUS_BUDGET') - name('PROJECT_COST_TOTAL'))).toBe(true);
        expect(close(v(G, L.poolTotalRow), pool)).toBe(true);
        // By region (and National): pool, projects, salaries, bonus and total = their envelopes.
        const xt = L.regionTotalRow;
        expect(close(v(2, xt), pool)).toBe(true);
        expect(close(v(3, xt), name('PROJECT_COST_TOTAL'))).toBe(true);
        expect(close(v(4, xt), name('BASE_SALARY_TOTAL'))).toBe(true);
        expect(close(v(5, xt), name('BONUS_BUDGET'))).toBe(true);
        expect(close(v(6, xt), envelope)).toBe(true);
        expect(value('D_Expense', a1(9, xt))).toBe('OK');
        // By line: pool + projects per line, plus the shared salaries and bonus = the envelope.
        let lines = 0;
        for (let k = 0; k < P; k++) lines += v(4, L.productRows.first + k);
        expect(close(lines + v(4, L.sharedRow), envelope)).toBe(true);
        expect(close(v(4, L.productTotalRow), envelope)).toBe(true);
        expect(close(v(5, L.productTotalRow), total)).toBe(true);
        expect(value('D_Expense', a1(6, L.productTotalRow))).toBe('OK');
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(runs).toBe(30);
  }, 240_000);

  it('regrown for a changed shape keeps every typed input of what stays, by name', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const grown = regrow(shape);
        const before = inputCells(expenseGenerator, shape);
        const typed = Object.fromEntries([...before.keys()].map((k, i) => [k, k.endsWith('|description') ? `typed ${i}` : 1000 + i]));
        const [sheet] = expenseGenerator.generate({ shape: grown, inputs: typed, names: new Map() }).sheets;
        const after = inputCells(expenseGenerator, grown);
        let moved = 0;
        for (const [key, addr] of after) {
          if (key in typed) {
            expect(sheet.cells[addr]).toBe(typed[key]);
            if (before.get(key) !== addr) moved++;
          } else expect(Object.values(typed)).not.toContain(sheet.cells[addr]);
        }
        expect(moved).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});
