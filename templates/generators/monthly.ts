/**
 * G_Monthly: the plan's twelve months. Seasonality per product line turns the final targets into
 * monthly targets; an actuals block (region-major × product line × month) and `CLOSED_MONTHS` give
 * the year to date and the full-year forecast (the calculation of issue 17, normative):
 *   forecast_p = A_p / S_p when S_p > 0, else A_p + T_p × Σ_{m>M} s_{p,m}.
 * The same rule per region × line (T_{r,p} = `REGION_LINE_FINAL`, A_{r,p} the region's actuals of
 * the line) gives each region's forecast; as the regions' final targets of a line add up to the
 * line's target, the regions' forecasts add up to `FY_FORECAST`.
 *
 * Reps: a rep actuals block (one row per roster rep × 12 months, the last block of the sheet so no
 * other address depends on the roster's size) holds, beside the months, the rep's year to date:
 *   O YTD actual (closed months), P YTD target (Σ of the rep's monthly quota over the closed months),
 *   Q attainment (0 when the YTD target is 0), R seasonality to date S = YTD target ÷ quota (0 when
 *   the quota is 0), S forecast = A ÷ S when S > 0, else A + the quota of the months still open,
 *   T gap = forecast − quota, U status (G/A/R against B4/B5, as the company's and the regions'),
 * and the payout accrual forecast: the bonus plan's curve on the forecast instead of a simulated
 * attainment — V forecast attainment = forecast ÷ quota (0 when the quota is 0), W payout rate
 * f(V) (`payoutFormula` on `PO_TARGET`, E_Bonus's attainment target), X forecast payout = W × the rep's target
 * incentive (`REP_TARGET_BONUS`). Below the block: `PAYOUT_FORECAST` = Σ X,
 * `PAYOUT_FORECAST_VS_BUDGET` = `PAYOUT_FORECAST` − `BONUS_BUDGET`, and an advisory check
 * ("OK" / "⚠ over budget"). With nothing closed every forecast is the quota, so the payout
 * forecast is Σ target incentive × f(100 %).
 *
 * It reads the other sheets only through list names (`PRODUCT_NAME`, `PRODUCT_TARGET`,
 * `REGION_NAME`, `REGION_FINAL`, `REGION_LINE_FINAL`, `REP_NAME`, `REP_REGION`, `REP_QUOTA`,
 * `REP_TARGET_BONUS`), the spec's `TARGET_TOTAL`, `BONUS_BUDGET` and the payout curve's names
 * (`PO_*`, with the attainment target `PO_TARGET`), so it plugs in after any target generator.
 */
import { columnLabel } from '../../src/model/address';
import { isFormula } from '../../src/model/cell';
import type { RawContent } from '../../src/model/cell';
import type { KpiDef } from '../../src/model/drivers';
import type { LayoutItem, NamedExpression, Sheet } from '../../src/model/notebook';
import { planProducts, type MoneyUnit } from './shape';
import { unitOption } from './ansoffView';
import { payoutFormula } from './payoutRule';
import { emptyPart, type GeneratorContext, type PlanPart, type SheetGenerator } from './types';

export const MONTHLY_SHEET = 'G_Monthly';

/** The input key of a monthly input (row item × column item), so a regrown plan keeps it by name. */
export function monthlyInputKey(rowItem: string, colItem: string): string {
  return `${MONTHLY_SHEET}|${rowItem}|${colItem}`;
}

