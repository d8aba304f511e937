/**
 * The default notebook view of each template sheet, as data: a title and notes, KPI cards for the
 * headline numbers, and the charts the spec names (templates.md §4–8, "Charts"), each bound to the
 * spec's cell ranges. `src/ui/charts` interprets the `kind`s; `src/model/charts` extracts the data.
 *
 * A notebook created from the gallery gets these items in its `layout` (`createFromTemplate`).
 * A template sheet that has no items at all (added later with "Add template…", or saved before
 * layouts existed) shows these defaults until the user changes its view; the first change writes
 * them into the document (one undoable `setLayout`), so the document never changes by itself.
 *
 * Ranges on the item's own sheet are bare (`A51:D56`); other sheets are reached through the
 * workbook names (`BASE_TOTAL`, `TARGET_TOTAL`), which follow sheet renames.
 */
import type { LayoutItem } from '../src/model/notebook';
import { planProducts, SAMPLE_SHAPE } from './generators/shape';
import { staffingLayoutItems } from './generators/staffing';
import { monthlyLayoutItems } from './generators/monthly';

type Text = { zh: string; en: string };
const tx = (zh: string, en: string): Text => ({ zh, en });

const WAN = 'wan';

function note(sheet: string, title: Text, text: Text): LayoutItem {
  return { id: `${sheet}.note`, kind: 'note', sheet, ranges: {}, options: { title, text } };
}

function kpi(sheet: string, key: string, value: string, label: Text, extra: { unit?: string; sub?: string; subLabel?: Text } = {}): LayoutItem {
  const ranges: Record<string, string> = { value };
  if (extra.sub) ranges.sub = extra.sub;
  const options: Record<string, unknown> = { label };
  if (extra.unit) options.unit = extra.unit;
  if (extra.subLabel) options.subLabel = extra.subLabel;
  return { id: `${sheet}.kpi.${key}`, kind: 'kpi', sheet, ranges, options };
}

function chart(sheet: string, key: string, kind: string, label: Text, ranges: Record<string, string>, options: Record<string, unknown> = {}): LayoutItem {
  return { id: `${sheet}.${key}`, kind, sheet, ranges, options: { label, ...options } };
}

const PRODUCTS3 = [tx('P1', 'P1'), tx('P2', 'P2'), tx('P3', 'P3')];

