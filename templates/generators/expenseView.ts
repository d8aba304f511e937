/** The notebook view of D_Expense for a shape; on the sample shape the template's default layout. */
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import type { LayoutItem } from '../../src/model/notebook';
import { a1 } from './ansoffLinks';
import { chart, colRange, kpi, note, tx, unitOption } from './ansoffView';
import type { ExpenseLayout } from './expense';
import type { ClientShape } from './shape';
import type { PlanPreset } from './types';

export function expenseView(shape: ClientShape, L: ExpenseLayout): LayoutItem[] {
  const s = 'D_Expense';
  const u = unitOption(shape);
  const b = L.budgetRow;
  const v = L.sensitivityRow;
  const d = L.driverRows;
  const regions = { first: L.regionRows.first, last: L.nationalRow };
  const unitText = shape.unit === '万元' ? tx('（万元）', ' (CNY 10k)') : tx(`（${shape.unit}）`, ` (${shape.unit})`);
  return [
    note(
      s,
      tx('费用结构分析', 'Expense structure'),
      tx(
        '钱花在哪、利润对什么最敏感？龙卷风图按摆幅排列各驱动因素 ±Δ 对销售贡献利润的影响；费用包络（目标 × 费用率）扣除底薪、奖金和项目费用后是推广池，按分配键分到区域和产品。',
        'Where does the money go, and what is profit most sensitive to? The tornado ranks each driver’s ±Δ swing on contribution profit; the expense envelope (target × ratio) less salaries, bonus and projects is the promotion pool, split by region and product.',
      ),
    ),
    kpi(s, 'envelope', 'EXPENSE_TOTAL', tx('费用总额', 'Expense envelope'), { ...u, sub: a1(2, b + 1), subLabel: tx('销售费用率', 'of target') }),
    kpi(s, 'pool', a1(2, b + 6), tx('日常推广池', 'Promotion pool'), { ...u, sub: a1(2, b + 7), subLabel: tx('检查', 'check') }),
    kpi(s, 'profit', a1(2, v + 4), tx('销售贡献利润', 'Contribution profit'), { ...u, sub: a1(2, v + 5), subLabel: tx('贡献利润率', 'margin') }),
    kpi(s, 'gm', a1(6, L.skuTotalRow), tx('毛利率', 'Gross margin'), {
      sub: a1(2, L.substitutionRow + 3),
      subLabel: tx(`替代毛利增量${unitText.zh}`, `ΔGP from substitution${unitText.en}`),
    }),
    chart(s, 'tornado', 'tornado', tx('利润敏感性（龙卷风图，按摆幅排序）', 'Profit sensitivity (tornado, by swing)'), {
      labels: colRange(0, d),
      delta: colRange(1, d),
      low: colRange(2, d),
      high: colRange(3, d),
      swing: colRange(4, d),
      base: a1(2, v + 4),
    }, u),
    chart(s, 'regions', 'stackedBar', tx('区域费用构成与费用率', 'Expense by region, with the expense ratio'), {
      values: `${a1(2, regions.first)}:${a1(5, regions.last)}`,
      rowLabels: colRange(0, regions),
      colLabels: `${a1(2, regions.first - 1)}:${a1(5, regions.first - 1)}`,
      line: colRange(8, regions),
    }, { ...u, series: 'cols', lineLabel: tx('费用率', 'Expense ratio') }),
    chart(s, 'costRates', 'bar', tx('各产品组成本率（标注毛利率）', 'Cost rate by SKU group (GM% labelled)'), {
      values: colRange(3, L.skuRows),
      rowLabels: colRange(0, L.skuRows),
      line: colRange(6, L.skuRows),
    }, { sort: 'desc', seriesLabels: [tx('成本率', 'Cost rate')], lineLabel: tx('毛利率', 'GM') }),
  ];
}

/** D_Expense's presenter drivers and KPIs, at the generated cells. */
export function expenseVocabulary(L: ExpenseLayout): { drivers: DriverDef[]; kpis: KpiDef[] } {
  const at = (col: number, row: number) => `D_Expense!${a1(col, row)}`;
  const ratio = at(2, L.budgetRow + 1);
  const extra = at(2, L.substitutionRow + 4);
  return {
    drivers: [
      { name: ratio, label: tx('销售费用率', 'Expense ratio'), ref: ratio, min: 0.05, max: 0.4, step: 0.005, unit: 'percent' },
      { name: extra, label: tx('额外替代比例', 'Extra DCB substitution'), ref: extra, min: 0, max: 0.3, step: 0.01, unit: 'percent' },
    ],
    kpis: [
      { id: 'EXPENSE_TOTAL', label: tx('费用总额', 'Expense envelope'), unit: 'money' },
      { id: at(2, L.budgetRow + 6), label: tx('日常推广池', 'Promotion pool'), unit: 'money' },
      { id: at(6, L.skuTotalRow), label: tx('毛利率', 'Gross margin'), unit: 'percent' },
      { id: at(2, L.sensitivityRow + 4), label: tx('销售贡献利润', 'Contribution profit'), unit: 'money' },
    ],
  };
}

/**
 * The spec's contribution-profit tornado (§7 Part 2) at the generated cells: price, volume, unit
 * cost, variable rate and fixed expense ±Δ, and the lead line's high-value share ±Δ pts, Δ as
 * typed in the sheet's own table.
 */
export function expensePresets(L: ExpenseLayout, hvPlanCell: string, deltas: readonly number[]): PlanPreset[] {
  const at = (row: number) => `D_Expense!${a1(2, row)}`;
  const v = L.sensitivityRow;
  const inputs = [
    { label: '价格 Price', ref: at(v), delta: deltas[0] },
    { label: '销量 Volume', ref: [at(v), at(v + 1)], delta: deltas[1] },
    { label: '单位成本 Unit cost', ref: at(v + 1), delta: deltas[2] },
    { label: '变动费用率 Variable-expense rate', ref: at(v + 2), delta: deltas[3] },
    { label: '固定费用 Fixed expense', ref: at(v + 3), delta: deltas[4] },
    { label: '高值占比 HV mix (±pts)', ref: hvPlanCell, mode: 'absolute', delta: deltas[5] },
  ];
  return [{ id: 'expense-sensitivity', kind: 'tornado', spec: { output: at(v + 4), inputs, delta: 0.1 } }];
}
