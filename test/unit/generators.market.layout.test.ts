/**
 * The A_Market / B_Target layouts on the sample shape are the spec's addresses: every cell the
 * other sheets (C–F) read from A/B is one the layouts give, and each block sits at the spec's row.
 */
import { describe, expect, it } from 'vitest';
import cAnsoff from '../../templates/data/C_Ansoff.json';
import dExpense from '../../templates/data/D_Expense.json';
import eBonus from '../../templates/data/E_Bonus.json';
import { marketLayout, targetLayout } from '../../templates/generators/abLayout';
import { a1, sampleAbPositions } from '../../templates/generators/ansoffLinks';
import { SAMPLE_LIST_LAYOUT } from '../../templates/generators/listNames';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';

/** `Sheet!A1` references to A_Market / B_Target in a spec sheet's formulas, without `$`. */
function abRefs(cells: Record<string, unknown>): string[] {
  const out = new Set<string>();
  for (const raw of Object.values(cells)) {
    if (typeof raw !== 'string') continue;
    for (const m of raw.matchAll(/([AB]_(?:Market|Target))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
      out.add(`${m[1]}!${m[2]}${m[3]}`);
      if (m[4]) out.add(`${m[1]}!${m[4]}${m[5]}`);
    }
  }
  return [...out];
}

describe('A/B layouts on the sample shape', () => {
  const M = marketLayout(SAMPLE_SHAPE);
  const T = targetLayout(SAMPLE_SHAPE);
  const R = SAMPLE_SHAPE.regions.length;
  const N = SAMPLE_SHAPE.reps.length;

  it('give every A/B cell the spec’s C, D and E sheets read', () => {
    const { market: m, target: t } = sampleAbPositions(SAMPLE_SHAPE);
    const given = new Set<string>();
    const A = (col: number, row: number) => given.add(`A_Market!${a1(col, row)}`);
    const B = (col: number, row: number) => given.add(`B_Target!${a1(col, row)}`);
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < R; r++) A(m.lineCol(k), m.newHospitalRow(r));
      for (const row of [m.arpaRow, m.rampRow, m.devCostRow, m.volumeRow, m.shareGainRow, m.substitutionRow, m.hvShareBaseRow, m.hvSharePlanRow]) A(m.lineCol(k), row);
    }
    for (let k = 0; k < 4; k++) {
      for (let r = 0; r < R; r++) [t.historyRow(r), t.finalRow(r)].forEach((row) => B(t.productCol(k), row));
      [t.baseRow, t.targetRow].forEach((row) => B(t.productCol(k), row));
    }
    for (let r = 0; r < R; r++) [t.regionNameCol, t.totalCol].forEach((col) => B(col, t.finalRow(r)));
    B(t.totalCol, t.finalTotalRow);
    for (let i = 0; i < N; i++) [t.repRegionCol, t.repLevelCol, t.repQuotaCol, t.repNewQuotaCol].forEach((col) => B(col, t.repRow(i)));
    const read = [cAnsoff, dExpense, eBonus].flatMap((s) => abRefs(s.cells as Record<string, unknown>));
    expect(read.length).toBeGreaterThan(50);
    for (const ref of read) expect(given, ref).toContain(ref);
  });

  it('put A_Market’s blocks at the spec’s rows (1-based as in the spec)', () => {
    const row1 = (r: number) => r + 1;
    expect({
      universe: row1(M.universeRow), m0: row1(M.m0Row), targetShare: row1(M.targetShareRow),
      newHospitals: [row1(M.newHospitalRows.first), row1(M.newHospitalRows.last)], newHospitalTotal: row1(M.newHospitalTotalRow),
      arpa: row1(M.arpaRow), ramp: row1(M.rampRow), devCost: row1(M.devCostRow),
      share: row1(M.shareRow), volume: row1(M.volumeRow), shareGain: row1(M.shareGainRow), substitution: row1(M.substitutionRow), newCustomers: row1(M.newCustomerRow),
      model: row1(M.modelRow), modelGrowth: row1(M.modelGrowthRow), check: row1(M.checkRow),
      hvShare: [row1(M.hvShareBaseRow), row1(M.hvSharePlanRow)], lead: row1(M.leadRow),
      lines: [a1(M.lineCols.first, 0), a1(M.lineCols.last, 0)], total: a1(M.totalCol, 0),
    }).toEqual({
      universe: 12, m0: 13, targetShare: 15, newHospitals: [20, 23], newHospitalTotal: 24, arpa: 25, ramp: 26, devCost: 27,
      share: 30, volume: 31, shareGain: 32, substitution: 33, newCustomers: 34, model: 36, modelGrowth: 37, check: 39,
      hvShare: [46, 47], lead: 49, lines: ['C1', 'E1'], total: 'F1',
    });
  });

  it('put B_Target’s blocks at the spec’s rows, and equal the list names’ layout', () => {
    const row1 = (r: number) => r + 1;
    const rows = (s: { first: number; last: number }) => [row1(s.first), row1(s.last)];
    expect({
      params: Object.values(T.params).map(row1), history: rows(T.historyRows), base: row1(T.baseRow), target: row1(T.targetRow),
      potential: rows(T.potentialRows), index: rows(T.indexRows), td: rows(T.tdRows), bu: rows(T.buRows), dev: rows(T.devRows),
      negotiated: rows(T.negotiatedRows), final: rows(T.finalRows), finalTotal: row1(T.finalTotalRow), finalCheck: row1(T.finalCheckRow),
      reps: rows(T.repRows), repTotal: row1(T.repTotalRow), repCheck: row1(T.repCheckRow), rollup: rows(T.rollupRows),
      lines: [a1(T.productCols.first, 0), a1(T.productCols.last, 0)], total: a1(T.totalCol, 0), flag: a1(T.flagCol, 0),
    }).toEqual({
      params: [4, 5, 6, 7, 8, 9], history: [32, 35], base: 36, target: 45,
      potential: [52, 55], index: [58, 61], td: [64, 67], bu: [70, 73], dev: [76, 79],
      negotiated: [82, 85], final: [88, 91], finalTotal: 92, finalCheck: 93,
      reps: [97, 108], repTotal: 109, repCheck: 110, rollup: [114, 117],
      lines: ['C1', 'F1'], total: 'G1', flag: 'H1',
    });
    // A superset of the list names' layout where both give a position.
    const own = T as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(SAMPLE_LIST_LAYOUT)) if (key in own) expect(own[key], key).toEqual(value);
  });
});