/** Where the blocks sit for `p` product lines and `r` regions (0-based rows). */
export function monthlyLayout(p: number, r: number) {
  const monthRow = 6; // month numbers 1–12 in C:N
  const seasonRow = monthRow + 1;
  const targetRow = seasonRow + p + 2;
  const targetTotalRow = targetRow + p;
  const actualsRow = targetTotalRow + 3;
  const ytdRow = actualsRow + r * p + 2;
  const outRow = ytdRow + p + 1;
  // The cumulative chart's rows: plan, actual (months closed), forecast (from the last closed month), forecast per month.
  const cumRow = outRow + 8;
  // Variance by region × month (actual − target) for the heatmap, one row per region.
  const heatRow = cumRow + 6;
  // Year to date by region with its red/amber/green status.
  const ragRow = heatRow + r + 2;
  // Each rep's monthly quota (the company-weighted seasonality), one row per roster rep.
  const repRow = ragRow + r + 2;
  /** Monthly targets by region × line (region-major), after the roster: `reps` rows above it. */
  const regionLineRow = (reps: number) => repRow + reps + 2;
  /** Each rep's actuals by month and year to date, one row per roster rep: the sheet's last block. */
  const repActualsRow = (reps: number) => regionLineRow(reps) + r * p + 2;
  /** Below the rep block (its total row between): the payout forecast, the budget, the gap to it (B) and the check (C of the gap's row). */
  const payoutRow = (reps: number) => repActualsRow(reps) + reps + 2;
  return { monthRow, seasonRow, targetRow, targetTotalRow, actualsRow, ytdRow, outRow, cumRow, heatRow, ragRow, repRow, regionLineRow, repActualsRow, payoutRow };
}

const MONTH_COL0 = 2; // C
const mcol = (m: number) => columnLabel(MONTH_COL0 + m); // m = 0..11
const A1 = (col: string, row0: number) => `${col}${row0 + 1}`;
const abs = (col: string, row0: number) => `$${col}$${row0 + 1}`;
const MONEY = '#,##0.00';
/** Red/amber/green of an attainment, against the thresholds in B4 (green from) and B5 (amber from). */
const ragFormula = (attainment: string) => `=IF(${attainment}>=${abs('B', 3)},"G",IF(${attainment}>=${abs('B', 4)},"A","R"))`;
/** The bonus plan's attainment target (`PO_TARGET` = E_Bonus C8, the `target` of the payout curve). */
const PAYOUT_TARGET = 'PO_TARGET';

