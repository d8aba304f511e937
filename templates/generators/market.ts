/**
 * A_Market (spec §4): the growth goal, the drivers per line with history (one new-hospital row
 * per region), the four growth sources, the strategy KPIs and the waterfall. Lines across from
 * column C (`marketLayout`); B_Target's last-year revenue comes in by position (`targetLayout`).
 * On the sample shape this is the spec's sheet cell for cell.
 *
 * Inputs not typed start from the sample's values where the spec's sample has the line (and the
 * region, for new hospitals), else from neutral ones (`MARKET_NEUTRAL`: M0 four times last year's
 * revenue, share +1 point, no upgrades, 2 new hospitals per region and line); a row holding
 * neutral values says `示例值 sample` in the column right of the total until they are typed over
 * (`marketMarks.ts`).
 */
import type { RawContent } from '../../src/model/cell';
import type { NamedExpression, Sheet } from '../../src/model/notebook';
import { columnLabel } from '../../src/model/address';
import { marketLayout, targetLayout, type MarketLayout } from './abLayout';
import { a1, abs, inputKey, labeler, UNIT_EN } from './ansoffLinks';
import { GOAL_GROWTH_SAMPLE, HISTORY_NEUTRAL, MARKET_NEUTRAL, MARKET_SAMPLE, NEW_HOSPITALS_NEUTRAL, NEW_HOSPITALS_SAMPLE, SAMPLE_LINE_LABELS } from './marketSample';
import { planProducts, type ClientShape } from './shape';
import { SampleMarks } from './marketMarks';
import { marketView, marketVocabulary } from './marketView';
import { emptyPart, type GeneratorContext, type InputRule, type PlanPart, type SheetGenerator } from './types';

export const MARKET_SHEET = 'A_Market';
export const marketInputKey = (rowItem: string, colItem: string) => inputKey(MARKET_SHEET, rowItem, colItem);

const MONEY = '#,##0.00';
const PCT = '0.0%';
const COUNT = '#,##0';

/** The English part of a bilingual name (`华东 East` → `East`), or the name itself. */
export function englishPart(name: string): string {
  const m = /^[^\x00-\x7f]+[\s\u3000]+([\x00-\x7f].*)$/.exec(name);
  return m ? m[1] : name;
}

/** A line's column header: the sample's lines carry their product names beside the key. */
export function lineLabel(name: string, en: boolean): string {
  const l = SAMPLE_LINE_LABELS[name];
  if (!l) return name;
  return en ? `${name} ${l.en}` : `${name} ${l.zh} ${l.en}`;
}

