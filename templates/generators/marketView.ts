/**
 * The notebook views of A_Market and B_Target for a shape (note, KPI cards, charts bound to the
 * generated ranges) and their presenter drivers and KPIs. On the sample shape each view is the
 * template's default layout (`templates/layouts.ts`) and the drivers are the spec's
 * (`src/model/drivers.ts`).
 */
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import type { LayoutItem } from '../../src/model/notebook';
import type { MarketLayout, TargetLayout } from './abLayout';
import { a1 } from './ansoffLinks';
import { chart, colRange, kpi, note, tx, unitOption, type Text } from './ansoffView';
import { SAMPLE_LINE_LABELS } from './marketSample';
import { planProducts, type ClientShape } from './shape';

const range = (c0: number, r0: number, c1: number, r1: number) => `${a1(c0, r0)}:${a1(c1, r1)}`;

/** A line's label in a chart legend: the sample's new line carries its product name. */
function lineText(name: string, isNew: boolean): Text {
  const l = SAMPLE_LINE_LABELS[name];
  return isNew && l ? tx(`${name} ${l.zh}`, `${name} ${l.en}`) : tx(name, name);
}

export function marketView(shape: ClientShape, L: MarketLayout): LayoutItem[] {
  const s = 'A_Market';
  const u = unitOption(shape);
  const prev = `FY${shape.fiscalYear - 1}`;
  const cur = `FY${shape.fiscalYear}`;
  const T = (row: number) => a1(L.totalCol, row);
  const lines = planProducts(shape).filter((p) => !p.isNew);
  const W = L.waterfallRows;
  return [
    note(
      s,
      tx('市场演进模型', 'Market evolution model'),
      tx(
        `增长从哪里来？${prev} 基期收入经四个增长来源——容量增长、侵吞竞品份额、高值产品替代、开拓新客户——搭桥到 ${cur} 市场模型收入，并对照增长目标。蓝色单元格是输入，图表随每次修改实时更新。`,
        `Where does growth come from? ${prev} base revenue bridges through four growth sources — volume, share gain, high-value substitution and new customers — to the ${cur} market-model revenue, checked against the growth goal. Blue cells are inputs; the charts follow every edit.`,
      ),
    ),
    kpi(s, 'revenue', T(L.modelRow), tx(`${cur} 模型收入`, `${cur} model revenue`), { ...u, sub: T(L.modelGrowthRow), subLabel: tx('模型增长率', 'model growth') }),
    kpi(s, 'sources', T(L.sourcesTotalRow), tx('增长来源合计', 'Growth sources'), { ...u, sub: T(L.coverageOfGoalRow), subLabel: tx('覆盖需弥补增长', 'of required growth') }),
    kpi(s, 'goal', 'GOAL_REVENUE', tx('目标收入', 'Goal revenue'), { ...u, sub: T(L.goalGrowthRow), subLabel: tx('目标增长率', 'goal growth') }),
    kpi(s, 'coverage', T(L.coveragePlanRow), tx(`覆盖率 ${cur}`, `Coverage ${cur}`), { sub: T(L.coverageBaseRow), subLabel: tx(prev, prev) }),
    chart(s, 'bridge', 'waterfall', tx(`增长桥：${prev} → 四个增长来源 → ${cur} 模型`, `Growth bridge: ${prev} → four growth sources → ${cur} model`), {
      labels: colRange(0, W),
      values: colRange(1, W),
      types: colRange(2, W),
    }, u),
    chart(s, 'sources', 'stackedBar', tx('各产品线的增长来源', 'Growth sources by product line'), {
      values: range(L.lineCols.first, L.volumeRow, L.lineCols.last, L.newCustomerRow),
      rowLabels: range(0, L.volumeRow, 0, L.newCustomerRow),
      colLabels: range(L.lineCols.first, L.headerRow, L.lineCols.last, L.headerRow),
    }, {
      ...u,
      series: 'rows',
      categoryLabels: lines.map((p) => tx(p.name, p.name)),
      seriesLabels: [tx('① 容量增长', '① Volume'), tx('② 侵吞份额', '② Share gain'), tx('③ 高值替代', '③ HV substitution'), tx('④ 新客户', '④ New customers')],
    }),
    chart(s, 'kpis', 'pairedBars', tx(`覆盖率、渗透率与高值占比：${prev} 对 ${cur}`, `Coverage, penetration and high-value share: ${prev} vs ${cur}`), {
      values: range(L.lineCols.first, L.coverageBaseRow, L.lineCols.last, L.hvSharePlanRow),
      colLabels: range(L.lineCols.first, L.headerRow, L.lineCols.last, L.headerRow),
    }, {
      groups: [tx('覆盖率', 'Coverage'), tx('渗透率', 'Penetration'), tx('高值占比', 'High-value share')],
      pair: [tx(prev, prev), tx(cur, cur)],
      categoryLabels: lines.map((p) => tx(p.name, p.name)),
    }),
  ];
}