export const monthlyGenerator: SheetGenerator = {
  sheets: [MONTHLY_SHEET],
  generate(ctx: GeneratorContext): PlanPart {
    const products = planProducts(ctx.shape).map((x) => x.name);
    const regions = ctx.shape.regions;
    const P = products.length;
    const R = regions.length;
    const L = monthlyLayout(P, R);
    const cells: Record<string, RawContent> = {};
    const formats: Record<string, string> = {};
    const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
    const S = MONTHLY_SHEET;
    const months = abs(mcol(0), L.monthRow) + ':' + abs(mcol(11), L.monthRow);
    const closed = abs('B', 2);
    const zh = ctx.shape.language === 'zh-CN';
    const t = (z: string, e: string) => (zh ? `${z} ${e}` : e);

    cells.A1 = t('月度分解与跟踪', 'Monthly phasing and tracking');
    cells.A3 = t('已关账月数', 'Closed months');
    cells.B3 = input(monthlyInputKey('CLOSED_MONTHS', 'value'), 0);
    cells.A4 = t('绿灯阈值', 'Green from');
    cells.B4 = input(monthlyInputKey('RAG_GREEN', 'value'), 1);
    cells.A5 = t('黄灯阈值', 'Amber from');
    cells.B5 = input(monthlyInputKey('RAG_AMBER', 'value'), 0.9);
    formats.B4 = '0%';
    formats.B5 = '0%';

    cells[A1('A', L.monthRow)] = t('产品线', 'Line');
    cells[A1('B', L.monthRow)] = t('年度目标', 'Target');
    for (let m = 0; m < 12; m++) cells[A1(mcol(m), L.monthRow)] = m + 1;
    cells[A1('O', L.monthRow)] = 'Σ';
    cells[A1('P', L.monthRow)] = t('校验', 'Check');

    products.forEach((name, k) => {
      const row = L.seasonRow + k;
      cells[A1('A', row)] = `=INDEX(PRODUCT_NAME,${k + 1})`;
      cells[A1('B', row)] = `=INDEX(PRODUCT_TARGET,1,${k + 1})`;
      for (let m = 0; m < 12; m++) {
        cells[A1(mcol(m), row)] = input(monthlyInputKey(name, `season${m + 1}`), '=1/12');
        formats[A1(mcol(m), row)] = '0.0%';
      }
      cells[A1('O', row)] = `=SUM(${A1(mcol(0), row)}:${A1(mcol(11), row)})`;
      formats[A1('O', row)] = '0.0%';
      cells[A1('P', row)] = `=IF(ABS(${A1('O', row)}-1)<0.000001,"OK","ERR ≠100%")`;

      const trow = L.targetRow + k;
      cells[A1('A', trow)] = `=${A1('A', row)}`;
      for (let m = 0; m < 12; m++) cells[A1(mcol(m), trow)] = `=${abs('B', row)}*${A1(mcol(m), row)}`;
    });
    cells[A1('A', L.targetRow - 1)] = t('月度目标', 'Monthly target');
    cells[A1('A', L.targetTotalRow)] = t('合计', 'Total');
    for (let m = 0; m < 12; m++) {
      const c = mcol(m);
      cells[A1(c, L.targetTotalRow)] = `=SUM(${A1(c, L.targetRow)}:${A1(c, L.targetTotalRow - 1)})`;
    }

    cells[A1('A', L.actualsRow - 1)] = t('实际', 'Actuals');
    cells[A1('O', L.actualsRow - 1)] = t('年累计', 'YTD');
    regions.forEach((region, ri) =>
      products.forEach((name, k) => {
        const row = L.actualsRow + ri * P + k;
        cells[A1('A', row)] = `=INDEX(REGION_NAME,${ri + 1})`;
        cells[A1('B', row)] = `=INDEX(PRODUCT_NAME,${k + 1})`;
        for (let m = 0; m < 12; m++) {
          const v = ctx.inputs[monthlyInputKey(`${region}|${name}`, `actual${m + 1}`)];
          if (v !== undefined) cells[A1(mcol(m), row)] = v;
        }
        cells[A1('O', row)] = `=SUMPRODUCT((${months}<=${closed})*${A1(mcol(0), row)}:${A1(mcol(11), row)})`;
      }),
    );
    const actualsEnd = L.actualsRow + R * P - 1;

    // Per line: A_p, S_p, forecast_p, gap (the normative calculation).
    cells[A1('A', L.ytdRow - 1)] = t('产品线', 'Line');
    cells[A1('B', L.ytdRow - 1)] = t('年累计实际', 'YTD actual');
    cells[A1('C', L.ytdRow - 1)] = t('已过季节性', 'Seasonality to date');
    cells[A1('D', L.ytdRow - 1)] = t('全年预测', 'FY forecast');
    cells[A1('E', L.ytdRow - 1)] = t('差距', 'Gap');
    cells[A1('F', L.ytdRow - 1)] = t('余月基数', 'Rest-of-year base');
    products.forEach((_name, k) => {
      const row = L.ytdRow + k;
      const s = L.seasonRow + k;
      cells[A1('A', row)] = `=${A1('A', s)}`;
      cells[A1('B', row)] = `=SUMIF(${abs('B', L.actualsRow)}:${abs('B', actualsEnd)},${A1('A', row)},${abs('O', L.actualsRow)}:${abs('O', actualsEnd)})`;
      cells[A1('C', row)] = `=SUMPRODUCT((${months}<=${closed})*${A1(mcol(0), s)}:${A1(mcol(11), s)})`;
      formats[A1('C', row)] = '0.0%';
      cells[A1('D', row)] = `=IF(${A1('C', row)}>0,${A1('B', row)}/${A1('C', row)},${A1('B', row)}+${A1('B', s)}*(${A1('O', s)}-${A1('C', row)}))`;
      cells[A1('E', row)] = `=${A1('D', row)}-${A1('B', s)}`;
      // What a month still open earns per unit of seasonality: the run rate, or the target with nothing to go on.
      cells[A1('F', row)] = `=IF(${A1('C', row)}>0,${A1('D', row)},${A1('B', s)})`;
    });
    const ytdEnd = L.ytdRow + P - 1;

    const out = [
      ['YTD_TARGET', t('年累计目标', 'YTD target'), `=SUMPRODUCT((${months}<=${closed})*MONTHLY_TARGET)`],
      ['YTD_ACTUAL', t('年累计实际', 'YTD actual'), `=SUM(${abs('B', L.ytdRow)}:${abs('B', ytdEnd)})`],
      ['ATTAINMENT_YTD', t('年累计达成率', 'YTD attainment'), `=IF(YTD_TARGET=0,0,YTD_ACTUAL/YTD_TARGET)`],
      ['FY_FORECAST', t('全年预测', 'FY forecast'), `=SUM(${abs('D', L.ytdRow)}:${abs('D', ytdEnd)})`],
      ['FY_GAP', t('全年差距', 'FY gap'), `=FY_FORECAST-TARGET_TOTAL`],
      ['YTD_STATUS', t('状态', 'Status'), ragFormula('ATTAINMENT_YTD')],
    ] as const;
    const names: NamedExpression[] = [
      { name: 'CLOSED_MONTHS', expression: `=${S}!${closed}` },
      { name: 'SEASON', expression: `=${S}!${abs(mcol(0), L.seasonRow)}:${abs(mcol(11), L.seasonRow + P - 1)}` },
      { name: 'ACTUALS', expression: `=${S}!${abs(mcol(0), L.actualsRow)}:${abs(mcol(11), actualsEnd)}` },
      { name: 'MONTHLY_TARGET', expression: `=${S}!${abs(mcol(0), L.targetTotalRow)}:${abs(mcol(11), L.targetTotalRow)}` },
    ];
    out.forEach(([name, label, formula], i) => {
      const row = L.outRow + i;
      cells[A1('A', row)] = label;
      cells[A1('B', row)] = formula;
      names.push({ name, expression: `=${S}!${abs('B', row)}` });
    });
    formats[A1('B', L.outRow + 2)] = '0.0%';

    // Cumulative plan vs actual, the forecast continuing from the last closed month (the chart's rows).
    const C = L.cumRow;
    cells[A1('A', C - 1)] = t('累计', 'Cumulative');
    cells[A1('A', C)] = t('累计目标', 'Plan');
    cells[A1('A', C + 1)] = t('累计实际', 'Actual');
    cells[A1('A', C + 2)] = t('累计预测', 'Forecast');
    cells[A1('A', C + 3)] = t('月度预测', 'Forecast by month');
    const seasonBlock = (m: number) => `${A1(mcol(m), L.seasonRow)}:${A1(mcol(m), L.seasonRow + P - 1)}`;
    for (let m = 0; m < 12; m++) {
      const c = mcol(m);
      const mm = `${c}$${L.monthRow + 1}`; // the month number
      cells[A1(c, C)] = `=SUM(${abs(mcol(0), L.targetTotalRow)}:${A1(c, L.targetTotalRow)})`;
      cells[A1(c, C + 1)] = `=IF(${mm}<=${closed},SUM(${abs(mcol(0), L.actualsRow)}:${A1(c, actualsEnd)}),"")`;
      cells[A1(c, C + 3)] = `=IF(${mm}>${closed},SUMPRODUCT(${abs('F', L.ytdRow)}:${abs('F', ytdEnd)},${seasonBlock(m)}),0)`;
      cells[A1(c, C + 2)] = `=IF(${mm}>=${closed},YTD_ACTUAL+SUM(${abs(mcol(0), C + 3)}:${A1(c, C + 3)}),"")`;
    }

    // A region's month target follows the company-weighted seasonality (MONTHLY_TARGET ÷ TARGET_TOTAL),
    // as the plan has no region × line targets by month; closed months only, open ones blank.
    const H = L.heatRow;
    cells[A1('A', H - 1)] = t('区域差异（实际 − 目标）', 'Variance by region (actual − target)');
    cells[A1('B', H - 1)] = t('最终目标', 'Final target');
    regions.forEach((_region, ri) => {
      const row = H + ri;
      cells[A1('A', row)] = `=INDEX(REGION_NAME,${ri + 1})`;
      cells[A1('B', row)] = `=INDEX(REGION_FINAL,${ri + 1})`;
      for (let m = 0; m < 12; m++) {
        const c = mcol(m);
        const mm = `${c}$${L.monthRow + 1}`;
        const actual = `SUM(${A1(c, L.actualsRow + ri * P)}:${A1(c, L.actualsRow + ri * P + P - 1)})`;
        cells[A1(c, row)] = `=IF(${mm}<=${closed},${actual}-IF(TARGET_TOTAL=0,0,$B${row + 1}*${c}$${L.targetTotalRow + 1}/TARGET_TOTAL),"")`;
      }
    });

    const G = L.ragRow;
    cells[A1('A', G - 1)] = t('区域', 'Region');
    cells[A1('B', G - 1)] = t('年累计目标', 'YTD target');
    cells[A1('C', G - 1)] = t('年累计实际', 'YTD actual');
    cells[A1('D', G - 1)] = t('达成率', 'Attainment');
    cells[A1('E', G - 1)] = t('状态', 'Status');
    cells[A1('F', G - 1)] = t('全年预测', 'FY forecast');
    cells[A1('G', G - 1)] = t('差距', 'Gap');
    const X = L.regionLineRow(ctx.shape.reps.length);
    const monthTargets = `${abs(mcol(0), L.targetTotalRow)}:${abs(mcol(11), L.targetTotalRow)}`;
    regions.forEach((_region, ri) => {
      const row = G + ri;
      const first = L.actualsRow + ri * P;
      cells[A1('A', row)] = `=INDEX(REGION_NAME,${ri + 1})`;
      cells[A1('B', row)] = `=IF(TARGET_TOTAL=0,0,INDEX(REGION_FINAL,${ri + 1})*SUMPRODUCT((${months}<=${closed})*${monthTargets})/TARGET_TOTAL)`;
      cells[A1('C', row)] = `=SUM(${abs('O', first)}:${abs('O', first + P - 1)})`;
      cells[A1('D', row)] = `=IF(${A1('B', row)}=0,0,${A1('C', row)}/${A1('B', row)})`;
      formats[A1('D', row)] = '0.0%';
      cells[A1('E', row)] = ragFormula(A1('D', row));
      // Σ over the region's lines of the region × line forecasts (column P of the region × line block).
      cells[A1('F', row)] = `=SUM(${A1('P', X + ri * P)}:${A1('P', X + ri * P + P - 1)})`;
      cells[A1('G', row)] = `=${A1('F', row)}-INDEX(REGION_FINAL,${ri + 1})`;
    });

    // A rep's months follow the company-weighted seasonality: quota × MONTHLY_TARGET_m ÷ TARGET_TOTAL.
    const Q = L.repRow;
    cells[A1('A', Q - 1)] = t('代表月度指标', 'Rep monthly quota');
    cells[A1('B', Q - 1)] = t('年度指标', 'Quota');
    ctx.shape.reps.forEach((_rep, k) => {
      const row = Q + k;
      cells[A1('A', row)] = `=INDEX(REP_NAME,${k + 1})`;
      cells[A1('B', row)] = `=INDEX(REP_QUOTA,${k + 1})`;
      for (let m = 0; m < 12; m++) {
        const c = mcol(m);
        cells[A1(c, row)] = `=IF(TARGET_TOTAL=0,0,$B${row + 1}*${c}$${L.targetTotalRow + 1}/TARGET_TOTAL)`;
      }
    });

    // Each region's final target per line, spread by that line's seasonality: the months a region
    // manager is held to (Σ over regions = the line's monthly target).
    cells[A1('A', X - 1)] = t('区域 × 产品线月度目标', 'Monthly target by region × line');
    cells[A1('B', X - 1)] = t('最终目标', 'Final target');
    cells[A1('O', X - 1)] = 'Σ';
    cells[A1('P', X - 1)] = t('全年预测', 'FY forecast');
    cells[A1('Q', X - 1)] = t('差距', 'Gap');
    regions.forEach((_region, ri) =>
      products.forEach((_name, k) => {
        const row = X + ri * P + k;
        const act = L.actualsRow + ri * P + k; // A_{r,p} in column O of the actuals block
        const ytd = L.ytdRow + k; // S_p in column C of the line block
        const season = L.seasonRow + k;
        cells[A1('A', row)] = `=INDEX(REGION_NAME,${ri + 1})`;
        cells[A1('B', row)] = `=INDEX(REGION_LINE_FINAL,${ri + 1},${k + 1})`;
        for (let m = 0; m < 12; m++) cells[A1(mcol(m), row)] = `=$B${row + 1}*${A1(mcol(m), L.seasonRow + k).replace(/(\d+)$/, '$$$1')}`;
        cells[A1('O', row)] = `=SUM(${A1(mcol(0), row)}:${A1(mcol(11), row)})`;
        // forecast_{r,p}: the region's run rate of the line, or its actuals plus its target for the months still open.
        cells[A1('P', row)] = `=IF(${abs('C', ytd)}>0,${abs('O', act)}/${abs('C', ytd)},${abs('O', act)}+$B${row + 1}*(${abs('O', season)}-${abs('C', ytd)}))`;
        cells[A1('Q', row)] = `=${A1('P', row)}-$B${row + 1}`;
      }),
    );

    // Each rep's actuals by month (inputs, kept by the rep's name) and the rep's year to date and forecast.
    const N = ctx.shape.reps.length;
    const W = L.repActualsRow(N);
    cells[A1('A', W - 1)] = t('代表实际', 'Rep actuals');
    cells[A1('B', W - 1)] = t('区域', 'Region');
    for (let m = 0; m < 12; m++) cells[A1(mcol(m), W - 1)] = `=${A1(mcol(m), L.monthRow)}`; // the month numbers, read (not typed: not an input)
    const repCols = [
      ['O', t('年累计实际', 'YTD actual')],
      ['P', t('年累计目标', 'YTD target')],
      ['Q', t('达成率', 'Attainment')],
      ['R', t('已过季节性', 'Seasonality to date')],
      ['S', t('全年预测', 'FY forecast')],
      ['T', t('差距', 'Gap')],
      ['U', t('状态', 'Status')],
      ['V', t('预测达成率', 'Forecast attainment')],
      ['W', t('预测支付率', 'Forecast payout %')],
      ['X', t('预测奖金', 'Forecast payout')],
    ] as const;
    for (const [col, label] of repCols) cells[A1(col, W - 1)] = label;
    ctx.shape.reps.forEach((rep, k) => {
      const row = W + k;
      const q = Q + k; // the rep's monthly quota row: B = quota, C:N = months
      const r1 = row + 1;
      cells[A1('A', row)] = `=INDEX(REP_NAME,${k + 1})`;
      cells[A1('B', row)] = `=INDEX(REP_REGION,${k + 1})`;
      for (let m = 0; m < 12; m++) {
        const v = ctx.inputs[monthlyInputKey(rep.name, `actual${m + 1}`)];
        if (v !== undefined) cells[A1(mcol(m), row)] = v;
      }
      const quotaMonths = `${abs(mcol(0), q)}:${abs(mcol(11), q)}`;
      cells[A1('O', row)] = `=SUMPRODUCT((${months}<=${closed})*${A1(mcol(0), row)}:${A1(mcol(11), row)})`;
      cells[A1('P', row)] = `=SUMPRODUCT((${months}<=${closed})*${quotaMonths})`;
      cells[A1('Q', row)] = `=IF(P${r1}=0,0,O${r1}/P${r1})`;
      formats[A1('Q', row)] = '0.0%';
      cells[A1('R', row)] = `=IF(${abs('B', q)}>0,P${r1}/${abs('B', q)},0)`;
      formats[A1('R', row)] = '0.0%';
      cells[A1('S', row)] = `=IF(R${r1}>0,O${r1}/R${r1},O${r1}+SUMPRODUCT((${months}>${closed})*${quotaMonths}))`;
      cells[A1('T', row)] = `=S${r1}-${abs('B', q)}`;
      cells[A1('U', row)] = ragFormula(`Q${r1}`);
      // The payout accrual forecast: the bonus curve on the forecast attainment, times the rep's target incentive.
      cells[A1('V', row)] = `=IF(${abs('B', q)}=0,0,S${r1}/${abs('B', q)})`;
      formats[A1('V', row)] = '0.0%';
      cells[A1('W', row)] = payoutFormula(`V${r1}`, PAYOUT_TARGET);
      formats[A1('W', row)] = '0.0%';
      cells[A1('X', row)] = `=W${r1}*INDEX(REP_TARGET_BONUS,${k + 1})`;
    });
    const repEnd = W + N - 1;
    // The company's payout forecast against the bonus budget (advisory: over budget warns, never ERR).
    const PO = L.payoutRow(N);
    cells[A1('A', repEnd + 1)] = t('合计', 'Total');
    cells[A1('X', repEnd + 1)] = N > 0 ? `=SUM(${A1('X', W)}:${A1('X', repEnd)})` : 0;
    cells[A1('A', PO - 1)] = t('奖金计提预测', 'Payout accrual forecast');
    cells[A1('A', PO)] = t('预测奖金合计', 'Forecast payout');
    cells[A1('B', PO)] = `=${A1('X', repEnd + 1)}`;
    cells[A1('A', PO + 1)] = t('奖金预算', 'Bonus budget');
    cells[A1('B', PO + 1)] = '=BONUS_BUDGET';
    cells[A1('A', PO + 2)] = t('预测 − 预算', 'Forecast − budget');
    cells[A1('B', PO + 2)] = `=PAYOUT_FORECAST-BONUS_BUDGET`;
    // The check beside the gap it reads (as E_Bonus's "Projected ÷ budget"), labelled by its row.
    cells[A1('C', PO + 2)] = `=IF(PAYOUT_FORECAST<=BONUS_BUDGET,"OK","${zh ? '⚠ 预测奖金超预算 over budget' : '⚠ over budget'}")`;
    const regionEnd = L.ragRow + R - 1;
    const colName = (name: string, col: string, first: number, last: number) => ({ name, expression: `=${S}!${abs(col, first)}:${abs(col, last)}` });
    names.push(
      colName('REGION_YTD_TARGET', 'B', L.ragRow, regionEnd),
      colName('REGION_YTD_ACTUAL', 'C', L.ragRow, regionEnd),
      colName('REGION_ATTAINMENT', 'D', L.ragRow, regionEnd),
      colName('REGION_STATUS', 'E', L.ragRow, regionEnd),
      colName('REGION_FY_FORECAST', 'F', L.ragRow, regionEnd),
      colName('REGION_FY_GAP', 'G', L.ragRow, regionEnd),
      { name: 'REP_ACTUALS', expression: `=${S}!${abs(mcol(0), W)}:${abs(mcol(11), repEnd)}` },
      colName('REP_YTD_ACTUAL', 'O', W, repEnd),
      colName('REP_YTD_TARGET', 'P', W, repEnd),
      colName('REP_ATTAINMENT', 'Q', W, repEnd),
      colName('REP_FY_FORECAST', 'S', W, repEnd),
      colName('REP_FY_GAP', 'T', W, repEnd),
      colName('REP_STATUS', 'U', W, repEnd),
      colName('REP_FORECAST_ATTAINMENT', 'V', W, repEnd),
      colName('REP_FORECAST_PAYOUT', 'X', W, repEnd),
      { name: 'PAYOUT_FORECAST', expression: `=${S}!${abs('B', PO)}` },
      { name: 'PAYOUT_FORECAST_VS_BUDGET', expression: `=${S}!${abs('B', PO + 2)}` },
    );

    // Every other number of the sheet is money, shown as the other sheets show it — but the closed
    // months and the month numbers heading the blocks (a format on text changes nothing).
    const counts = new Set([A1('B', 2), ...[L.monthRow, W - 1].flatMap((r) => Array.from({ length: 12 }, (_x, m) => A1(mcol(m), r)))]);
    for (const [addr, raw] of Object.entries(cells)) {
      if (formats[addr] || counts.has(addr) || /^A\d/.test(addr) || (typeof raw !== 'number' && !isFormula(raw))) continue;
      formats[addr] = MONEY;
    }
    // The actuals are inputs, typed or imported later: they show as money too.
    for (const first of [L.actualsRow, W]) {
      const rows = first === W ? N : R * P;
      for (let k = 0; k < rows; k++) for (let m = 0; m < 12; m++) formats[A1(mcol(m), first + k)] ??= MONEY;
    }

    const sheet: Sheet = { id: 'sheet_g_monthly', name: S, cells, formats, frozen: { rows: 0, cols: 1 } };
    const part = emptyPart();
    part.sheets.push(sheet);
    part.layout.push(...monthlyLayoutItems(P, R, ctx.shape.unit));
    part.kpis.push(...MONTHLY_KPIS);
    part.names.push(...names);
    part.inputRules.push(
      { ref: `${S}!B3`, kind: 'integer', min: 0, max: 12 },
      { ref: `${S}!${A1(mcol(0), L.seasonRow)}:${A1(mcol(11), L.seasonRow + P - 1)}`, kind: 'percent', min: 0, max: 1 },
      { ref: `${S}!${A1(mcol(0), L.actualsRow)}:${A1(mcol(11), actualsEnd)}`, kind: 'number' },
      { ref: `${S}!${A1(mcol(0), W)}:${A1(mcol(11), repEnd)}`, kind: 'number' },
    );
    return part;
  },
};