const LAYOUTS: Record<string, () => LayoutItem[]> = {
  A_Market: () => {
    const s = 'A_Market';
    return [
      note(
        s,
        tx('市场演进模型', 'Market evolution model'),
        tx(
          '增长从哪里来？FY2025 基期收入经四个增长来源——容量增长、侵吞竞品份额、高值产品替代、开拓新客户——搭桥到 FY2026 市场模型收入，并对照增长目标。蓝色单元格是输入，图表随每次修改实时更新。',
          'Where does growth come from? FY2025 base revenue bridges through four growth sources — volume, share gain, high-value substitution and new customers — to the FY2026 market-model revenue, checked against the growth goal. Blue cells are inputs; the charts follow every edit.',
        ),
      ),
      kpi(s, 'revenue', 'F36', tx('FY2026 模型收入', 'FY2026 model revenue'), { unit: WAN, sub: 'F37', subLabel: tx('模型增长率', 'model growth') }),
      kpi(s, 'sources', 'F35', tx('增长来源合计', 'Growth sources'), { unit: WAN, sub: 'F38', subLabel: tx('覆盖需弥补增长', 'of required growth') }),
      kpi(s, 'goal', 'GOAL_REVENUE', tx('目标收入', 'Goal revenue'), { unit: WAN, sub: 'F6', subLabel: tx('目标增长率', 'goal growth') }),
      kpi(s, 'coverage', 'F43', tx('覆盖率 FY2026', 'Coverage FY2026'), { sub: 'F42', subLabel: tx('FY2025', 'FY2025') }),
      chart(s, 'bridge', 'waterfall', tx('增长桥：FY2025 → 四个增长来源 → FY2026 模型', 'Growth bridge: FY2025 → four growth sources → FY2026 model'), {
        labels: 'A51:A56',
        values: 'B51:B56',
        types: 'C51:C56',
      }, { unit: WAN }),
      chart(s, 'sources', 'stackedBar', tx('各产品线的增长来源', 'Growth sources by product line'), {
        values: 'C31:E34',
        rowLabels: 'A31:A34',
        colLabels: 'C2:E2',
      }, {
        unit: WAN,
        series: 'rows',
        categoryLabels: PRODUCTS3,
        seriesLabels: [tx('① 容量增长', '① Volume'), tx('② 侵吞份额', '② Share gain'), tx('③ 高值替代', '③ HV substitution'), tx('④ 新客户', '④ New customers')],
      }),
      chart(s, 'kpis', 'pairedBars', tx('覆盖率、渗透率与高值占比：FY2025 对 FY2026', 'Coverage, penetration and high-value share: FY2025 vs FY2026'), {
        values: 'C42:E47',
        colLabels: 'C2:E2',
      }, {
        groups: [tx('覆盖率', 'Coverage'), tx('渗透率', 'Penetration'), tx('高值占比', 'High-value share')],
        pair: [tx('FY2025', 'FY2025'), tx('FY2026', 'FY2026')],
        categoryLabels: PRODUCTS3,
      }),
    ];
  },
  B_Target: () => {
    const s = 'B_Target';
    return [
      note(
        s,
        tx('六步骤目标制定', 'Six-step target setting'),
        tx(
          '定多少、怎么分？趋势、市场模型与管理层判断按权重融合为年度目标，再经自上而下分配、与自下而上提报协商，分解到区域、产品和代表。偏差超出 ±预警阈值的区域会被标出。',
          'How big is the target, and how is it split? Trend, market-model and judgement forecasts blend into the annual target, which is split top-down, negotiated with bottom-up submissions and decomposed to regions, products and reps. Regions beyond the ± alert band are flagged.',
        ),
      ),
      kpi(s, 'target', 'TARGET_TOTAL', tx('年度目标', 'Annual target'), { unit: WAN, sub: 'G46', subLabel: tx('目标增长率', 'target growth') }),
      kpi(s, 'vsGoal', 'G47', tx('目标 − 增长目标', 'Target − goal'), { unit: WAN, sub: 'GOAL_REVENUE', subLabel: tx('增长目标', 'goal') }),
      kpi(s, 'base', 'BASE_TOTAL', tx('FY2025 实际', 'FY2025 actual'), { unit: WAN }),
      kpi(s, 'quotas', 'J109', tx('代表指标合计', 'Σ rep quotas'), { unit: WAN, sub: 'OVERASSIGN', subLabel: tx('超额分配', 'over-assignment') }),
      chart(s, 'forecasts', 'groupedBar', tx('各产品线的预测方法', 'Forecast methods per product line'), {
        values: 'C38:E40,C44:E45',
        colLabels: 'C11:E11',
      }, {
        unit: WAN,
        series: 'rows',
        seriesLabels: [tx('趋势', 'Trend'), tx('市场模型', 'Market model'), tx('定量', 'Quantitative'), tx('判断', 'Judgement'), tx('目标', 'Target')],
      }),
      chart(s, 'final', 'stackedBar', tx('最终目标：区域 × 产品', 'Final targets by region × product'), {
        values: 'C88:F91',
        rowLabels: 'A88:A91',
        colLabels: 'C11:F11',
      }, { unit: WAN, series: 'cols', seriesLabels: [tx('P1', 'P1'), tx('P2', 'P2'), tx('P3', 'P3'), tx('P4 远程心电', 'P4 Remote ECG')] }),
      chart(s, 'tdbu', 'tdbu', tx('自上而下 vs 自下而上（±预警带）', 'Top-down vs bottom-up per region (± alert band)'), {
        labels: 'A64:A67',
        td: 'G64:G67',
        bu: 'G70:G73',
        dev: 'G76:G79',
        band: 'ALERT_DEV',
      }, { unit: WAN }),
      chart(s, 'quotas', 'bar', tx('代表指标（按区域着色，降序）', 'Rep quotas, sorted, coloured by region'), {
        values: 'J97:J108',
        rowLabels: 'A97:A108',
        colors: 'B97:B108',
      }, { unit: WAN, sort: 'desc', seriesLabels: [tx('代表指标', 'Rep quota')] }),
    ];
  },
  C_Ansoff: () => {
    const s = 'C_Ansoff';
    return [
      note(
        s,
        tx('安索夫矩阵', 'Ansoff grid'),
        tx(
          '缺口靠哪种策略补？增长缺口（年度目标 − FY2025）由四个象限的举措补齐。离“老产品、老市场”越远，费用率越高、成功概率越低；老产品老市场占比应在 80%–95%。',
          'Which strategy fills the gap? The growth gap (target − FY2025) is filled by initiatives in four quadrants. The further from existing products in existing markets, the higher the cost ratio and the lower the odds; the core share should stay within 80–95%.',
        ),
      ),
      kpi(s, 'gap', 'GROWTH_GAP', tx('增长缺口', 'Growth gap'), { unit: WAN }),
      kpi(s, 'core', 'C61', tx('老产品老市场占比', 'Core share'), { sub: 'C62', subLabel: tx('80%–95%', '80–95%') }),
      kpi(s, 'cost', 'PROJECT_COST_TOTAL', tx('举措费用', 'Initiative cost'), { unit: WAN, sub: 'N38', subLabel: tx('费用收入比', 'cost / revenue') }),
      kpi(s, 'riskAdj', 'M38', tx('风险调整收入', 'Risk-adjusted revenue'), { unit: WAN, sub: 'G59', subLabel: tx('加权成功率', 'weighted P(success)') }),
      chart(s, 'grid', 'ansoffGrid', tx('安索夫矩阵：计划贡献、占缺口、费用、成功率、风险', 'Ansoff grid: planned revenue, share of gap, cost, probability, risk'), {
        labels: 'A55:A58',
        planned: 'B55:B58',
        share: 'C55:C58',
        cost: 'D55:D58',
        riskAdj: 'E55:E58',
        prob: 'G55:G58',
        risk: 'H55:H58',
      }, { unit: WAN }),
      chart(s, 'bridge', 'waterfall', tx('缺口桥：FY2025 → 四个象限 → 年度目标', 'Gap bridge: FY2025 → four quadrants → target'), {
        start: 'BASE_TOTAL',
        labels: 'A55:A58',
        values: 'B55:B58',
        end: 'TARGET_TOTAL',
      }, { unit: WAN, startLabel: tx('FY2025 实际', 'FY2025 actual'), endLabel: tx('年度目标', 'Target') }),
      chart(s, 'products', 'stackedBar', tx('产品 × 象限的计划贡献', 'Planned contribution by product × quadrant'), {
        values: 'B65:E68',
        rowLabels: 'A65:A68',
        colLabels: 'B64:E64',
      }, { unit: WAN, series: 'cols' }),
    ];
  },
  D_Expense: () => {
    const s = 'D_Expense';
    return [
      note(
        s,
        tx('费用结构分析', 'Expense structure'),
        tx(
          '钱花在哪、利润对什么最敏感？龙卷风图按摆幅排列各驱动因素 ±Δ 对销售贡献利润的影响；费用包络（目标 × 费用率）扣除底薪、奖金和项目费用后是推广池，按分配键分到区域和产品。',
          'Where does the money go, and what is profit most sensitive to? The tornado ranks each driver’s ±Δ swing on contribution profit; the expense envelope (target × ratio) less salaries, bonus and projects is the promotion pool, split by region and product.',
        ),
      ),
      kpi(s, 'envelope', 'EXPENSE_TOTAL', tx('费用总额', 'Expense envelope'), { unit: WAN, sub: 'C40', subLabel: tx('销售费用率', 'of target') }),
      kpi(s, 'pool', 'C45', tx('日常推广池', 'Promotion pool'), { unit: WAN, sub: 'C46', subLabel: tx('检查', 'check') }),
      kpi(s, 'profit', 'C26', tx('销售贡献利润', 'Contribution profit'), { unit: WAN, sub: 'C27', subLabel: tx('贡献利润率', 'margin') }),
      kpi(s, 'gm', 'G9', tx('毛利率', 'Gross margin'), { sub: 'C15', subLabel: tx('替代毛利增量（万元）', 'ΔGP from substitution (CNY 10k)') }),
      chart(s, 'tornado', 'tornado', tx('利润敏感性（龙卷风图，按摆幅排序）', 'Profit sensitivity (tornado, by swing)'), {
        labels: 'A29:A34',
        delta: 'B29:B34',
        low: 'C29:C34',
        high: 'D29:D34',
        swing: 'E29:E34',
        base: 'C26',
      }, { unit: WAN }),
      chart(s, 'regions', 'stackedBar', tx('区域费用构成与费用率', 'Expense by region, with the expense ratio'), {
        values: 'C72:F76',
        rowLabels: 'A72:A76',
        colLabels: 'C71:F71',
        line: 'I72:I76',
      }, { unit: WAN, series: 'cols', lineLabel: tx('费用率', 'Expense ratio') }),
      chart(s, 'costRates', 'bar', tx('各产品组成本率（标注毛利率）', 'Cost rate by SKU group (GM% labelled)'), {
        values: 'D4:D8',
        rowLabels: 'A4:A8',
        line: 'G4:G8',
      }, { sort: 'desc', seriesLabels: [tx('成本率', 'Cost rate')], lineLabel: tx('毛利率', 'GM') }),
    ];
  },
  E_Bonus: () => {
    const s = 'E_Bonus';
    return [
      note(
        s,
        tx('奖金计划', 'Bonus plan'),
        tx(
          '奖金池多大、怎么发？支付曲线：达成低于门槛不发，门槛处起付，目标处 100%，超额后加速，到封顶为止。圆点是每位代表的模拟达成与收入支付率。',
          'How big is the pool, and how is it paid? The payout curve pays nothing below the threshold, jumps to the threshold payout, reaches 100% at target, accelerates above it and stops at the cap. Dots are the reps at their simulated attainment.',
        ),
      ),
      kpi(s, 'budget', 'BONUS_BUDGET', tx('奖金预算', 'Bonus budget'), { unit: WAN, sub: 'C4', subLabel: tx('计提比例', 'of target') }),
      kpi(s, 'projected', 'C48', tx('预测奖金支出', 'Projected payout'), { unit: WAN, sub: 'C51', subLabel: tx('占预算', 'of budget') }),
      kpi(s, 'ti', 'C46', tx('目标奖金合计', 'Σ target incentive'), { unit: WAN, sub: 'C50', subLabel: tx('占预算', 'of budget') }),
      kpi(s, 'ccos', 'C54', tx('薪酬销售成本率 CCOS', 'Comp cost of sales'), { sub: 'C59', subLabel: tx('公司达成率', 'company attainment') }),
      chart(s, 'payout', 'payoutCurve', tx('支付曲线与代表达成', 'Payout curve with the reps at their attainment'), {
        threshold: 'C6',
        atThreshold: 'C7',
        target: 'C8',
        accel: 'C9',
        cap: 'C10',
        slopeLow: 'C13',
        tableX: 'A65:A77',
        tableY: 'B65:B77',
        repLabels: 'A23:A34',
        repX: 'G23:G34',
        repY: 'I23:I34',
      }),
      chart(s, 'repBonus', 'groupedBar', tx('每位代表：目标奖金 vs 实际奖金', 'Target incentive vs bonus per rep'), {
        values: 'F23:F34,O23:O34',
        rowLabels: 'A23:A34',
      }, { unit: WAN, series: 'cols', seriesLabels: [tx('目标奖金', 'Target incentive'), tx('奖金', 'Bonus')] }),
      chart(s, 'budget', 'bullet', tx('预测支出 vs 预算 vs 目标奖金合计', 'Projected payout vs budget vs Σ target incentive'), {
        value: 'C48',
        budget: 'C49',
        target: 'C46',
      }, { unit: WAN }),
    ];
  },
  // The staffing plan's view comes from its generator, on the sample company.
  F_Staffing: () => staffingLayoutItems(SAMPLE_SHAPE),
  // The monthly tracking's view comes from its generator, on the sample company.
  G_Monthly: () => monthlyLayoutItems(planProducts(SAMPLE_SHAPE).length, SAMPLE_SHAPE.regions.length, SAMPLE_SHAPE.unit),
};

/** The default items of a template sheet (fresh copies), or none for any other sheet. */
export function defaultLayout(sheet: string): LayoutItem[] {
  return LAYOUTS[sheet]?.() ?? [];
}