const pct = (name: string, label: Text, min: number, max: number, step: number): DriverDef => ({ name, label, ref: name, min, max, step, unit: 'percent' });
const weight = (name: string, label: Text): DriverDef => ({ name, label, ref: name, min: 0, max: 1, step: 0.05, unit: 'weight' });

export function marketVocabulary(shape: ClientShape, L: MarketLayout): { drivers: DriverDef[]; kpis: KpiDef[] } {
  const lines = planProducts(shape).filter((p) => !p.isNew);
  const T = (row: number) => `A_Market!${a1(L.totalCol, row)}`;
  return {
    drivers: [
      pct(T(L.goalGrowthRow), tx('目标收入增长率', 'Goal growth'), 0, 0.5, 0.005),
      ...lines.map((p, k) => pct(`A_Market!${a1(L.lineCols.first + k, L.volumeGrowthRow)}`, tx(`${p.name} 容量增长`, `${p.name} volume growth`), -0.1, 0.3, 0.005)),
    ],
    kpis: [
      { id: T(L.modelRow), label: tx('模型预测收入', 'Market-model revenue'), unit: 'money' },
      { id: T(L.modelGrowthRow), label: tx('模型增长率', 'Model growth'), unit: 'percent' },
      { id: 'GOAL_REVENUE', label: tx('目标收入', 'Goal revenue'), unit: 'money' },
      { id: T(L.coverageOfGoalRow), label: tx('来源覆盖度', 'Sources ÷ required growth'), unit: 'ratio' },
    ],
  };
}

