/**
 * The spec's ready-made analyses, as data: the D_Expense sensitivity (the built-in tornado), the
 * annual plan's drivers, and sensible defaults for data tables, goal seek and Monte Carlo. Each
 * names the sheets it needs and the spec's cells; the what-if panel (src/ui/whatif/presets.ts)
 * offers those whose sheets the notebook holds, relocated to where the cells are now.
 */
import type { CellValue } from '../src/model/cell';
import type { DataTable1Spec, DataTable2Spec, GoalSeekSpec, MonteCarloSpec, TornadoInput, TornadoSpec } from '../src/model/whatif';

export interface Preset<T> {
  id: string;
  title: { en: string; zh: string };
  /** Sheets the preset reads and moves. */
  sheets: string[];
  /** Builds the spec; `value` reads the notebook's current values (e.g. Δ from the sheet's own table). */
  spec(value: (ref: string) => CellValue | undefined): T;
}

/** A number read from the sheet, or the fallback. */
export const num = (v: CellValue | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * The spec's D_Expense sensitivity (templates.md §7 Part 2, rows 21–34): contribution profit
 * `D_Expense!C26` with price, volume, unit cost, variable-expense rate and fixed expense each
 * ±Δ, and the HV mix ±5 pts. Price moves revenue (and so the variable expense) but not COGS;
 * volume moves revenue and COGS together; HV mix moves the FY2026 high-value share of P1
 * (`A_Market!C47`), which shifts COGS by T_P1 × Δ × the cost-rate gap. Δ is read from the
 * sheet's own table (B29:B34), so the tornado follows when the user edits it there.
 */
export const EXPENSE_SENSITIVITY: Preset<TornadoSpec> = {
  id: 'expense-sensitivity',
  title: { en: 'Contribution profit: the spec’s six drivers (D_Expense)', zh: '销售贡献利润：六个驱动因素（D_Expense）' },
  sheets: ['D_Expense', 'A_Market'],
  spec: (value) => {
    const d = (row: number, fallback: number) => num(value(`D_Expense!B${row}`), fallback);
    const inputs: TornadoInput[] = [
      { label: '价格 Price', ref: 'D_Expense!C22', delta: d(29, 0.1) },
      { label: '销量 Volume', ref: ['D_Expense!C22', 'D_Expense!C23'], delta: d(30, 0.1) },
      { label: '单位成本 Unit cost', ref: 'D_Expense!C23', delta: d(31, 0.1) },
      { label: '变动费用率 Variable-expense rate', ref: 'D_Expense!C24', delta: d(32, 0.1) },
      { label: '固定费用 Fixed expense', ref: 'D_Expense!C25', delta: d(33, 0.1) },
      { label: '高值占比 HV mix (±pts)', ref: 'A_Market!C47', mode: 'absolute', delta: d(34, 0.05) },
    ];
    return { output: 'D_Expense!C26', inputs, delta: 0.1 };
  },
};

/**
 * The annual plan's 20 inputs that move contribution profit, each ±10 %. (With revenue = target,
 * π = T − COGS − T × expense ratio: the bonus and project lines only move money inside the
 * envelope, so the inputs that matter are those of the target, the cost rates and the ratio.)
 */
export const ANNUAL_PLAN_DRIVERS: TornadoInput[] = [
  { label: 'P1 市场容量 market M0', ref: 'A_Market!C13' },
  { label: 'P2 市场容量 market M0', ref: 'A_Market!D13' },
  { label: 'P3 市场容量 market M0', ref: 'A_Market!E13' },
  { label: 'P1 用量增长 volume growth', ref: 'A_Market!C14' },
  { label: 'P2 用量增长 volume growth', ref: 'A_Market!D14' },
  { label: 'P3 用量增长 volume growth', ref: 'A_Market!E14' },
  { label: 'P1 目标份额 target share', ref: 'A_Market!C15' },
  { label: 'P2 目标份额 target share', ref: 'A_Market!D15' },
  { label: 'P3 目标份额 target share', ref: 'A_Market!E15' },
  { label: '趋势权重 W_TREND', ref: 'W_TREND' },
  { label: '定量权重 W_QUANT', ref: 'W_QUANT' },
  { label: 'P1 判断增长 judgement growth', ref: 'B_Target!C43' },
  { label: 'P2 判断增长 judgement growth', ref: 'B_Target!D43' },
  { label: 'P3 判断增长 judgement growth', ref: 'B_Target!E43' },
  { label: 'P1a 成本率 cost rate', ref: 'D_Expense!D4' },
  { label: 'P1b 成本率 cost rate (DCB)', ref: 'D_Expense!D5' },
  { label: 'P2 成本率 cost rate', ref: 'D_Expense!D6' },
  { label: 'P3 成本率 cost rate', ref: 'D_Expense!D7' },
  { label: 'P4 成本率 cost rate', ref: 'D_Expense!D8' },
  { label: '销售费用率 Sales expense ratio', ref: 'D_Expense!C40' },
];

export const ANNUAL_PLAN_TORNADO: Preset<TornadoSpec> = {
  id: 'annual-plan-drivers',
  title: { en: 'Contribution profit: 20 plan drivers ±10 %', zh: '销售贡献利润：20 个计划驱动因素 ±10%' },
  sheets: ['A_Market', 'B_Target', 'D_Expense'],
  spec: () => ({ output: 'D_Expense!C26', inputs: ANNUAL_PLAN_DRIVERS.map((i) => ({ ...i })), delta: 0.1 }),
};

export const TORNADO_PRESETS = [EXPENSE_SENSITIVITY, ANNUAL_PLAN_TORNADO];

/** Projected payout, budget and CCOS as the threshold moves. */
export const PAYOUT_VS_THRESHOLD: Preset<DataTable1Spec> = {
  id: 'payout-vs-threshold',
  title: { en: 'Bonus: payout, budget and CCOS vs threshold', zh: '奖金：支出、预算与 CCOS 随门槛变化' },
  sheets: ['E_Bonus'],
  spec: () => ({ input: 'PO_THRESHOLD', values: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1], outputs: ['E_Bonus!C48', 'E_Bonus!C5', 'E_Bonus!C54'] }),
};

