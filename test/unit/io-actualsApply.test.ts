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
  return {
    ...emptyNotebook('t'),
    sheets: [{ id: 'l', name: 'Lists', cells: lists, formats: {} }, ...part.sheets],
    names: [
      { name: 'PRODUCT_NAME', expression: '=Lists!$A$1:$A$4' },
      { name: 'PRODUCT_TARGET', expression: '=Lists!$C$1:$F$1' },
      { name: 'REGION_NAME', expression: '=Lists!$B$1:$B$4' },
      { name: 'TARGET_TOTAL', expression: '=SUM(Lists!$C$1:$F$1)' },
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
    expect(r.preview).toEqual({ rows: 3, monthTotals: [0, 120, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0], months: [2, 3], replacedTotals: [9, 0], closedMonths: 3 });
    const inverse = applyEdits(nb, r.commands);
    expect(probe(nb, '=CLOSED_MONTHS')).toBe(3);
    expect(probe(nb, '=YTD_ACTUAL')).toBe(7 + 120 + 5); // month 1 kept, East P1 month 2 replaced (empty)
    expect(probe(nb, '=INDEX(ACTUALS,6,2)')).toBe(120); // South (2nd region) × P2 = row 6
    applyEdits(nb, inverse);
    expect(nb.sheets).toEqual(before); // same cells (undo may put a key back in another order)
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
    expect(actualsLists(nb, values)).toEqual({ regions: [...REGIONS], products: PRODUCTS, fiscalYear: 2027 });
    expect(actualsLists(nb, values, 2030)?.fiscalYear).toBe(2030);
    expect(actualsLists(emptyNotebook('x'), {})).toBeNull();
  });
});