export function targetView(shape: ClientShape, L: TargetLayout): LayoutItem[] {
  const s = 'B_Target';
  const u = unitOption(shape);
  const prev = `FY${shape.fiscalYear - 1}`;
  const products = planProducts(shape);
  const T = (row: number) => a1(L.totalCol, row);
  const P0 = L.productCols.first;
  const E1 = L.existingCols.last;
  return [
    note(
      s,
      tx('六步骤目标制定', 'Six-step target setting'),
      tx(
        '定多少、怎么分？趋势、市场模型与管理层判断按权重融合为年度目标，再经自上而下分配、与自下而上提报协商，分解到区域、产品和代表。偏差超出 ±预警阈值的区域会被标出。',
        'How big is the target, and how is it split? Trend, market-model and judgement forecasts blend into the annual target, which is split top-down, negotiated with bottom-up submissions and decomposed to regions, products and reps. Regions beyond the ± alert band are flagged.',
      ),
    ),
    kpi(s, 'target', 'TARGET_TOTAL', tx('年度目标', 'Annual target'), { ...u, sub: T(L.targetGrowthRow), subLabel: tx('目标增长率', 'target growth') }),
    kpi(s, 'vsGoal', T(L.goalCompareRow), tx('目标 − 增长目标', 'Target − goal'), { ...u, sub: 'GOAL_REVENUE', subLabel: tx('增长目标', 'goal') }),
    kpi(s, 'base', 'BASE_TOTAL', tx(`${prev} 实际`, `${prev} actual`), u),
    kpi(s, 'quotas', a1(L.repCols.quota, L.repTotalRow), tx('代表指标合计', 'Σ rep quotas'), { ...u, sub: 'OVERASSIGN', subLabel: tx('超额分配', 'over-assignment') }),
    chart(s, 'forecasts', 'groupedBar', tx('各产品线的预测方法', 'Forecast methods per product line'), {
      values: `${range(P0, L.trendRow, E1, L.quantRow)},${range(P0, L.judgementForecastRow, E1, L.targetRow)}`,
      colLabels: range(P0, L.headerRow, E1, L.headerRow),
    }, {
      ...u,
      series: 'rows',
      seriesLabels: [tx('趋势', 'Trend'), tx('市场模型', 'Market model'), tx('定量', 'Quantitative'), tx('判断', 'Judgement'), tx('目标', 'Target')],
    }),
    chart(s, 'final', 'stackedBar', tx('最终目标：区域 × 产品', 'Final targets by region × product'), {
      values: range(P0, L.finalRows.first, L.productCols.last, L.finalRows.last),
      rowLabels: colRange(0, L.finalRows),
      colLabels: range(P0, L.headerRow, L.productCols.last, L.headerRow),
    }, { ...u, series: 'cols', seriesLabels: products.map((p) => lineText(p.name, p.isNew)) }),
    chart(s, 'tdbu', 'tdbu', tx('自上而下 vs 自下而上（±预警带）', 'Top-down vs bottom-up per region (± alert band)'), {
      labels: colRange(0, L.tdRows),
      td: colRange(L.totalCol, L.tdRows),
      bu: colRange(L.totalCol, L.buRows),
      dev: colRange(L.totalCol, L.devRows),
      band: 'ALERT_DEV',
    }, u),
    chart(s, 'quotas', 'bar', tx('代表指标（按区域着色，降序）', 'Rep quotas, sorted, coloured by region'), {
      values: colRange(L.repCols.quota, L.repRows),
      rowLabels: colRange(L.repCols.name, L.repRows),
      colors: colRange(L.repCols.region, L.repRows),
    }, { ...u, sort: 'desc', seriesLabels: [tx('代表指标', 'Rep quota')] }),
  ];
}

export function targetVocabulary(shape: ClientShape, L: TargetLayout): { drivers: DriverDef[]; kpis: KpiDef[] } {
  const existing = planProducts(shape).filter((p) => !p.isNew);
  const T = (row: number) => `B_Target!${a1(L.totalCol, row)}`;
  return {
    drivers: [
      weight('W_TREND', tx('趋势权重', 'Trend weight')),
      weight('W_QUANT', tx('定量权重', 'Quantitative weight')),
      weight('ALPHA_BU', tx('自下而上权重', 'Bottom-up weight')),
      pct('OVERASSIGN', tx('超额分配', 'Over-assignment'), 0, 0.5, 0.01),
      ...existing.map((p, k) => pct(`B_Target!${a1(L.productCols.first + k, L.judgementRow)}`, tx(`${p.name} 判断增长率`, `${p.name} judgement growth`), -0.2, 1, 0.01)),
    ],
    kpis: [
      { id: 'TARGET_TOTAL', label: tx('年度目标', 'Annual target'), unit: 'money' },
      { id: T(L.targetGrowthRow), label: tx('目标增长率', 'Target growth'), unit: 'percent' },
      { id: T(L.goalCompareRow), label: tx('对比增长目标', 'Target − goal'), unit: 'money' },
      { id: `B_Target!${a1(L.repCols.quota, L.repTotalRow)}`, label: tx('代表指标合计', 'Σ rep quotas'), unit: 'money' },
    ],
  };
}
