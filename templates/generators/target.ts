/**
 * B_Target (spec §5): the six steps from market environment to the annual target T_p per line,
 * its split to regions (potential, allocation index, top-down, bottom-up, deviation, negotiated,
 * final), to reps and to each rep's key accounts. Every line of the plan across (new lines get
 * their target from C_Ansoff's initiatives, as P4 does), every region one row per block, every
 * rep one roster row (`targetLayout`). It defines the spec's B names and the list names.
 * On the sample shape this is the spec's sheet cell for cell.
 *
 * Inputs not given start from neutral values (see `marketSample.ts`): history 1,000 per region
 * and line with the two years before at 80 % and 90 % of it, potential 4× history, bottom-up
 * 10 % above history, each rep an equal part of the region's history, potential and new
 * hospitals — so the plan opens with every check OK (a bottom-up far from top-down shows ⚠).
 * A region without history (a new region) gets each line's mean regional potential and its reps
 * an actual of 1 each (equal shares), so its target and quotas are defined rather than 0/0.
 * Every row holding neutral values says `示例值 sample` beside it (right of the total; the
 * roster in column L, key accounts in column H) until they are typed over (`marketMarks.ts`).
 */
import type { RawContent } from '../../src/model/cell';
import type { NamedExpression, Sheet } from '../../src/model/notebook';
import { columnLabel } from '../../src/model/address';
import { marketLayout, targetLayout } from './abLayout';
import { ansoffLayout } from './ansoff';
import { a1, abs, absSpan, inputKey, labeler, UNIT_EN } from './ansoffLinks';
import { bonusLayout } from './bonus';
import { listNames } from './listNames';
import { englishPart, historyGrid, lineBaseRevenue } from './market';
import {
  ACCOUNT_UPLIFT_NEUTRAL, ACCOUNT_UPLIFT_SAMPLE, BU_SAMPLE, HISTORY_NEUTRAL, NEW_HOSPITALS_NEUTRAL, NEW_HOSPITALS_SAMPLE,
  POTENTIAL_PER_REVENUE, REP_SAMPLE, SAMPLE_LINE_LABELS, TARGET_LINE_NEUTRAL, TARGET_LINE_SAMPLE, TARGET_PARAMS,
} from './marketSample';
import { planProducts } from './shape';
import { SampleMarks } from './marketMarks';
import { targetView, targetVocabulary } from './marketView';
import { emptyPart, type GeneratorContext, type InputRule, type PlanPart, type SheetGenerator } from './types';

export const TARGET_SHEET = 'B_Target';
export const targetInputKey = (rowItem: string, colItem: string) => inputKey(TARGET_SHEET, rowItem, colItem);

const MONEY = '#,##0.00';
const PCT = '0.0%';
const RATIO = '0.000';
const COUNT = '#,##0';

/** A name inside a formula's string literal. */
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The new-line header: the sample's P4 carries its product name. */
function newLineLabel(name: string, en: boolean): string {
  const l = SAMPLE_LINE_LABELS[name];
  if (!l) return `${name} (new)`;
  return en ? `${name} ${l.en} (new)` : `${name} ${l.zh} ${l.en} (new)`;
}

