/** Applying an actuals file to G_Monthly: the months it holds replaced, CLOSED_MONTHS set, one undo. */
import { describe, expect, it } from 'vitest';
import { actualsLists, actualsPlan } from '../../src/io/actualsApply';
import { parseActualsCsv } from '../../src/io/actualsParse';
import { applyEdits } from '../../src/model/edit';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { monthlyGenerator, monthlyInputKey } from '../../templates/generators/monthly';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';
import { EngineNotebook } from '../../workers/engineCore';

const REGIONS = SAMPLE_SHAPE.regions;
const PRODUCTS = ['P1', 'P2', 'P3', 'P4'];

function plan(): Notebook {
  // Earlier actuals typed for months 1 and 2 (East P1).
  const inputs = { [monthlyInputKey(`${REGIONS[0]}|P1`, 'actual1')]: 7, [monthlyInputKey(`${REGIONS[0]}|P1`, 'actual2')]: 9 };
  const part = monthlyGenerator.generate({ shape: SAMPLE_SHAPE, inputs, names: new Map() });
  const lists: Record<string, string | number> = {};
  PRODUCTS.forEach((p, i) => ((lists[`A${i + 1}`] = p), (lists[`${'CDEF'[i]}1`] = 1200)));
  REGIONS.forEach((r, i) => (lists[`B${i + 1}`] = r));
  // The roster: name, region, quota (G, H, I).
  SAMPLE_SHAPE.reps.forEach((rep, i) => Object.assign(lists, { [`G${i + 1}`]: rep.name, [`H${i + 1}`]: rep.region, [`I${i + 1}`]: 400 }));
  return {
    ...emptyNotebook('t'),
    sheets: [{ id: 'l', name: 'Lists', cells: lists, formats: {} }, ...part.sheets],
    names: [
      { name: 'PRODUCT_NAME', expression: '=Lists!$A$1:$A$4' },
      { name: 'PRODUCT_TARGET', expression: '=Lists!$C$1:$F$1' },
      { name: 'REGION_NAME', expression: '=Lists!$B$1:$B$4' },
      { name: 'TARGET_TOTAL', expression: '=SUM(Lists!$C$1:$F$1)' },
      { name: 'REP_NAME', expression: `=Lists!$G$1:$G$${SAMPLE_SHAPE.reps.length}` },
      { name: 'REP_REGION', expression: `=Lists!$H$1:$H$${SAMPLE_SHAPE.reps.length}` },
      { name: 'REP_QUOTA', expression: `=Lists!$I$1:$I$${SAMPLE_SHAPE.reps.length}` },
      ...part.names,
    ],
  };
}

const probe = (nb: Notebook, f: string) => {
  const e = new EngineNotebook({ ...nb, sheets: [...nb.sheets, { id: 'p', name: 'Probe', cells: { A1: f }, formats: {} }] });
  return e.value('Probe', 'A1');
};

