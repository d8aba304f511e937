/**
 * What C_Ansoff, D_Expense and E_Bonus read from A_Market and B_Target, as positions: the three
 * generators address the upstream sheets only through `AbPositions`, so they follow wherever the
 * market and target generators put their blocks. `sampleAbPositions(shape)` lays the positions
 * out as the spec's sample does (blocks moving with the number of regions, lines and reps); it
 * is what the shipped A/B sheets use on the sample shape.
 * Also the cell-address helpers the three generators share.
 */
import { columnLabel } from '../../src/model/address';
import type { ClientShape } from './shape';
import { planProducts } from './shape';

/** A_Market: the per-line sources (0-based rows and columns). Lines with history only. */
export interface MarketPositions {
  /** The column of the `k`-th line with history. */
  lineCol(k: number): number;
  /** New hospitals of region `r` (one row per region). */
  newHospitalRow(r: number): number;
  arpaRow: number;
  rampRow: number;
  devCostRow: number;
  /** ① volume growth, ② share gain, ③ high-value substitution. */
  volumeRow: number;
  shareGainRow: number;
  substitutionRow: number;
  /** High-value revenue share FY-1 and plan year. */
  hvShareBaseRow: number;
  hvSharePlanRow: number;
}

/** B_Target: targets, history, final targets and the roster (0-based rows and columns). */
export interface TargetPositions {
  /** The column of the `k`-th line in plan order (lines with history, then new lines). */
  productCol(k: number): number;
  totalCol: number;
  /** The annual target T_p per line (its total is `TARGET_TOTAL`). */
  targetRow: number;
  /** Last year's revenue R0_p per line (its total is `BASE_TOTAL`). */
  baseRow: number;
  /** Last year's revenue of region `r` by line. */
  historyRow(r: number): number;
  /** The final target of region `r` by line (the region's name in `regionNameCol`), and its total row. */
  finalRow(r: number): number;
  finalTotalRow: number;
  regionNameCol: number;
  /** The roster: rep `i` in roster order, and the columns of its region, level, quota and new-account quota. */
  repRow(i: number): number;
  repRegionCol: number;
  repLevelCol: number;
  repQuotaCol: number;
  repNewQuotaCol: number;
}

export interface AbPositions {
  market: MarketPositions;
  target: TargetPositions;
}

/** The sample's A/B positions, moved as the blocks grow with the shape. */
export function sampleAbPositions(shape: ClientShape): AbPositions {
  const R = shape.regions.length;
  const P = planProducts(shape).length;
  const dR = R - 4;
  const market: MarketPositions = {
    lineCol: (k) => 2 + k,
    newHospitalRow: (r) => 19 + r,
    arpaRow: 24 + dR,
    rampRow: 25 + dR,
    devCostRow: 26 + dR,
    volumeRow: 30 + dR,
    shareGainRow: 31 + dR,
    substitutionRow: 32 + dR,
    hvShareBaseRow: 45 + dR,
    hvSharePlanRow: 46 + dR,
  };
  // B_Target: history by region at row 32 (1-based), its total, the target 9 rows below; the
  // four regional blocks (potential, top-down, bottom-up, final) each R rows further down.
  const historyFirst = 31;
  const baseRow = historyFirst + R;
  const finalFirst = 71 + 4 * R;
  const target: TargetPositions = {
    productCol: (k) => 2 + k,
    totalCol: 2 + P,
    targetRow: baseRow + 9,
    baseRow,
    historyRow: (r) => historyFirst + r,
    finalRow: (r) => finalFirst + r,
    finalTotalRow: finalFirst + R,
    regionNameCol: 0,
    repRow: (i) => finalFirst + R + 5 + i,
    repRegionCol: 1,
    repLevelCol: 2,
    repQuotaCol: 9,
    repNewQuotaCol: 10,
  };
  return { market, target };
}

/** `C12` for 0-based column and row. */
export const a1 = (col: number, row: number) => `${columnLabel(col)}${row + 1}`;
/** `$C$12`. */
export const abs = (col: number, row: number) => `$${columnLabel(col)}$${row + 1}`;
/** `C$12`. */
export const absRow = (col: number, row: number) => `${columnLabel(col)}$${row + 1}`;
/** `$C12`. */
export const absCol = (col: number, row: number) => `$${columnLabel(col)}${row + 1}`;
/** `$C$12:$C$20` for a column span of rows. */
export const absSpan = (col: number, first: number, last: number) => `${abs(col, first)}:${abs(col, last)}`;

/** Input key of a C/D/E input (sheet × row item × column item), as `monthlyInputKey` does for G_Monthly. */
export function inputKey(sheet: string, rowItem: string, colItem: string): string {
  return `${sheet}|${rowItem}|${colItem}`;
}

/** The English name of a money unit. */
export const UNIT_EN: Readonly<Record<string, string>> = { 元: 'CNY', 千元: 'CNY k', 万元: 'CNY 10k' };

/**
 * Labels in the plan's language: the spec's are bilingual (`产品 Product`, or 中文 in column A
 * beside English in column B); an English plan shows the English alone. Dimension keys (statuses,
 * quadrants, `全国 National`) and check answers stay as the spec spells them: formulas match them.
 */
export function labeler(language: string) {
  const en = language === 'en';
  return {
    en,
    /** One bilingual cell. */
    t: (zh: string, e: string) => (en ? e : `${zh} ${e}`),
    /** A label the spec gives in Chinese only. */
    z: (zh: string, e: string) => (en ? e : zh),
    /** A row label: 中文 in A and English in B; an English plan has the English in A and B empty. */
    pair: (zh: string, e: string): [string, string | undefined] => (en ? [e, undefined] : [zh, e]),
  };
}
