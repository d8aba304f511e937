/**
 * What C_Ansoff, D_Expense and E_Bonus read from A_Market and B_Target, as positions: the three
 * generators address the upstream sheets only through `AbPositions`, so they follow wherever the
 * market and target generators put their blocks. `sampleAbPositions(shape)` lays the positions
 * out where the market and target generators put them (`abLayout.ts`); on the sample shape,
 * the shipped A/B sheets' addresses.
 * Also the cell-address helpers the three generators share.
 */
import { columnLabel } from '../../src/model/address';
import type { ClientShape } from './shape';
import { marketLayout, targetLayout } from './abLayout';

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

/** The A/B positions for a shape, from the market and target layouts (`abLayout.ts`). */
export function sampleAbPositions(shape: ClientShape): AbPositions {
  const M = marketLayout(shape);
  const B = targetLayout(shape);
  const market: MarketPositions = {
    lineCol: (k) => M.lineCols.first + k,
    newHospitalRow: (r) => M.newHospitalRows.first + r,
    arpaRow: M.arpaRow,
    rampRow: M.rampRow,
    devCostRow: M.devCostRow,
    volumeRow: M.volumeRow,
    shareGainRow: M.shareGainRow,
    substitutionRow: M.substitutionRow,
    hvShareBaseRow: M.hvShareBaseRow,
    hvSharePlanRow: M.hvSharePlanRow,
  };
  const target: TargetPositions = {
    productCol: (k) => B.productCols.first + k,
    totalCol: B.totalCol,
    targetRow: B.targetRow,
    baseRow: B.baseRow,
    historyRow: (r) => B.historyRows.first + r,
    finalRow: (r) => B.finalRows.first + r,
    finalTotalRow: B.finalTotalRow,
    regionNameCol: B.repCols.name,
    repRow: (i) => B.repRows.first + i,
    repRegionCol: B.repCols.region,
    repLevelCol: B.repCols.level,
    repQuotaCol: B.repCols.quota,
    repNewQuotaCol: B.repCols.newAccounts,
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