/** Whole numbers that add up to `total`, split as evenly as possible over `n`. */
function evenSplit(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

export const targetGenerator: SheetGenerator = {
  sheets: [TARGET_SHEET],
  generate(ctx: GeneratorContext): PlanPart {
    const { shape } = ctx;
    const L = targetLayout(shape);
    const M = marketLayout(shape);
    const A = ansoffLayout(shape);
    const products = planProducts(shape);
    const existing = products.filter((p) => !p.isNew);
    const S = TARGET_SHEET;
    const cells: Record<string, RawContent> = {};
    const formats: Record<string, string> = {};
    const set = (col: number, row: number, v: RawContent, fmt?: string) => {
      cells[a1(col, row)] = v;
      if (fmt) formats[a1(col, row)] = fmt;
    };
    const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
    // Neutral values, marked per row: the per-line blocks beside the total, reps and accounts beside their rows.
    const marks = new SampleMarks();
    const repMarks = new SampleMarks();
    const accountMarks = new SampleMarks();
    /** An input that starts from the client's or the sample's value, else from a neutral one (marked). */
    const sampled = (m: SampleMarks, col: number, row: number, key: string, given: number | undefined, neutral: number): RawContent => {
      if (ctx.inputs[key] !== undefined) return ctx.inputs[key];
      if (given !== undefined) return given;
      m.add(col, row, neutral);
      return neutral;
    };
    const lb = labeler(shape.language);
    const pair = (row: number, zh: string, e: string) => {
      const [a, b] = lb.pair(zh, e);
      set(0, row, a);
      if (b !== undefined) set(1, row, b);
    };
    const fy = shape.fiscalYear;
    const prev = `FY${fy - 1}`;
    const c = (col: number) => columnLabel(col);
    const n1 = (row: number) => row + 1; // 1-based row in a formula
    const P0 = L.productCols.first;
    const P1 = L.productCols.last;
    const E1 = L.existingCols.last;
    const T = L.totalCol;
    const onExisting = (row: number, fn: (col: string, k: number) => RawContent, fmt?: string) =>
      existing.forEach((_, k) => set(P0 + k, row, fn(c(P0 + k), k), fmt));
    const onAll = (row: number, fn: (col: string, k: number, isNew: boolean) => RawContent, fmt?: string) =>
      products.forEach((p, k) => set(P0 + k, row, fn(c(P0 + k), k, p.isNew), fmt));
    const sumAll = (row: number) => `=SUM(${a1(P0, row)}:${a1(P1, row)})`;
    const sumExisting = (row: number) => `=SUM(${a1(P0, row)}:${a1(E1, row)})`;
    const sumDown = (col: string, first: number, last: number) => `=SUM(${col}${n1(first)}:${col}${n1(last)})`;
    /** A number this generator placed (NaN for a formula or text): guards are chosen from the data. */
    const placed = (col: number, row: number) => {
      const v = cells[a1(col, row)];
      return typeof v === 'number' ? v : NaN;
    };
    const colSum = (col: number, first: number, last: number) => {
      let sum = 0;
      for (let row = first; row <= last; row++) sum += placed(col, row);
      return sum;
    };
    /** Last year's revenue of existing line k, as placed, is zero. */
    const baseZero = (k: number) => colSum(P0 + k, L.historyRows.first, L.historyRows.last) === 0;
    const aRef = (k: number, row: number) => `A_Market!${a1(M.lineCols.first + k, row)}`;
    const regionRow = (row: number, region: string, label: string) => {
      set(0, row, region);
      set(1, row, label);
    };
    // C_Ansoff's initiatives, which give the new lines their targets.
    const ini = A.initiativeRows;
    const ansoffCol = (col: number) => `C_Ansoff!${absSpan(col, ini.first, ini.last)}`;

    set(0, 0, lb.en ? `Six-step Target Setting (unit: ${UNIT_EN[shape.unit]})` : `市场目标制定六步骤 Six-step Target Setting（单位：${shape.unit}）`);
    pair(2, '参数', 'Parameters');
    const params: [keyof typeof TARGET_PARAMS, string, string][] = [
      ['W_TREND', '趋势权重（定量内）', 'Trend weight within quantitative, W_TREND'],
      ['W_QUANT', '定量权重', 'Quantitative weight, W_QUANT'],
      ['ALPHA_BU', '自下而上协商权重', 'Bottom-up weight α, ALPHA_BU'],
      ['OVERASSIGN', '代表指标超额分配', 'Rep over-assignment, OVERASSIGN'],
      ['ALERT_DEV', '上下偏差预警阈值', 'BU vs TD alert threshold, ALERT_DEV'],
      ['REP_W_HIST', '代表分配历史权重', 'Rep allocation history weight, REP_W_HIST'],
    ];
    for (const [id, zh, e] of params) {
      pair(L.params[id], zh, e);
      set(2, L.params[id], input(targetInputKey(id, 'value'), TARGET_PARAMS[id]), PCT);
    }

    // Step 1: market environment.
    pair(L.headerRow, '步骤1 市场环境', 'Step 1 Market environment');
    products.forEach((p, k) => set(P0 + k, L.headerRow, p.isNew ? newLineLabel(p.name, lb.en) : p.name));
    set(T, L.headerRow, lb.t('合计', 'Total'));
    pair(L.marketGrowthRow, '行业容量增长', 'Market volume growth');
    onExisting(L.marketGrowthRow, (_, k) => `=${aRef(k, M.volumeGrowthRow)}`, PCT);
    pair(L.qualitativeRow, '定性判断', 'Qualitative view');
    products.forEach((p, k) => {
      const text = ctx.inputs[targetInputKey('qualitative', p.name)] ?? TARGET_LINE_SAMPLE[p.name]?.qualitative;
      if (text !== undefined) set(P0 + k, L.qualitativeRow, text);
    });

    // Step 2: competition.
    pair(14, '步骤2 竞争分析', 'Step 2 Competition');
    pair(L.ourShareRow, '本公司份额', 'Our share (covered hospitals)');
    onExisting(L.ourShareRow, (_, k) => `=${aRef(k, M.shareRow)}`, PCT);
    const lineInput = (row: number, item: 'competitorShare' | 'competitorGrowth' | 'judgement' | 'historyWeight', fmt: string) =>
      existing.forEach((p, k) => {
        const sample = TARGET_LINE_SAMPLE[p.name]?.[item];
        set(P0 + k, row, sampled(marks, P0 + k, row, targetInputKey(item, p.name), typeof sample === 'number' ? sample : undefined, TARGET_LINE_NEUTRAL[item]), fmt);
      });
    pair(L.competitorShareRow, '主要竞品份额', 'Main competitor share');
    lineInput(L.competitorShareRow, 'competitorShare', PCT);
    pair(L.competitorGrowthRow, '竞品增长率', 'Competitor growth');
    lineInput(L.competitorGrowthRow, 'competitorGrowth', PCT);
    pair(L.relativeShareRow, '相对份额', 'Relative share');
    onExisting(L.relativeShareRow, (col) => `=${col}${n1(L.ourShareRow)}/${col}${n1(L.competitorShareRow)}`, RATIO);
    pair(L.growthGapRow, '增速差（模型−竞品）', 'Growth gap vs competitor');
    onExisting(L.growthGapRow, (col, k) => `=${aRef(k, M.modelGrowthRow)}-${col}${n1(L.competitorGrowthRow)}`, PCT);

    // Step 3: target customers.
    pair(21, '步骤3 目标客户', 'Step 3 Target customers');
    pair(L.targetHospitalsRow, '目标医院', 'Target hospitals');
    onExisting(L.targetHospitalsRow, (_, k) => `=${aRef(k, M.universeRow)}`, COUNT);
    pair(L.coveredRow, '已覆盖', 'Covered');
    onExisting(L.coveredRow, (_, k) => `=${aRef(k, M.coveredRow)}`, COUNT);
    pair(L.plannedNewRow, '计划新增', 'Planned new');
    onExisting(L.plannedNewRow, (_, k) => `=${aRef(k, M.newHospitalTotalRow)}`, COUNT);
    pair(L.whiteSpaceRow, '剩余空白', 'Remaining white space');
    onExisting(L.whiteSpaceRow, (col) => `=${col}${n1(L.targetHospitalsRow)}-${col}${n1(L.coveredRow)}-${col}${n1(L.plannedNewRow)}`, COUNT);

    // Step 4: forecast from history.
    pair(27, '步骤4 销售预测', 'Step 4 Sales forecast');
    const history = historyGrid(shape);
    const lineTotals = lineBaseRevenue(shape);
    const givenPotential = (r: number, k: number) => {
      const v = shape.potential?.[r]?.[k];
      return Number.isFinite(v) ? v : undefined;
    };
    /** Four times last year's revenue; a region without it gets the line's mean over the regions with it. */
    const potentialNeutral = (r: number, k: number) => {
      if (history[r][k] > 0) return history[r][k] * POTENTIAL_PER_REVENUE;
      const sold = history.map((row) => row[k]).filter((v) => v > 0);
      const mean = sold.length ? sold.reduce((a, b) => a + b, 0) / sold.length : HISTORY_NEUTRAL.perRegionLine;
      return Math.round(mean * POTENTIAL_PER_REVENUE);
    };
    [0, 1].forEach((i) => {
      const row = L.priorRows.first + i;
      const label = shape.historyPrior?.[i]?.label ?? `FY${fy - 3 + i}`;
      pair(row, `${label} 实际`, `${label} actual`);
      onAll(row, (_, k, isNew) => {
        const key = targetInputKey(`prior|${i}`, products[k].name);
        if (isNew) return input(key, 0);
        const given = shape.historyPrior?.[i]?.values[k];
        return sampled(marks, P0 + k, row, key, Number.isFinite(given) ? given : undefined, Math.round(lineTotals[k] * HISTORY_NEUTRAL.priorShares[i]));
      }, MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    pair(L.historyHeadingRow, `${prev} 实际（分区域）`, `${prev} actual by region`);
    shape.regions.forEach((region, r) => {
      const row = L.historyRows.first + r;
      regionRow(row, region, `${prev} ${englishPart(region)}`);
      onAll(row, (_, k, isNew) => {
        const key = targetInputKey(`history|${region}`, products[k].name);
        if (isNew) return input(key, 0);
        const given = shape.history?.[r]?.[k];
        return sampled(marks, P0 + k, row, key, Number.isFinite(given) ? given : undefined, history[r][k]);
      }, MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    const H0 = L.historyRows.first;
    const H1 = L.historyRows.last;
    pair(L.baseRow, `${prev} 合计`, `${prev} total R0`);
    onAll(L.baseRow, (col) => sumDown(col, H0, H1), MONEY);
    set(T, L.baseRow, sumAll(L.baseRow), MONEY);
    pair(L.cagrRow, '历史复合增长率', `Historical CAGR FY${String((fy - 3) % 100).padStart(2, '0')}–${String((fy - 1) % 100).padStart(2, '0')}`);
    onExisting(L.cagrRow, (col, k) => {
      const [base, p0, p1] = [L.baseRow, L.priorRows.first, L.priorRows.first + 1].map((row) => `${col}${n1(row)}`);
      // A line younger than the history (nothing sold two years before): last year's growth, else none.
      return placed(P0 + k, L.priorRows.first) > 0 ? `=(${base}/${p0})^(1/2)-1` : `=IF(${p0}>0,(${base}/${p0})^(1/2)-1,IF(${p1}>0,${base}/${p1}-1,0))`;
    }, PCT);
    pair(L.trendRow, '趋势预测', 'Trend forecast = R0×(1+CAGR)');
    onExisting(L.trendRow, (col) => `=${col}${n1(L.baseRow)}*(1+${col}${n1(L.cagrRow)})`, MONEY);
    set(T, L.trendRow, sumExisting(L.trendRow), MONEY);
    pair(L.marketModelRow, '市场模型预测', 'Market-model forecast (from A)');
    onExisting(L.marketModelRow, (_, k) => `=${aRef(k, M.modelRow)}`, MONEY);
    set(T, L.marketModelRow, sumExisting(L.marketModelRow), MONEY);
    pair(L.quantRow, '定量预测', 'Quantitative forecast');
    onExisting(L.quantRow, (col) => `=W_TREND*${col}${n1(L.trendRow)}+(1-W_TREND)*${col}${n1(L.marketModelRow)}`, MONEY);
    set(T, L.quantRow, sumExisting(L.quantRow), MONEY);

    // Step 5: the target model.
    pair(L.judgementRow - 1, '步骤5 目标模型', 'Step 5 Target model');
    pair(L.judgementRow, '管理层判断增长率', 'Judgement growth %');
    lineInput(L.judgementRow, 'judgement', PCT);
    pair(L.judgementForecastRow, '定性判断预测', 'Judgement forecast');
    onExisting(L.judgementForecastRow, (col) => `=${col}${n1(L.baseRow)}*(1+${col}${n1(L.judgementRow)})`, MONEY);
    set(T, L.judgementForecastRow, sumExisting(L.judgementForecastRow), MONEY);
    pair(L.targetRow, '年度目标', 'Annual target T_p');
    onAll(L.targetRow, (col, k, isNew) =>
      isNew
        ? `=SUMIF(${ansoffCol(A.cols.product)},${quoted(products[k].name)},${ansoffCol(A.cols.opportunity)})`
        : `=W_QUANT*${col}${n1(L.quantRow)}+(1-W_QUANT)*${col}${n1(L.judgementForecastRow)}`, MONEY);
    set(T, L.targetRow, sumAll(L.targetRow), MONEY);
    pair(L.targetGrowthRow, '目标增长率', 'Target growth %');
    // Growth over a line the client sold nothing of last year reads 0, not #DIV/0!.
    const overBase = (target: string, base: string, zero: boolean) => (zero ? `=IF(${base}=0,0,${target}/${base}-1)` : `=${target}/${base}-1`);
    onExisting(L.targetGrowthRow, (col, k) => overBase(`${col}${n1(L.targetRow)}`, `${col}${n1(L.baseRow)}`, baseZero(k)), PCT);
    set(T, L.targetGrowthRow, overBase(a1(T, L.targetRow), a1(T, L.baseRow), existing.every((_, k) => baseZero(k))), PCT);
    pair(L.goalCompareRow, '对比增长目标', 'Target − goal (A)');
    set(T, L.goalCompareRow, `=${a1(T, L.targetRow)}-GOAL_REVENUE`, MONEY);
    set(L.flagCol, L.goalCompareRow, `=IF(${a1(T, L.goalCompareRow)}>=0,"OK ≥ 增长目标 goal","⚠ 低于增长目标 below goal")`);

    // Step 6: publish, top-down and bottom-up.
    pair(L.historyWeightRow - 1, '步骤6 发布与上下沟通', 'Step 6 Publish & top-down / bottom-up adjust');
    pair(L.historyWeightRow, '历史占比权重', 'History weight w_h');
    lineInput(L.historyWeightRow, 'historyWeight', PCT);
    pair(L.potentialRows.first - 1, '区域市场潜力', 'Regional market potential');
    shape.regions.forEach((region, r) => {
      const row = L.potentialRows.first + r;
      regionRow(row, region, 'Potential');
      existing.forEach((p, k) =>
        set(P0 + k, row, sampled(marks, P0 + k, row, targetInputKey(`potential|${region}`, p.name), givenPotential(r, k), potentialNeutral(r, k)), MONEY),
      );
      set(T, row, sumExisting(row), MONEY);
    });
    pair(L.potentialTotalRow, '潜力合计', 'Potential total');
    onExisting(L.potentialTotalRow, (col) => sumDown(col, L.potentialRows.first, L.potentialRows.last), MONEY);
    set(T, L.potentialTotalRow, sumExisting(L.potentialTotalRow), MONEY);
    pair(L.indexRows.first - 1, '分配指数 = w_h×历史占比+(1−w_h)×潜力占比', 'Allocation index');
    const wh = (col: string) => `${col}$${n1(L.historyWeightRow)}`;
    shape.regions.forEach((region, r) => {
      const row = L.indexRows.first + r;
      regionRow(row, region, 'Index');
      onExisting(row, (col, k) => {
        const [hist, base, pot, potTotal] = [`${col}${n1(H0 + r)}`, `${col}$${n1(L.baseRow)}`, `${col}${n1(L.potentialRows.first + r)}`, `${col}$${n1(L.potentialTotalRow)}`];
        const spec = `${wh(col)}*${hist}/${base}+(1-${wh(col)})*${pot}/${potTotal}`;
        // No history (or no potential) on the line: the other share alone; neither: equal shares.
        if (!baseZero(k) && colSum(P0 + k, L.potentialRows.first, L.potentialRows.last) !== 0) return `=${spec}`;
        return `=IF(${base}=0,IF(${potTotal}=0,1/${shape.regions.length},${pot}/${potTotal}),IF(${potTotal}=0,${hist}/${base},${spec}))`;
      }, RATIO);
    });
    pair(L.indexSumRow, '指数合计（=1）', 'Index sum check');
    onExisting(L.indexSumRow, (col) => sumDown(col, L.indexRows.first, L.indexRows.last), RATIO);

    pair(L.tdRows.first - 1, '自上而下目标 TD', 'Top-down target');
    shape.regions.forEach((region, r) => {
      const row = L.tdRows.first + r;
      regionRow(row, region, 'TD');
      onAll(row, (col, k, isNew) =>
        isNew
          ? `=SUMIFS(${ansoffCol(A.cols.opportunity)},${ansoffCol(A.cols.product)},${quoted(products[k].name)},${ansoffCol(A.cols.market)},$A${n1(row)})`
          : `=${col}$${n1(L.targetRow)}*${col}${n1(L.indexRows.first + r)}`, MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    const blockTotal = (row: number, first: number, last: number) => {
      onAll(row, (col) => sumDown(col, first, last), MONEY);
      set(T, row, sumDown(c(T), first, last), MONEY);
    };
    pair(L.tdTotalRow, 'TD 合计', 'TD total');
    blockTotal(L.tdTotalRow, L.tdRows.first, L.tdRows.last);

    pair(L.buRows.first - 1, '自下而上提报 BU（输入）', 'Bottom-up submission (inputs)');
    shape.regions.forEach((region, r) => {
      const row = L.buRows.first + r;
      regionRow(row, region, 'BU');
      onAll(row, (col, k, isNew) =>
        isNew ? `=${col}${n1(L.tdRows.first + r)}` : sampled(marks, P0 + k, row, targetInputKey(`bu|${region}`, products[k].name), BU_SAMPLE[region]?.[products[k].name], Math.round(history[r][k] * 1.1)), MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    pair(L.buTotalRow, 'BU 合计', 'BU total');
    blockTotal(L.buTotalRow, L.buRows.first, L.buRows.last);

    pair(L.devRows.first - 1, '偏差 BU/TD−1', 'Deviation');
    shape.regions.forEach((region, r) => {
      const row = L.devRows.first + r;
      regionRow(row, region, 'Dev');
      const dev = (col: string) => `=IF(${col}${n1(L.tdRows.first + r)}=0,0,${col}${n1(L.buRows.first + r)}/${col}${n1(L.tdRows.first + r)}-1)`;
      onAll(row, dev, PCT);
      set(T, row, dev(c(T)), PCT);
      set(L.flagCol, row, `=IF(ABS(${a1(T, row)})>ALERT_DEV,"⚠ 偏差过大 deviation","OK")`);
    });

    pair(L.negotiatedRows.first - 1, '协商值 = TD+α(BU−TD)', 'Negotiated');
    shape.regions.forEach((region, r) => {
      const row = L.negotiatedRows.first + r;
      regionRow(row, region, 'Negotiated');
      onAll(row, (col) => `=${col}${n1(L.tdRows.first + r)}+ALPHA_BU*(${col}${n1(L.buRows.first + r)}-${col}${n1(L.tdRows.first + r)})`, MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    pair(L.negotiatedTotalRow, '协商合计', 'Negotiated total');
    blockTotal(L.negotiatedTotalRow, L.negotiatedRows.first, L.negotiatedRows.last);

    pair(L.finalRows.first - 1, '最终目标 = 协商值×T_p/Σ协商值', 'Final target (rescaled to T_p)');
    shape.regions.forEach((region, r) => {
      const row = L.finalRows.first + r;
      regionRow(row, region, 'Final');
      onAll(row, (col) => `=IF(${col}$${n1(L.negotiatedTotalRow)}=0,0,${col}${n1(L.negotiatedRows.first + r)}*${col}$${n1(L.targetRow)}/${col}$${n1(L.negotiatedTotalRow)})`, MONEY);
      set(T, row, sumAll(row), MONEY);
    });
    pair(L.finalTotalRow, '最终合计', 'Final total');
    blockTotal(L.finalTotalRow, L.finalRows.first, L.finalRows.last);
    pair(L.finalCheckRow, '检查：区域合计=产品目标', 'Check decomposition = target');
    const decompCheck = (col: string) => `=IF(ABS(${col}${n1(L.finalTotalRow)}-${col}${n1(L.targetRow)})<0.005,"OK","ERR")`;
    onAll(L.finalCheckRow, decompCheck);
    set(T, L.finalCheckRow, decompCheck(c(T)));

    // Reps: the region's final target split by history and potential.
    const RC = L.repCols;
    const R0 = L.repRows.first;
    const R1 = L.repRows.last;
    pair(L.repHeaderRow - 1, '指标分解：区域→层级→代表', 'Decomposition: region → level → rep');
    [['代表', 'Rep'], ['区域', 'Region'], ['职级', 'Level'], [`${prev} 实际`, 'Actual'], ['辖区潜力', 'Potential'], ['历史占比', 'Hist share'], ['潜力占比', 'Pot share'], ['分配指数', 'Index'], ['区域最终目标', 'Region final'], ['代表指标', 'Rep quota'], ['新客户指标', 'New-acct quota']]
      .forEach(([zh, e], col) => set(col, L.repHeaderRow, lb.t(zh, e)));
    [[RC.bu, '代表自下而上（输入）', 'Rep bottom-up (input)'], [RC.buDev, '偏差 BU/指标−1', 'Deviation']]
      .forEach(([col, zh, e]) => set(col as number, L.repHeaderRow, lb.t(zh as string, e as string)));
    const repSpan = (col: number) => absSpan(col, R0, R1);
    const finalTotals = absSpan(T, L.finalRows.first, L.finalRows.last);
    const finalNames = absSpan(0, L.finalRows.first, L.finalRows.last);
    // Default actual, potential and new-account quota: the sample's reps keep theirs where their
    // whole region is the sample's; other regions split their totals evenly over their reps.
    const accountRevenue = new Map<string, number>();
    for (const a of shape.accounts ?? []) accountRevenue.set(a.rep, (accountRevenue.get(a.rep) ?? 0) + a.revenue);
    const repDefaults = new Map<string, { actual: number; potential: number; newAccounts: number; sample: boolean; actualGiven: boolean }>();
    shape.regions.forEach((region, r) => {
      const reps = shape.reps.filter((p) => p.region === region);
      const newHospitals = existing.reduce((s, p) => s + (NEW_HOSPITALS_SAMPLE[region]?.[p.name] ?? NEW_HOSPITALS_NEUTRAL), 0);
      // The sample's quotas only where they still add up to the region's new hospitals (A_Market's check).
      const sampleRegion = reps.every((p) => REP_SAMPLE[p.name]) && reps.reduce((s, p) => s + REP_SAMPLE[p.name].newAccounts, 0) === newHospitals;
      const histTotal = history[r].reduce((s, v) => s + v, 0);
      const potTotal = existing.reduce((s, _p, k) => s + (givenPotential(r, k) ?? potentialNeutral(r, k)), 0);
      const split = evenSplit(newHospitals, Math.max(1, reps.length));
      reps.forEach((p, i) => {
        const s = sampleRegion ? REP_SAMPLE[p.name] : undefined;
        // Never 0 for a whole region: the shares are each rep's part of the region's sum.
        const even = { actual: Math.max(1, Math.round(histTotal / reps.length)), potential: Math.max(1, Math.round(potTotal / reps.length)), newAccounts: split[i] };
        const d = s ?? even;
        const fromAccounts = accountRevenue.get(p.name);
        repDefaults.set(p.name, { ...d, actual: fromAccounts ?? d.actual, sample: s !== undefined, actualGiven: fromAccounts !== undefined });
      });
    });
    shape.reps.forEach((rep, i) => {
      const row = R0 + i;
      const r = (col: number) => a1(col, row);
      const d = repDefaults.get(rep.name) ?? { actual: 1, potential: 1, newAccounts: 0, sample: false, actualGiven: false };
      const repInput = (col: number, item: 'actual' | 'potential' | 'newAccounts', given: boolean) =>
        sampled(repMarks, col, row, targetInputKey(`rep|${rep.name}`, item), given ? d[item] : undefined, d[item]);
      set(RC.name, row, rep.name);
      set(RC.region, row, rep.region);
      set(RC.level, row, rep.level);
      set(RC.actual, row, repInput(RC.actual, 'actual', d.sample || d.actualGiven), MONEY);
      set(RC.potential, row, repInput(RC.potential, 'potential', d.sample), MONEY);
      set(RC.histShare, row, `=${r(RC.actual)}/SUMIF(${repSpan(RC.region)},${r(RC.region)},${repSpan(RC.actual)})`, PCT);
      set(RC.potShare, row, `=${r(RC.potential)}/SUMIF(${repSpan(RC.region)},${r(RC.region)},${repSpan(RC.potential)})`, PCT);
      set(RC.index, row, `=REP_W_HIST*${r(RC.histShare)}+(1-REP_W_HIST)*${r(RC.potShare)}`, RATIO);
      set(RC.regionFinal, row, `=INDEX(${finalTotals},MATCH(${r(RC.region)},${finalNames},0))`, MONEY);
      set(RC.quota, row, `=${r(RC.regionFinal)}*${r(RC.index)}*(1+OVERASSIGN)`, MONEY);
      set(RC.newAccounts, row, repInput(RC.newAccounts, 'newAccounts', d.sample), COUNT);
      // The rep's bottom-up (a rep round's accepted answer): blank until there is one, never a sample.
      // Its alert is the round board's, not a check: a check per rep would flood the checks panel.
      const bu = ctx.inputs[targetInputKey(`rep|${rep.name}`, 'bu')];
      if (bu !== undefined && bu !== null) set(RC.bu, row, bu);
      formats[a1(RC.bu, row)] = MONEY;
      set(RC.buDev, row, `=IF(${r(RC.bu)}="","",IF(${r(RC.quota)}=0,0,${r(RC.bu)}/${r(RC.quota)}-1))`, PCT);
    });
    // A region whose reps' actuals (or potentials) are all zero — typed so, or the accounts pasted
    // say so: its reps share equally on that measure instead of dividing by zero.
    for (const [share, measure] of [[RC.histShare, RC.actual], [RC.potShare, RC.potential]] as const) {
      const zeroRegions = new Set(shape.regions.filter((region) => shape.reps.every((rep, i) => rep.region !== region || placed(measure, R0 + i) === 0)));
      shape.reps.forEach((rep, i) => {
        if (!zeroRegions.has(rep.region)) return;
        const row = R0 + i;
        const sum = `SUMIF(${repSpan(RC.region)},${a1(RC.region, row)},${repSpan(measure)})`;
        set(share, row, `=IF(${sum}=0,1/COUNTIF(${repSpan(RC.region)},${a1(RC.region, row)}),${a1(measure, row)}/${sum})`, PCT);
      });
    }
    pair(L.repTotalRow, '合计', 'Total');
    for (const [col, fmt] of [[RC.actual, MONEY], [RC.potential, MONEY], [RC.quota, MONEY], [RC.newAccounts, COUNT], [RC.bu, MONEY]] as const) {
      set(col, L.repTotalRow, sumDown(c(col), R0, R1), fmt);
    }
    pair(L.repCheckRow, '检查：Σ代表指标=目标×(1+超额)', 'Check');
    set(RC.quota, L.repCheckRow, `=IF(ABS(${a1(RC.quota, L.repTotalRow)}-${a1(T, L.finalTotalRow)}*(1+OVERASSIGN))<0.01,"OK","ERR")`);

    // Roll-up per region: manager quota, Σ rep quotas, new-account quotas against A's new hospitals.
    pair(L.rollupRows.first - 2, '层级汇总', 'Level roll-up');
    set(0, L.rollupRows.first - 1, lb.t('区域', 'Region'));
    [['经理指标', 'Manager quota'], ['Σ代表指标', 'Σ rep quotas'], ['超额比例', 'Over-assign'], ['Σ新客户指标', 'Σ new-acct quotas'], ['区域新增医院(A)', 'New hospitals'], ['检查', 'Check'], ['Σ代表自下而上', 'Σ rep bottom-up']]
      .forEach(([zh, e], i) => set(2 + i, L.rollupRows.first - 1, lb.t(zh, e)));
    shape.regions.forEach((region, r) => {
      const row = L.rollupRows.first + r;
      const nh = M.newHospitalRows.first + r;
      set(0, row, region);
      set(2, row, `=${a1(T, L.finalRows.first + r)}`, MONEY);
      set(3, row, `=SUMIF(${repSpan(RC.region)},A${n1(row)},${repSpan(RC.quota)})`, MONEY);
      set(4, row, `=D${n1(row)}/C${n1(row)}-1`, PCT);
      set(5, row, `=SUMIF(${repSpan(RC.region)},A${n1(row)},${repSpan(RC.newAccounts)})`, COUNT);
      set(6, row, `=SUM(A_Market!${a1(M.lineCols.first, nh)}:${a1(M.lineCols.last, nh)})`, COUNT);
      set(7, row, `=IF(F${n1(row)}=G${n1(row)},"OK","ERR")`);
      set(8, row, `=SUMIF(${repSpan(RC.region)},A${n1(row)},${repSpan(RC.bu)})`, MONEY);
    });
    const U0 = L.rollupRows.first;
    const U1 = L.rollupRows.last;
    pair(L.rollupTotalRow, '合计', 'Total');
    set(2, L.rollupTotalRow, sumDown('C', U0, U1), MONEY);
    set(3, L.rollupTotalRow, sumDown('D', U0, U1), MONEY);
    set(4, L.rollupTotalRow, `=D${n1(L.rollupTotalRow)}/C${n1(L.rollupTotalRow)}-1`, PCT);
    set(5, L.rollupTotalRow, sumDown('F', U0, U1), COUNT);
    set(6, L.rollupTotalRow, sumDown('G', U0, U1), COUNT);
    set(8, L.rollupTotalRow, sumDown('I', U0, U1), MONEY);

    // Key accounts: one block per rep who has them; the rep's quota split by weighted revenue.
    for (const block of L.accountBlocks) {
      const rep = shape.reps[block.rep];
      const repRow = R0 + block.rep;
      const accounts = (shape.accounts ?? []).filter((a) => a.rep === rep.name);
      pair(block.headingRow, `客户分解（代表 ${rep.name}）`, `Customer decomposition (rep ${rep.name})`);
      const hr = block.headingRow + 1;
      set(0, hr, lb.t('客户', 'Customer'));
      set(2, hr, lb.z(`${prev} 收入`, `${prev} revenue`));
      [['增长潜力', 'Uplift'], ['权重', 'Weight'], ['占比', 'Share'], ['客户指标', 'Target']].forEach(([zh, e], i) => set(3 + i, hr, lb.t(zh, e)));
      const tr = n1(block.totalRow);
      // Accounts with no revenue last year at all: equal shares of the rep's quota, not #DIV/0!.
      const noRevenue = accounts.every((acc) => (input(targetInputKey(`account|${rep.name}|${acc.account}`, 'revenue'), acc.revenue) as number) === 0);
      accounts.forEach((acc, j) => {
        const row = block.rows.first + j;
        const key = `account|${rep.name}|${acc.account}`;
        set(0, row, acc.account);
        set(2, row, input(targetInputKey(key, 'revenue'), acc.revenue), MONEY);
        set(3, row, sampled(accountMarks, 3, row, targetInputKey(key, 'uplift'), ACCOUNT_UPLIFT_SAMPLE[acc.account], ACCOUNT_UPLIFT_NEUTRAL), PCT);
        set(4, row, `=C${n1(row)}*(1+D${n1(row)})`, MONEY);
        set(5, row, noRevenue ? `=IF($E$${tr}=0,1/${accounts.length},E${n1(row)}/$E$${tr})` : `=E${n1(row)}/$E$${tr}`, PCT);
        set(6, row, `=F${n1(row)}*${abs(RC.quota, repRow)}`, MONEY);
      });
      pair(block.totalRow, '合计', 'Total');
      const a0 = block.rows.first;
      const a9 = block.rows.last;
      set(2, block.totalRow, sumDown('C', a0, a9), MONEY);
      set(4, block.totalRow, sumDown('E', a0, a9), MONEY);
      set(5, block.totalRow, sumDown('F', a0, a9), PCT);
      set(6, block.totalRow, sumDown('G', a0, a9), MONEY);
      set(7, block.totalRow, `=IF(AND(ABS(G${tr}-${a1(RC.quota, repRow)})<0.005,C${tr}=${a1(RC.actual, repRow)}),"OK","ERR")`);
    }

    marks.write(set, () => L.flagCol, shape.language);
    repMarks.write(set, () => RC.newAccounts + 1, shape.language);
    accountMarks.write(set, () => 7, shape.language);

    // Column widths: A/B labels, the lines and total, the flag column, then the roster's.
    const colWidths: Record<string, number> = { A: 280, B: 280 };
    for (let col = 2; col <= Math.max(T + 1, RC.newAccounts); col++) {
      colWidths[c(col)] = col <= T ? 180 : col === T + 1 ? 110 : col === RC.quota ? 138 : 180;
    }
    for (const col of [RC.bu, RC.buDev]) colWidths[c(col)] = 180;
    const sheet: Sheet = { id: 'sheet_b_target', name: S, cells, formats, frozen: { rows: 1, cols: 2 }, colWidths };
    const names: NamedExpression[] = [
      ...params.map(([id]) => ({ name: id, expression: `=${S}!${abs(2, L.params[id])}` })),
      { name: 'TARGET_TOTAL', expression: `=${S}!${abs(T, L.targetRow)}` },
      { name: 'BASE_TOTAL', expression: `=${S}!${abs(T, L.baseRow)}` },
      ...listNames({
        targetRow: L.targetRow,
        productCols: L.productCols,
        existingCols: L.existingCols,
        totalCol: T,
        finalRows: L.finalRows,
        buRows: L.buRows,
        tdRows: L.tdRows,
        historyRows: L.historyRows,
        potentialRows: L.potentialRows,
        repRows: L.repRows,
        ansoffProductRows: A.productRows,
        repLevelRows: bonusLayout(shape).repLevelRows,
        bonusRepRows: bonusLayout(shape).repRows,
      }),
    ];
    const rng = (c0: number, r0: number, c1: number, r1: number) => `${S}!${a1(c0, r0)}:${a1(c1, r1)}`;
    const rules: InputRule[] = [
      { ref: rng(2, L.params.W_TREND, 2, L.params.REP_W_HIST), kind: 'percent', min: 0, max: 1 },
      { ref: rng(P0, L.competitorShareRow, E1, L.competitorShareRow), kind: 'percent', min: 0, max: 1 },
      { ref: rng(P0, L.competitorGrowthRow, E1, L.competitorGrowthRow), kind: 'percent', min: -1 },
      { ref: rng(P0, L.priorRows.first, P1, L.priorRows.last), kind: 'number', min: 0 },
      { ref: rng(P0, H0, P1, H1), kind: 'number', min: 0 },
      { ref: rng(P0, L.judgementRow, E1, L.judgementRow), kind: 'percent', min: -1 },
      { ref: rng(P0, L.historyWeightRow, E1, L.historyWeightRow), kind: 'percent', min: 0, max: 1 },
      { ref: rng(P0, L.potentialRows.first, E1, L.potentialRows.last), kind: 'number', min: 0 },
      { ref: rng(P0, L.buRows.first, E1, L.buRows.last), kind: 'number', min: 0 },
      { ref: rng(RC.actual, R0, RC.potential, R1), kind: 'number', min: 0 },
      { ref: rng(RC.newAccounts, R0, RC.newAccounts, R1), kind: 'integer', min: 0 },
      ...L.accountBlocks.flatMap((b) => [
        { ref: rng(2, b.rows.first, 2, b.rows.last), kind: 'number' as const, min: 0 },
        { ref: rng(3, b.rows.first, 3, b.rows.last), kind: 'percent' as const, min: -1 },
      ]),
    ];
    const part = emptyPart();
    part.sheets.push(sheet);
    part.names.push(...names);
    part.inputRules.push(...rules);
    part.layout.push(...targetView(shape, L));
    const vocabulary = targetVocabulary(shape, L);
    part.drivers.push(...vocabulary.drivers);
    part.kpis.push(...vocabulary.kpis);
    return part;
  },
};