/** Last year's revenue by region × line with history: the setup's where it gives one, else neutral. */
export function historyGrid(shape: ClientShape): number[][] {
  const E = planProducts(shape).filter((p) => !p.isNew).length;
  return shape.regions.map((_, r) => Array.from({ length: E }, (_, k) => {
    const v = shape.history?.[r]?.[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : HISTORY_NEUTRAL.perRegionLine;
  }));
}

/** Last year's revenue per line with history (the basis of neutral drivers). */
export function lineBaseRevenue(shape: ClientShape): number[] {
  const grid = historyGrid(shape);
  const E = planProducts(shape).filter((p) => !p.isNew).length;
  return Array.from({ length: E }, (_, k) => grid.reduce((s, row) => s + row[k], 0));
}

/**
 * Per line with history: whether last year's revenue, as B_Target will hold it (typed history
 * first), is zero — a line the client sold nothing of. Shares and growth rates over that base get
 * a guarded formula then (the sample's lines never need one, so its formulas stay the spec's).
 */
export function lineBaseIsZero(shape: ClientShape, inputs: Readonly<Record<string, RawContent>>): boolean[] {
  const grid = historyGrid(shape);
  return planProducts(shape).filter((p) => !p.isNew).map((p, k) =>
    shape.regions.reduce((sum, region, r) => {
      const typed = inputs[inputKey('B_Target', `history|${region}`, p.name)];
      return sum + (typeof typed === 'number' ? typed : grid[r][k]);
    }, 0) === 0);
}

export const marketGenerator: SheetGenerator = {
  sheets: [MARKET_SHEET],
  generate(ctx: GeneratorContext): PlanPart {
    const { shape } = ctx;
    const L: MarketLayout = marketLayout(shape);
    const B = targetLayout(shape);
    const lines = planProducts(shape).filter((p) => !p.isNew);
    const base = lineBaseRevenue(shape);
    const cells: Record<string, RawContent> = {};
    const formats: Record<string, string> = {};
    const set = (col: number, row: number, v: RawContent, fmt?: string) => {
      cells[a1(col, row)] = v;
      if (fmt) formats[a1(col, row)] = fmt;
    };
    const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
    const marks = new SampleMarks();
    /** An input that may start from a neutral value (`undefined` sample): marked when it does. */
    const sampled = (col: number, row: number, key: string, sample: number | undefined, neutral: number): RawContent => {
      if (ctx.inputs[key] !== undefined) return ctx.inputs[key];
      if (sample !== undefined) return sample;
      marks.add(col, row, neutral);
      return neutral;
    };
    const lb = labeler(shape.language);
    const pair = (row: number, zh: string, e: string) => {
      const [A, Bv] = lb.pair(zh, e);
      set(0, row, A);
      if (Bv !== undefined) set(1, row, Bv);
    };
    const fy = shape.fiscalYear;
    const prev = `FY${fy - 1}`;
    const cur = `FY${fy}`;
    const C0 = L.lineCols.first;
    const C1 = L.lineCols.last;
    const T = L.totalCol;
    const c = (col: number) => columnLabel(col);
    /** `=SUM(C5:E5)` across the lines of `row`. */
    const sumAcross = (row: number) => `=SUM(${a1(C0, row)}:${a1(C1, row)})`;
    /** Per line: `fn(col letter)` at row, with the format. */
    const perLine = (row: number, fn: (col: string, k: number) => RawContent, fmt?: string) =>
      lines.forEach((_, k) => set(C0 + k, row, fn(c(C0 + k), k), fmt));
    const driver = (row: number, item: string, fallback: (k: number) => number, fmt: string) =>
      lines.forEach((p, k) => set(C0 + k, row, sampled(C0 + k, row, marketInputKey(item, p.name), MARKET_SAMPLE[p.name]?.[item], fallback(k)), fmt));

    set(0, 0, lb.en ? `Market Evolution Model (unit: ${UNIT_EN[shape.unit]}; prices: CNY)` : `市场演进模型 Market Evolution Model（单位：${shape.unit} ${UNIT_EN[shape.unit]}；价格：元）`);
    pair(L.headerRow, '项目', 'Item');
    lines.forEach((p, k) => set(C0 + k, L.headerRow, lineLabel(p.name, lb.en)));
    set(T, L.headerRow, lb.t('合计', 'Total'));

    // 1. The goal, right to left.
    pair(3, '一、市场增长目标（以终为始）', 'Growth goal (right-to-left)');
    pair(L.baseRow, `基期收入 ${prev}`, 'Base revenue R0');
    perLine(L.baseRow, (_, k) => `=B_Target!${a1(B.existingCols.first + k, B.baseRow)}`, MONEY);
    set(T, L.baseRow, sumAcross(L.baseRow), MONEY);
    pair(L.goalGrowthRow, '目标增长率', 'Goal growth %');
    set(T, L.goalGrowthRow, input(marketInputKey('goalGrowth', 'total'), GOAL_GROWTH_SAMPLE), PCT);
    pair(L.goalRow, '目标收入', 'Goal revenue');
    set(T, L.goalRow, `=${a1(T, L.baseRow)}*(1+${a1(T, L.goalGrowthRow)})`, MONEY);
    pair(L.requiredRow, '需弥补增长', 'Required growth');
    set(T, L.requiredRow, `=${a1(T, L.goalRow)}-${a1(T, L.baseRow)}`, MONEY);

    // 2. Drivers (inputs).
    pair(9, '二、驱动因素（输入）', 'Drivers (inputs)');
    pair(L.coveredRow, '已覆盖医院数', `Covered hospitals ${prev}`);
    driver(L.coveredRow, 'covered', () => MARKET_NEUTRAL.covered, COUNT);
    set(T, L.coveredRow, sumAcross(L.coveredRow), COUNT);
    pair(L.universeRow, '目标医院总数', 'Target hospital universe');
    driver(L.universeRow, 'universe', () => MARKET_NEUTRAL.universe, COUNT);
    set(T, L.universeRow, sumAcross(L.universeRow), COUNT);
    pair(L.m0Row, '已覆盖医院品类市场', 'Category market in covered hospitals M0');
    driver(L.m0Row, 'm0', (k) => Math.max(1, base[k]) * MARKET_NEUTRAL.m0PerBase, MONEY);
    set(T, L.m0Row, sumAcross(L.m0Row), MONEY);
    pair(L.volumeGrowthRow, '容量增长率（病员/手术量）', 'Volume (usage) growth g');
    driver(L.volumeGrowthRow, 'g', () => MARKET_NEUTRAL.g, PCT);
    pair(L.targetShareRow, '期望份额', 'Target share s1');
    driver(L.targetShareRow, 's1', () => 1 / MARKET_NEUTRAL.m0PerBase + MARKET_NEUTRAL.shareGain, PCT);
    pair(L.upgradesRow, '升级手术量（例）', 'Procedures upgraded to high-value');
    driver(L.upgradesRow, 'upgrades', () => MARKET_NEUTRAL.upgrades, COUNT);
    set(T, L.upgradesRow, sumAcross(L.upgradesRow), COUNT);
    pair(L.oldPriceRow, '原产品单价（元）', 'Old unit price (CNY)');
    driver(L.oldPriceRow, 'oldPrice', () => MARKET_NEUTRAL.oldPrice, COUNT);
    pair(L.hvPriceRow, '高值产品单价（元）', 'High-value unit price (CNY)');
    driver(L.hvPriceRow, 'hvPrice', () => MARKET_NEUTRAL.hvPrice, COUNT);
    pair(L.hvBaseRevenueRow, '基期高值产品收入', `High-value revenue ${prev}`);
    driver(L.hvBaseRevenueRow, 'hvBase', () => MARKET_NEUTRAL.hvBase, MONEY);
    set(T, L.hvBaseRevenueRow, sumAcross(L.hvBaseRevenueRow), MONEY);
    shape.regions.forEach((region, r) => {
      const row = L.newHospitalRows.first + r;
      const [A, Bv] = lb.pair(region, `新增医院 New hospitals – ${englishPart(region)}`);
      set(0, row, lb.en ? `New hospitals – ${englishPart(region)}` : A);
      if (Bv !== undefined) set(1, row, Bv);
      lines.forEach((p, k) =>
        set(C0 + k, row, sampled(C0 + k, row, marketInputKey(`newHospitals|${region}`, p.name), NEW_HOSPITALS_SAMPLE[region]?.[p.name], NEW_HOSPITALS_NEUTRAL), COUNT),
      );
      set(T, row, sumAcross(row), COUNT);
    });
    pair(L.newHospitalTotalRow, '新增医院合计', 'New hospitals total');
    perLine(L.newHospitalTotalRow, (col) => `=SUM(${col}${L.newHospitalRows.first + 1}:${col}${L.newHospitalRows.last + 1})`, COUNT);
    set(T, L.newHospitalTotalRow, sumAcross(L.newHospitalTotalRow), COUNT);
    pair(L.arpaRow, '新客户年化收入/家', 'Annualised revenue per new hospital');
    driver(L.arpaRow, 'arpa', () => MARKET_NEUTRAL.arpa, MONEY);
    pair(L.rampRow, '当年爬坡系数', 'In-year ramp factor');
    driver(L.rampRow, 'ramp', () => MARKET_NEUTRAL.ramp, PCT);
    pair(L.devCostRow, '新客户开发费用/家', 'Development cost per new hospital');
    driver(L.devCostRow, 'devCost', () => MARKET_NEUTRAL.devCost, MONEY);

    // 3. Growth sources.
    const r1 = (row: number) => row + 1; // 1-based row number in a formula
    pair(L.sourcesHeadingRow, '三、增长来源（输出）', 'Growth sources (outputs)');
    pair(L.shareRow, '基期份额（渗透率）', 'Current share s0 = R0/M0');
    perLine(L.shareRow, (col) => `=IF(${col}${r1(L.m0Row)}=0,0,${col}${r1(L.baseRow)}/${col}${r1(L.m0Row)})`, PCT);
    set(T, L.shareRow, `=${a1(T, L.baseRow)}/${a1(T, L.m0Row)}`, PCT);
    const sources: [number, string, string, (col: string) => string, string][] = [
      [L.volumeRow, '①容量增长', 'Volume growth = R0×g', (col) => `=${col}${r1(L.baseRow)}*${col}${r1(L.volumeGrowthRow)}`, lb.t('客户升级计划', 'Customer-upgrade program')],
      [L.shareGainRow, '②侵吞竞品份额', 'Share gain = M0×(1+g)×(s1−s0)', (col) => `=${col}${r1(L.m0Row)}*(1+${col}${r1(L.volumeGrowthRow)})*(${col}${r1(L.targetShareRow)}-${col}${r1(L.shareRow)})`, lb.t('重点客户管理', 'Key-account management')],
      [L.substitutionRow, '③高值产品替代', 'High-value substitution = N×(P_new−P_old)/10000', (col) => `=${col}${r1(L.upgradesRow)}*(${col}${r1(L.hvPriceRow)}-${col}${r1(L.oldPriceRow)})/10000`, lb.t('新品开拓计划', 'New-product program')],
      [L.newCustomerRow, '④开拓新客户', 'New customers = N_new×ARPA×ramp', (col) => `=${col}${r1(L.newHospitalTotalRow)}*${col}${r1(L.arpaRow)}*${col}${r1(L.rampRow)}`, lb.t('新客户开拓计划', 'New-customer program')],
    ];
    for (const [row, zh, e, fn, program] of sources) {
      pair(row, zh, e);
      perLine(row, fn, MONEY);
      set(T, row, sumAcross(row), MONEY);
      set(L.programCol, row, program);
    }
    pair(L.sourcesTotalRow, '增长来源合计', 'Total growth sources');
    perLine(L.sourcesTotalRow, (col) => `=SUM(${col}${r1(L.volumeRow)}:${col}${r1(L.newCustomerRow)})`, MONEY);
    set(T, L.sourcesTotalRow, sumAcross(L.sourcesTotalRow), MONEY);
    pair(L.modelRow, `模型预测收入 ${cur}`, 'Market-model revenue R1');
    perLine(L.modelRow, (col) => `=${col}${r1(L.baseRow)}+${col}${r1(L.sourcesTotalRow)}`, MONEY);
    set(T, L.modelRow, sumAcross(L.modelRow), MONEY);
    pair(L.modelGrowthRow, '模型增长率', 'Model growth %');
    const zeroBase = lineBaseIsZero(shape, ctx.inputs);
    perLine(L.modelGrowthRow, (col, k) => zeroBase[k]
      ? `=IF(${col}${r1(L.baseRow)}=0,0,${col}${r1(L.sourcesTotalRow)}/${col}${r1(L.baseRow)})`
      : `=${col}${r1(L.sourcesTotalRow)}/${col}${r1(L.baseRow)}`, PCT);
    set(T, L.modelGrowthRow, zeroBase.every(Boolean)
      ? `=IF(${a1(T, L.baseRow)}=0,0,${a1(T, L.sourcesTotalRow)}/${a1(T, L.baseRow)})`
      : `=${a1(T, L.sourcesTotalRow)}/${a1(T, L.baseRow)}`, PCT);
    pair(L.coverageOfGoalRow, '来源对目标覆盖度', 'Sources ÷ required growth');
    set(T, L.coverageOfGoalRow, `=IF(${a1(T, L.requiredRow)}=0,0,${a1(T, L.sourcesTotalRow)}/${a1(T, L.requiredRow)})`, PCT);
    pair(L.checkRow, '检查', 'Check');
    set(T, L.checkRow, `=IF(${a1(T, L.sourcesTotalRow)}>=${a1(T, L.requiredRow)},"OK 来源覆盖目标","⚠ 来源不足 sources < goal")`);

    // 4. Strategy KPIs.
    pair(L.kpiHeadingRow, '四、策略指标', 'Strategy KPIs (coverage / penetration / upgrade)');
    pair(L.coverageBaseRow, `覆盖率 ${prev}`, `Coverage ${prev}`);
    perLine(L.coverageBaseRow, (col) => `=${col}${r1(L.coveredRow)}/${col}${r1(L.universeRow)}`, PCT);
    set(T, L.coverageBaseRow, `=${a1(T, L.coveredRow)}/${a1(T, L.universeRow)}`, PCT);
    pair(L.coveragePlanRow, `覆盖率 ${cur}`, `Coverage ${cur}`);
    perLine(L.coveragePlanRow, (col) => `=(${col}${r1(L.coveredRow)}+${col}${r1(L.newHospitalTotalRow)})/${col}${r1(L.universeRow)}`, PCT);
    set(T, L.coveragePlanRow, `=(${a1(T, L.coveredRow)}+${a1(T, L.newHospitalTotalRow)})/${a1(T, L.universeRow)}`, PCT);
    pair(L.penetrationBaseRow, `渗透率 ${prev}`, `Penetration (share) ${prev}`);
    perLine(L.penetrationBaseRow, (col) => `=${col}${r1(L.shareRow)}`, PCT);
    pair(L.penetrationPlanRow, `渗透率 ${cur}`, `Penetration (share) ${cur}`);
    perLine(L.penetrationPlanRow, (col) => `=${col}${r1(L.targetShareRow)}`, PCT);
    pair(L.hvShareBaseRow, `高值占比 ${prev}`, `High-value revenue share ${prev}`);
    perLine(L.hvShareBaseRow, (col) => `=IF(${col}${r1(L.baseRow)}=0,0,${col}${r1(L.hvBaseRevenueRow)}/${col}${r1(L.baseRow)})`, PCT);
    pair(L.hvSharePlanRow, `高值占比 ${cur}`, `High-value revenue share ${cur}`);
    perLine(L.hvSharePlanRow, (col) => `=IF(${col}${r1(L.modelRow)}=0,0,(${col}${r1(L.hvBaseRevenueRow)}+${col}${r1(L.upgradesRow)}*${col}${r1(L.hvPriceRow)}/10000)/${col}${r1(L.modelRow)})`, PCT);
    pair(L.penetrationSourcesRow, '渗透类来源（①+②）', 'Penetration-type sources');
    perLine(L.penetrationSourcesRow, (col) => `=${col}${r1(L.volumeRow)}+${col}${r1(L.shareGainRow)}`, MONEY);
    set(T, L.penetrationSourcesRow, sumAcross(L.penetrationSourcesRow), MONEY);
    pair(L.leadRow, '主导策略', 'Lead strategy');
    perLine(L.leadRow, (col) => {
      const nc = `${col}${r1(L.newCustomerRow)}`;
      const ps = `${col}${r1(L.penetrationSourcesRow)}`;
      const sb = `${col}${r1(L.substitutionRow)}`;
      return `=IF(${nc}>=MAX(${ps},${sb}),"覆盖 Coverage",IF(${sb}>=${ps},"升级 Upgrade","渗透 Penetration"))`;
    });

    // The waterfall: FY-1 → ①…④ → the model year (label, value, kind, invisible base).
    const W = L.waterfallRows.first;
    const tot = (row: number) => `=${a1(T, row)}`;
    const steps: [string, string, RawContent, 'total' | 'delta'][] = [
      [`${prev} 实际`, 'Actual', tot(L.baseRow), 'total'],
      ['容量增长', 'Volume', tot(L.volumeRow), 'delta'],
      ['侵吞份额', 'Share gain', tot(L.shareGainRow), 'delta'],
      ['高值替代', 'Upgrade', tot(L.substitutionRow), 'delta'],
      ['新客户', 'New customers', tot(L.newCustomerRow), 'delta'],
      [`${cur} 模型`, 'Market model', tot(L.modelRow), 'total'],
    ];
    steps.forEach(([zh, e, v, kind], i) => {
      const row = W + i;
      set(0, row, lb.t(zh, e));
      set(1, row, v, MONEY);
      set(2, row, kind);
      if (i === 0 || i === steps.length - 1) set(3, row, 0, MONEY);
      else if (i === 1) set(3, row, `=B${r1(W)}`, MONEY);
      else set(3, row, `=D${r1(row - 1)}+B${r1(row - 1)}`, MONEY);
    });
    set(4, W + 5, `=B${r1(W)}+SUM(B${r1(W + 1)}:B${r1(W + 4)})-B${r1(W + 5)}`, MONEY);

    marks.write(set, () => L.programCol, shape.language);

    const colWidths: Record<string, number> = { A: 198, B: 280 };
    lines.forEach((_, k) => (colWidths[c(C0 + k)] = 180));
    colWidths[c(L.programCol)] = 180;
    const sheet: Sheet = { id: 'sheet_a_market', name: MARKET_SHEET, cells, formats, frozen: { rows: 2, cols: 2 }, colWidths };
    const names: NamedExpression[] = [{ name: 'GOAL_REVENUE', expression: `=${MARKET_SHEET}!${abs(T, L.goalRow)}` }];
    const span = (row0: number, row1: number) => `${MARKET_SHEET}!${a1(C0, row0)}:${a1(C1, row1)}`;
    const rules: InputRule[] = [
      { ref: `${MARKET_SHEET}!${a1(T, L.goalGrowthRow)}`, kind: 'percent', min: -1 },
      { ref: span(L.coveredRow, L.universeRow), kind: 'integer', min: 0 },
      { ref: span(L.m0Row, L.m0Row), kind: 'number', min: 0 },
      { ref: span(L.volumeGrowthRow, L.volumeGrowthRow), kind: 'percent', min: -1 },
      { ref: span(L.targetShareRow, L.targetShareRow), kind: 'percent', min: 0, max: 1 },
      { ref: span(L.upgradesRow, L.hvPriceRow), kind: 'number', min: 0 },
      { ref: span(L.hvBaseRevenueRow, L.hvBaseRevenueRow), kind: 'number', min: 0 },
      { ref: span(L.newHospitalRows.first, L.newHospitalRows.last), kind: 'integer', min: 0 },
      { ref: span(L.arpaRow, L.arpaRow), kind: 'number', min: 0 },
      { ref: span(L.rampRow, L.rampRow), kind: 'percent', min: 0, max: 1 },
      { ref: span(L.devCostRow, L.devCostRow), kind: 'number', min: 0 },
    ];
    const part = emptyPart();
    part.sheets.push(sheet);
    part.names.push(...names);
    part.inputRules.push(...rules);
    part.layout.push(...marketView(shape, L));
    const vocabulary = marketVocabulary(shape, L);
    part.drivers.push(...vocabulary.drivers);
    part.kpis.push(...vocabulary.kpis);
    return part;
  },
};
