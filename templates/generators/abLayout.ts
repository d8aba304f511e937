/**
 * Where the blocks of A_Market and B_Target sit for a shape (0-based rows and columns). Every
 * per-region block is one row per region and every per-line column one column per line, so the
 * sheets keep the spec's order and spacing and grow or shrink with the client's lists; on the
 * sample shape every position is the spec's address. The other sheets read A/B only through
 * these positions (`ansoffLinks.ts`) and the list names (`listNames.ts`).
 */
import type { ClientShape } from './shape';
import { planProducts } from './shape';

type Span = { first: number; last: number };
const span = (first: number, count: number): Span => ({ first, last: first + count - 1 });

/** A_Market: lines with history across from column C, the total after them; rows as the spec, the new-hospital rows one per region. */
export function marketLayout(shape: Pick<ClientShape, 'products' | 'regions'>) {
  const E = planProducts(shape).filter((p) => !p.isNew).length;
  const R = shape.regions.length;
  const lineCols = span(2, E);
  const totalCol = lineCols.last + 1;
  const d = R - 4; // rows below the new-hospital block move with the number of regions
  return {
    lineCols,
    totalCol,
    /** The linked programs' text column beside the sources. */
    programCol: totalCol + 1,
    headerRow: 1,
    baseRow: 4,
    goalGrowthRow: 5,
    goalRow: 6,
    requiredRow: 7,
    coveredRow: 10,
    universeRow: 11,
    m0Row: 12,
    volumeGrowthRow: 13,
    targetShareRow: 14,
    upgradesRow: 15,
    oldPriceRow: 16,
    hvPriceRow: 17,
    hvBaseRevenueRow: 18,
    newHospitalRows: span(19, R),
    newHospitalTotalRow: 23 + d,
    arpaRow: 24 + d,
    rampRow: 25 + d,
    devCostRow: 26 + d,
    sourcesHeadingRow: 28 + d,
    shareRow: 29 + d,
    volumeRow: 30 + d,
    shareGainRow: 31 + d,
    substitutionRow: 32 + d,
    newCustomerRow: 33 + d,
    sourcesTotalRow: 34 + d,
    modelRow: 35 + d,
    modelGrowthRow: 36 + d,
    coverageOfGoalRow: 37 + d,
    checkRow: 38 + d,
    kpiHeadingRow: 40 + d,
    coverageBaseRow: 41 + d,
    coveragePlanRow: 42 + d,
    penetrationBaseRow: 43 + d,
    penetrationPlanRow: 44 + d,
    hvShareBaseRow: 45 + d,
    hvSharePlanRow: 46 + d,
    penetrationSourcesRow: 47 + d,
    leadRow: 48 + d,
    /** The waterfall's six rows (FY-1, ①–④, the model year). */
    waterfallRows: span(50 + d, 6),
  };
}
export type MarketLayout = ReturnType<typeof marketLayout>;

/**
 * B_Target: every line of the plan across from column C (lines with history, then the new
 * ones), the total after them; the six steps down, each per-region block one row per region,
 * then the roster, the roll-up per region and one customer block per rep with key accounts.
 */
export function targetLayout(shape: Pick<ClientShape, 'products' | 'regions' | 'reps' | 'accounts'>) {
  const products = planProducts(shape);
  const E = products.filter((p) => !p.isNew).length;
  const P = products.length;
  const R = shape.regions.length;
  const N = shape.reps.length;
  const productCols = span(2, P);
  const existingCols = span(2, E);
  const totalCol = productCols.last + 1;
  const historyRows = span(31, R);
  const baseRow = historyRows.last + 1;
  const targetRow = baseRow + 9;
  const potentialRows = span(targetRow + 7, R);
  const potentialTotalRow = potentialRows.last + 1;
  const indexRows = span(potentialTotalRow + 2, R);
  const indexSumRow = indexRows.last + 1;
  const tdRows = span(indexSumRow + 2, R);
  const tdTotalRow = tdRows.last + 1;
  const buRows = span(tdTotalRow + 2, R);
  const buTotalRow = buRows.last + 1;
  const devRows = span(buTotalRow + 2, R);
  const negotiatedRows = span(devRows.last + 3, R);
  const negotiatedTotalRow = negotiatedRows.last + 1;
  const finalRows = span(negotiatedTotalRow + 2, R);
  const finalTotalRow = finalRows.last + 1;
  const repRows = span(finalTotalRow + 5, N);
  const repTotalRow = repRows.last + 1;
  const rollupRows = span(repTotalRow + 5, R);
  const rollupTotalRow = rollupRows.last + 1;
  // One customer block per rep with key accounts, in roster order: heading, header, accounts, total.
  const accountsOf = new Map<string, number>();
  for (const a of shape.accounts ?? []) accountsOf.set(a.rep, (accountsOf.get(a.rep) ?? 0) + 1);
  const accountBlocks: { rep: number; headingRow: number; rows: Span; totalRow: number }[] = [];
  let next = rollupTotalRow + 2;
  shape.reps.forEach((rep, i) => {
    const n = accountsOf.get(rep.name) ?? 0;
    if (n === 0) return;
    accountBlocks.push({ rep: i, headingRow: next, rows: span(next + 2, n), totalRow: next + 2 + n });
    next += n + 4;
  });
  return {
    productCols,
    existingCols,
    totalCol,
    /** The column of the deviation and goal checks' text, right of the total. */
    flagCol: totalCol + 1,
    /** Parameter rows (column C). */
    params: { W_TREND: 3, W_QUANT: 4, ALPHA_BU: 5, OVERASSIGN: 6, ALERT_DEV: 7, REP_W_HIST: 8 },
    headerRow: 10,
    marketGrowthRow: 11,
    qualitativeRow: 12,
    ourShareRow: 15,
    competitorShareRow: 16,
    competitorGrowthRow: 17,
    relativeShareRow: 18,
    growthGapRow: 19,
    targetHospitalsRow: 22,
    coveredRow: 23,
    plannedNewRow: 24,
    whiteSpaceRow: 25,
    priorRows: span(28, 2),
    historyHeadingRow: 30,
    historyRows,
    baseRow,
    cagrRow: baseRow + 1,
    trendRow: baseRow + 2,
    marketModelRow: baseRow + 3,
    quantRow: baseRow + 4,
    judgementRow: baseRow + 7,
    judgementForecastRow: baseRow + 8,
    targetRow,
    targetGrowthRow: targetRow + 1,
    goalCompareRow: targetRow + 2,
    historyWeightRow: targetRow + 5,
    potentialRows,
    potentialTotalRow,
    indexRows,
    indexSumRow,
    tdRows,
    tdTotalRow,
    buRows,
    buTotalRow,
    devRows,
    negotiatedRows,
    negotiatedTotalRow,
    finalRows,
    finalTotalRow,
    finalCheckRow: finalTotalRow + 1,
    repHeaderRow: repRows.first - 1,
    repRows,
    repTotalRow,
    repCheckRow: repTotalRow + 1,
    rollupRows,
    rollupTotalRow,
    accountBlocks,
    /** Roster columns: name A, region B, level C, actual D, potential E, shares F G, index H, region final I, quota J, new-account quota K. */
    // Column 11 holds the row's sample-value mark; the rep round's bottom-up sits after it.
    repCols: { name: 0, region: 1, level: 2, actual: 3, potential: 4, histShare: 5, potShare: 6, index: 7, regionFinal: 8, quota: 9, newAccounts: 10, bu: 12, buDev: 13 },
  };
}
export type TargetLayout = ReturnType<typeof targetLayout>;
