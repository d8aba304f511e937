/**
 * The list names every plan defines, spec or generated: one workbook name per list, a range in
 * list order, so the presenter, what-if and the tests read "the final target per region" without
 * knowing where a generator put it.
 *
 * | name | what | sample plan |
 * |---|---|---|
 * | `PRODUCT_NAME` | product-line keys | `C_Ansoff!$A$42:$A$45` |
 * | `PRODUCT_TARGET` | final target per product line | `B_Target!$C$45:$F$45` |
 * | `REGION_NAME` | region keys | `B_Target!$A$88:$A$91` |
 * | `REGION_FINAL` | final target per region | `B_Target!$G$88:$G$91` |
 * | `REGION_LINE_FINAL` | final target per region × line, regions down × all lines across | `B_Target!$C$88:$F$91` |
 * | `REGION_BU` | bottom-up inputs, regions down × lines with history across | `B_Target!$C$70:$E$73` |
 * | `REGION_TD`, `REGION_HISTORY`, `REGION_POTENTIAL` | top-down targets, last year's revenue, potential — same shape as `REGION_BU` | `B_Target!$C$64:$E$67`, `$C$32:$E$35`, `$C$52:$E$55` |
 * | `REP_NAME`, `REP_REGION`, `REP_LEVEL`, `REP_QUOTA` | the roster and each rep's quota | `B_Target!$A$97:$A$108` … |
 * | `REP_HISTORY`, `REP_POTENTIAL`, `REP_BU` | each rep's last-year revenue, potential and bottom-up (a rep round's answer; blank until one is accepted) | `B_Target!$D$97:$D$108`, `$E$97:$E$108`, `$M$97:$M$108` |
 * | `LEVEL_NAME`, `LEVEL_BASE` | the reps' levels (not the managers') and their base salary | `E_Bonus!$A$17:$A$18`, `$D$17:$D$18` |
 * | `REP_TARGET_BONUS` | each rep's target incentive (OTE − base of the rep's level), roster order | `E_Bonus!$F$23:$F$34` |
 *
 * Invariants for every shape: Σ`PRODUCT_TARGET` = Σ`REGION_FINAL` = `TARGET_TOTAL`;
 * Σ`REP_QUOTA` = `TARGET_TOTAL` × (1 + `OVERASSIGN`), and per region Σ its reps' quotas =
 * its `REGION_FINAL` × (1 + `OVERASSIGN`).
 */
import { columnLabel } from '../../src/model/address';
import type { NamedExpression } from '../../src/model/notebook';

/** Where the lists sit in a plan (0-based rows and columns, inclusive spans). */
export interface ListLayout {
  /** `B_Target`: the row of the annual target T_p, and the product columns (all lines). */
  targetRow: number;
  productCols: { first: number; last: number };
  /** `B_Target`: the columns of the lines with history (the bottom-up block). */
  existingCols: { first: number; last: number };
  /** `B_Target`: the total column of the product blocks. */
  totalCol: number;
  /** `B_Target`: the final-target rows (one per region) and the bottom-up rows. */
  finalRows: { first: number; last: number };
  buRows: { first: number; last: number };
  /** `B_Target`: the per-region blocks a bottom-up round sends (top-down, history, potential). */
  tdRows: { first: number; last: number };
  historyRows: { first: number; last: number };
  potentialRows: { first: number; last: number };
  /** `B_Target`: the roster rows. */
  repRows: { first: number; last: number };
  /** `C_Ansoff`: the rows of the per-line scale table (column A holds the keys). */
  ansoffProductRows: { first: number; last: number };
  /** `E_Bonus`: the rows of the reps' levels. */
  repLevelRows: { first: number; last: number };
  /** `E_Bonus`: the rows of the rep payout block (roster order; column F the target incentive). */
  bonusRepRows: { first: number; last: number };
}

export const LIST_NAME_IDS = [
  'PRODUCT_NAME',
  'PRODUCT_TARGET',
  'REGION_NAME',
  'REGION_FINAL',
  'REGION_LINE_FINAL',
  'REGION_BU',
  'REGION_TD',
  'REGION_HISTORY',
  'REGION_POTENTIAL',
  'REP_NAME',
  'REP_REGION',
  'REP_LEVEL',
  'REP_QUOTA',
  'REP_HISTORY',
  'REP_POTENTIAL',
  'REP_BU',
  'LEVEL_NAME',
  'LEVEL_BASE',
  'REP_TARGET_BONUS',
] as const;
export type ListNameId = (typeof LIST_NAME_IDS)[number];

const abs = (col: number, row: number) => `$${columnLabel(col)}$${row + 1}`;
const area = (sheet: string, c1: number, r1: number, c2: number, r2: number) => `=${sheet}!${abs(c1, r1)}:${abs(c2, r2)}`;

/** The list names of a plan laid out as `l`, in `LIST_NAME_IDS` order. */
export function listNames(l: ListLayout): NamedExpression[] {
  const B = 'B_Target';
  const col = (c: number, rows: { first: number; last: number }, sheet = B) => area(sheet, c, rows.first, c, rows.last);
  const byId: Record<ListNameId, string> = {
    PRODUCT_NAME: col(0, l.ansoffProductRows, 'C_Ansoff'),
    PRODUCT_TARGET: area(B, l.productCols.first, l.targetRow, l.productCols.last, l.targetRow),
    REGION_NAME: col(0, l.finalRows),
    REGION_FINAL: col(l.totalCol, l.finalRows),
    REGION_LINE_FINAL: area(B, l.productCols.first, l.finalRows.first, l.productCols.last, l.finalRows.last),
    REGION_BU: area(B, l.existingCols.first, l.buRows.first, l.existingCols.last, l.buRows.last),
    REGION_TD: area(B, l.existingCols.first, l.tdRows.first, l.existingCols.last, l.tdRows.last),
    REGION_HISTORY: area(B, l.existingCols.first, l.historyRows.first, l.existingCols.last, l.historyRows.last),
    REGION_POTENTIAL: area(B, l.existingCols.first, l.potentialRows.first, l.existingCols.last, l.potentialRows.last),
    REP_NAME: col(0, l.repRows),
    REP_REGION: col(1, l.repRows),
    REP_LEVEL: col(2, l.repRows),
    REP_QUOTA: col(9, l.repRows),
    REP_HISTORY: col(3, l.repRows),
    REP_POTENTIAL: col(4, l.repRows),
    REP_BU: col(12, l.repRows),
    LEVEL_NAME: col(0, l.repLevelRows, 'E_Bonus'),
    LEVEL_BASE: col(3, l.repLevelRows, 'E_Bonus'),
    REP_TARGET_BONUS: col(5, l.bonusRepRows, 'E_Bonus'),
  };
  return LIST_NAME_IDS.map((name) => ({ name, expression: byId[name] }));
}

/** Where the lists sit in the spec's sample plan. */
export const SAMPLE_LIST_LAYOUT: ListLayout = {
  targetRow: 44,
  productCols: { first: 2, last: 5 },
  existingCols: { first: 2, last: 4 },
  totalCol: 6,
  finalRows: { first: 87, last: 90 },
  buRows: { first: 69, last: 72 },
  tdRows: { first: 63, last: 66 },
  historyRows: { first: 31, last: 34 },
  potentialRows: { first: 51, last: 54 },
  repRows: { first: 96, last: 107 },
  ansoffProductRows: { first: 41, last: 44 },
  repLevelRows: { first: 16, last: 17 },
  bonusRepRows: { first: 22, last: 33 },
};