describe('applying actuals', () => {
  it('replaces the months in the file, keeps the others, sets CLOSED_MONTHS, and undoes in one step', () => {
    const nb = plan();
    const before = structuredClone(nb.sheets);
    const parsed = parseActualsCsv('region,product,month,amount\nSouth,P2,2,100\nSouth,P2,2,20\nWest,P4,3,5\n', { regions: REGIONS, products: PRODUCTS, fiscalYear: 2026 });
    if (!parsed.ok) throw new Error('parse');
    const r = actualsPlan(nb, parsed.value);
    if (!r.ok) throw new Error(r.key);
    expect(r.preview).toEqual({ rows: 3, monthTotals: [0, 120, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0], months: [2, 3], replacedTotals: [9, 0], closedMonths: 3, repColumn: false, repRows: 0 });
    const inverse = applyEdits(nb, r.commands);
    expect(probe(nb, '=CLOSED_MONTHS')).toBe(3);
    expect(probe(nb, '=YTD_ACTUAL')).toBe(7 + 120 + 5); // month 1 kept, East P1 month 2 replaced (empty)
    expect(probe(nb, '=INDEX(ACTUALS,6,2)')).toBe(120); // South (2nd region) × P2 = row 6
    applyEdits(nb, inverse);
    expect(nb.sheets).toEqual(before); // same cells (undo may put a key back in another order)
  });

  it('with a rep column: the reps’ months of the file replaced too (others of those months emptied), the rep’s YTD follows, one undo', () => {
    const nb = plan();
    const g = nb.sheets.find((s) => s.name === 'G_Monthly')!;
    const repActuals = nb.names.find((n) => n.name === 'REP_ACTUALS')!.expression; // =G_Monthly!$C$w:$N$…
    const w = Number(/\$C\$(\d+)/.exec(repActuals)![1]);
    // Typed before: E02 month 2 (replaced by the file's month 2), E01 month 5 (kept).
    Object.assign(g.cells, { [`D${w + 1}`]: 44, [`G${w}`]: 8 });
    const before = structuredClone(nb.sheets);
    const values = new EngineNotebook(nb).allValues();
    const lists = actualsLists(nb, values, 2026)!;
    const parsed = parseActualsCsv('区域,产品线,月份,金额,销售代表\n华东,P1,2,100,E01\n华东,P2,2,20,E01\nSouth,P1,1,5,S01\nSouth,P1,2,1,\n', lists);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const r = actualsPlan(nb, parsed.value);
    if (!r.ok) throw new Error(r.key);
    expect(r.preview).toMatchObject({ rows: 4, months: [1, 2], repColumn: true, repRows: 3, closedMonths: 2 });
    const inverse = applyEdits(nb, r.commands);
    expect(g.cells[`D${w}`]).toBe(120); // E01 month 2
    expect(g.cells[`C${w + 3}`]).toBe(5); // S01 (4th rep), month 1
    expect(g.cells[`D${w + 1}`]).toBeUndefined(); // E02 month 2: the file's month, no row
    expect(g.cells[`G${w}`]).toBe(8); // E01 month 5: not in the file
    expect(probe(nb, '=INDEX(REP_YTD_ACTUAL,1)')).toBe(120);
    expect(probe(nb, '=INDEX(REP_YTD_TARGET,1)')).toBeCloseTo((400 * 2) / 12, 6);
    expect(probe(nb, '=INDEX(REP_STATUS,1)')).toBe('G'); // 120 ÷ 66.7
    expect(probe(nb, '=INDEX(REP_STATUS,2)')).toBe('R');
    applyEdits(nb, inverse);
    expect(nb.sheets).toEqual(before);
  });

  it('refuses a file with reps when the plan’s rep block is not the roster the file was read against', () => {
    const nb = plan();
    const lists = actualsLists(nb, new EngineNotebook(nb).allValues(), 2026)!;
    const parsed = parseActualsCsv('region,product,month,amount,rep\nEast,P1,2,100,E01\n', { ...lists, reps: lists.reps!.slice(0, 3) });
    if (!parsed.ok) throw new Error('parse');
    expect(actualsPlan(nb, parsed.value)).toEqual({ ok: false, key: 'actuals.shape' });
  });

  it('refuses a plan without G_Monthly', () => {
    const parsed = parseActualsCsv('region,product,month,amount\nSouth,P2,2,100\n', { regions: REGIONS, products: PRODUCTS, fiscalYear: 2026 });
    if (!parsed.ok) throw new Error('parse');
    expect(actualsPlan(emptyNotebook('x'), parsed.value)).toEqual({ ok: false, key: 'actuals.noSheet' });
  });

  it('reads the lists a file is checked against from the plan\'s own actuals block', () => {
    const nb = plan();
    nb.title = '康瑞医疗 FY2027 年度计划';
    const values = new EngineNotebook(nb).allValues();
    expect(actualsLists(nb, values)).toEqual({ regions: [...REGIONS], products: PRODUCTS, fiscalYear: 2027, reps: SAMPLE_SHAPE.reps.map((r) => ({ name: r.name, region: REGIONS.indexOf(r.region) })) });
    expect(actualsLists(nb, values, 2030)?.fiscalYear).toBe(2030);
    expect(actualsLists(emptyNotebook('x'), {})).toBeNull();
  });
});
