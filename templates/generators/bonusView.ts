/** The notebook view of E_Bonus for a shape; on the sample shape the template's default layout. */
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import type { LayoutItem } from '../../src/model/notebook';
import { a1 } from './ansoffLinks';
import { chart, colRange, kpi, note, tx, unitOption } from './ansoffView';
import type { BonusLayout } from './bonus';
import type { ClientShape } from './shape';
import type { PlanPreset } from './types';

export function bonusView(shape: ClientShape, L: BonusLayout): LayoutItem[] {
  const s = 'E_Bonus';
  const u = unitOption(shape);
  const C = (row: number) => a1(2, row);
  const t = L.tiTotalRow; // Σ TI; base +1, projected +2, budget +3, TI ÷ budget +4, projected ÷ budget +5, …
  const reps = L.repRows;
  return [
    note(
      s,
      tx('奖金计划', 'Bonus plan'),
      tx(
        '奖金池多大、怎么发？支付曲线：达成低于门槛不发，门槛处起付，目标处 100%，超额后加速，到封顶为止。圆点是每位代表的模拟达成与收入支付率。',
        'How big is the pool, and how is it paid? The payout curve pays nothing below the threshold, jumps to the threshold payout, reaches 100% at target, accelerates above it and stops at the cap. Dots are the reps at their simulated attainment.',
      ),
    ),
    kpi(s, 'budget', 'BONUS_BUDGET', tx('奖金预算', 'Bonus budget'), { ...u, sub: 'C4', subLabel: tx('计提比例', 'of target') }),
    kpi(s, 'projected', C(t + 2), tx('预测奖金支出', 'Projected payout'), { ...u, sub: C(t + 5), subLabel: tx('占预算', 'of budget') }),
    kpi(s, 'ti', C(t), tx('目标奖金合计', 'Σ target incentive'), { ...u, sub: C(t + 4), subLabel: tx('占预算', 'of budget') }),
    kpi(s, 'ccos', C(t + 8), tx('薪酬销售成本率 CCOS', 'Comp cost of sales'), { sub: C(t + 13), subLabel: tx('公司达成率', 'company attainment') }),
    chart(s, 'payout', 'payoutCurve', tx('支付曲线与代表达成', 'Payout curve with the reps at their attainment'), {
      threshold: 'C6',
      atThreshold: 'C7',
      target: 'C8',
      accel: 'C9',
      cap: 'C10',
      slopeLow: 'C13',
      tableX: colRange(0, L.curveRows),
      tableY: colRange(1, L.curveRows),
      repLabels: colRange(0, reps),
      repX: colRange(6, reps),
      repY: colRange(8, reps),
    }),
    chart(s, 'repBonus', 'groupedBar', tx('每位代表：目标奖金 vs 实际奖金', 'Target incentive vs bonus per rep'), {
      values: `${colRange(5, reps)},${colRange(14, reps)}`,
      rowLabels: colRange(0, reps),
    }, { ...u, series: 'cols', seriesLabels: [tx('目标奖金', 'Target incentive'), tx('奖金', 'Bonus')] }),
    chart(s, 'budget', 'bullet', tx('预测支出 vs 预算 vs 目标奖金合计', 'Projected payout vs budget vs Σ target incentive'), {
      value: C(t + 2),
      budget: C(t + 3),
      target: C(t),
    }, u),
  ];
}

/**
 * E_Bonus's presenter drivers, KPIs and what-if presets, at the generated cells (the goal seek's
 * target is the value of `targetRef`, the projected payout, when it runs).
 */
export function bonusVocabulary(L: BonusLayout): { drivers: DriverDef[]; kpis: KpiDef[]; presets: PlanPreset[] } {
  const C = (row: number) => `E_Bonus!${a1(2, row)}`;
  const t = L.tiTotalRow;
  const pct = (name: string, zh: string, en: string, min: number, max: number, step: number): DriverDef => ({ name, label: tx(zh, en), ref: name, min, max, step, unit: 'percent' });
  return {
    drivers: [
      pct('E_Bonus!C4', '奖金计提比例', 'Bonus funding rate', 0, 0.05, 0.001),
      pct('PO_THRESHOLD', '门槛达成率', 'Threshold', 0.5, 0.95, 0.01),
      pct('PO_AT_THRESHOLD', '门槛处支付', 'Payout at threshold', 0, 1, 0.05),
      { name: 'PO_ACCEL', label: tx('超额加速斜率', 'Accelerator'), ref: 'PO_ACCEL', min: 0.5, max: 5, step: 0.1, unit: 'times' },
      { name: 'PO_CAP', label: tx('封顶', 'Cap'), ref: 'PO_CAP', min: 1, max: 4, step: 0.1, unit: 'times' },
    ],
    kpis: [
      { id: 'BONUS_BUDGET', label: tx('奖金预算', 'Bonus budget'), unit: 'money' },
      { id: C(t + 2), label: tx('预测奖金支出', 'Projected payout'), unit: 'money' },
      { id: C(t + 5), label: tx('支出/预算', 'Payout ÷ budget'), unit: 'percent' },
      { id: C(t + 8), label: tx('薪酬销售成本率', 'CCOS'), unit: 'percent' },
      { id: C(t + 9), label: tx('达门槛人数占比', 'Share of reps at threshold'), unit: 'percent' },
    ],
    presets: [
      { id: 'payout-vs-threshold', kind: 'dataTable1', spec: { input: 'PO_THRESHOLD', values: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1], outputs: [C(t + 2), 'E_Bonus!C5', C(t + 8)] } },
      {
        id: 'payout-threshold-cap',
        kind: 'dataTable2',
        spec: { rowInput: 'PO_THRESHOLD', rowValues: [0.7, 0.75, 0.8, 0.85, 0.9], colInput: 'PO_CAP', colValues: [1.5, 1.75, 2, 2.25, 2.5], output: C(t + 2) },
      },
      { id: 'funding-for-payout', kind: 'goalSeek', spec: { input: 'E_Bonus!C4', output: 'E_Bonus!C5', targetRef: C(t + 2), lo: 0, hi: 0.05 } },
    ],
  };
}