type Text = { zh: string; en: string };
const tx = (zh: string, en: string): Text => ({ zh, en });

/** The presenter's monthly-review KPIs, by workbook name. */
export const MONTHLY_KPIS: readonly KpiDef[] = [
  { id: 'ATTAINMENT_YTD', label: tx('年累计达成率', 'YTD attainment'), unit: 'percent' },
  { id: 'FY_FORECAST', label: tx('全年预测', 'FY forecast'), unit: 'money' },
  { id: 'FY_GAP', label: tx('与目标差距', 'Gap to target'), unit: 'money' },
  { id: 'YTD_ACTUAL', label: tx('年累计实际', 'YTD actual'), unit: 'money' },
  { id: 'PAYOUT_FORECAST', label: tx('奖金计提预测', 'Payout forecast'), unit: 'money' },
];

/** G_Monthly's default notebook view: a note, KPI cards and the cumulative plan-vs-actual chart (forecast dashed). */
export function monthlyLayoutItems(p: number, r: number, unit?: string): LayoutItem[] {
  const L = monthlyLayout(p, r);
  const S = MONTHLY_SHEET;
  const withUnit = unit ? unitOption({ unit: unit as MoneyUnit }) : {};
  const kpi = (key: string, value: string, label: Text, extra: Record<string, unknown> = {}, sub?: string): LayoutItem => ({
    id: `${S}.kpi.${key}`, kind: 'kpi', sheet: S, ranges: sub ? { value, sub } : { value }, options: { label, ...extra },
  });
  const m1 = mcol(0);
  const m12 = mcol(11);
  return [
    {
      id: `${S}.note`, kind: 'note', sheet: S, ranges: {},
      options: {
        title: tx('月度跟踪', 'Monthly tracking'),
        text: tx(
          '季节性把最终目标分到十二个月；导入或录入实际后，年累计达成率、全年预测（各产品线实际 ÷ 已过季节性）与差距随已关账月数更新。',
          'Seasonality spreads the final targets over twelve months; with the actuals imported or typed, YTD attainment, the full-year forecast (each line’s actuals ÷ its seasonality to date) and the gap follow the closed months.',
        ),
      },
    },
    kpi('attainment', 'ATTAINMENT_YTD', tx('年累计达成率', 'YTD attainment'), {}, 'YTD_STATUS'),
    kpi('forecast', 'FY_FORECAST', tx('全年预测', 'FY forecast'), withUnit, 'FY_GAP'),
    kpi('ytd', 'YTD_ACTUAL', tx('年累计实际', 'YTD actual'), withUnit, 'YTD_TARGET'),
    kpi('payout', 'PAYOUT_FORECAST', tx('奖金计提预测（对预算）', 'Payout forecast (vs budget)'), withUnit, 'PAYOUT_FORECAST_VS_BUDGET'),
    {
      id: `${S}.cumulative`, kind: 'line', sheet: S,
      ranges: { values: `${m1}${L.cumRow + 1}:${m12}${L.cumRow + 3}`, colLabels: `${m1}${L.monthRow + 1}:${m12}${L.monthRow + 1}` },
      options: {
        label: tx('累计目标 vs 实际（预测为虚线）', 'Cumulative plan vs actual (forecast dashed)'), ...withUnit, series: 'rows',
        seriesLabels: [tx('目标', 'Plan'), tx('实际', 'Actual'), tx('预测', 'Forecast')], dashed: [2],
      },
    },
    {
      id: `${S}.variance`, kind: 'heatmap', sheet: S,
      ranges: { values: `${m1}${L.heatRow + 1}:${m12}${L.heatRow + r}`, rowLabels: `A${L.heatRow + 1}:A${L.heatRow + r}`, colLabels: `${m1}${L.monthRow + 1}:${m12}${L.monthRow + 1}` },
      options: { label: tx('区域 × 月份差异（实际 − 目标）', 'Variance by region × month (actual − target)'), ...withUnit, series: 'rows' },
    },
  ];
}