/** The example: projected payout vs threshold × cap. */
export const PAYOUT_THRESHOLD_CAP: Preset<DataTable2Spec> = {
  id: 'payout-threshold-cap',
  title: { en: 'Bonus: projected payout vs threshold × cap', zh: '奖金：预测支出 随 门槛 × 封顶' },
  sheets: ['E_Bonus'],
  spec: () => ({
    rowInput: 'PO_THRESHOLD',
    rowValues: [0.7, 0.75, 0.8, 0.85, 0.9],
    colInput: 'PO_CAP',
    colValues: [1.5, 1.75, 2, 2.25, 2.5],
    output: 'E_Bonus!C48',
  }),
};

/** The funding rate that makes the budget equal the projected payout. */
export const FUNDING_FOR_PAYOUT: Preset<GoalSeekSpec> = {
  id: 'funding-for-payout',
  title: { en: 'Bonus: funding rate where budget = projected payout', zh: '奖金：使预算 = 预测支出的计提比例' },
  sheets: ['E_Bonus'],
  spec: (value) => ({ input: 'E_Bonus!C4', output: 'E_Bonus!C5', target: num(value('E_Bonus!C48'), 249.61421816), lo: 0, hi: 0.05 }),
};

/** The judgement growth of P1 that makes the company target hit a number. */
export const GROWTH_FOR_TARGET: Preset<GoalSeekSpec> = {
  id: 'growth-for-target',
  title: { en: 'Targets: P1 judgement growth for a company target', zh: '目标：达到公司目标所需的 P1 判断增长率' },
  sheets: ['B_Target'],
  spec: () => ({ input: 'B_Target!C43', output: 'TARGET_TOTAL', target: 21500, lo: -0.5, hi: 1 }),
};

export const GOAL_PRESETS = [GROWTH_FOR_TARGET, FUNDING_FOR_PAYOUT];

/** Uncertain growth and share: the spread of the company target, the payout and CCOS. */
export const PLAN_RISK: Preset<MonteCarloSpec> = {
  id: 'plan-risk',
  title: { en: 'Plan risk: growth and share uncertainty', zh: '计划风险：增长与份额的不确定性' },
  sheets: ['A_Market', 'B_Target', 'E_Bonus'],
  spec: (value) => {
    const around = (ref: string, fallback: number, lowF: number, highF: number) => {
      const v = num(value(ref), fallback);
      const r = (x: number) => Number(x.toPrecision(12));
      return { kind: 'triangular' as const, low: r(v * lowF), likely: v, high: r(v * highF) };
    };
    return {
      inputs: [
        { ref: 'B_Target!C43', dist: around('B_Target!C43', 0.12, 0.5, 1.5), label: 'P1 判断增长 judgement growth' },
        { ref: 'B_Target!D43', dist: around('B_Target!D43', 0.22, 0.5, 1.5), label: 'P2 判断增长 judgement growth' },
        { ref: 'B_Target!E43', dist: around('B_Target!E43', 0.4, 0.5, 1.5), label: 'P3 判断增长 judgement growth' },
        { ref: 'A_Market!C14', dist: around('A_Market!C14', 0.05, 0.6, 1.4), label: 'P1 用量增长 volume growth' },
        { ref: 'A_Market!C15', dist: { kind: 'normal', mean: num(value('A_Market!C15'), 0.2525), sd: 0.01 }, label: 'P1 目标份额 target share' },
        { ref: 'PO_THRESHOLD', dist: { kind: 'uniform', low: 0.75, high: 0.85 }, label: 'PO_THRESHOLD' },
      ],
      outputs: ['TARGET_TOTAL', 'E_Bonus!C48', 'E_Bonus!C54'],
      trials: 1000,
      seed: 20260101,
      bins: 20,
    };
  },
};

export const MONTE_CARLO_PRESETS = [PLAN_RISK];
