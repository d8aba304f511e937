/**
 * The spec's workshop vocabulary (templates.md) for the sample annual plan and the single
 * templates: the drivers a presenter moves (the key inputs, with ranges, steps and units), the
 * slides and their KPIs, and the upside/downside presets. Everything points at the spec's
 * normative cells, through the workbook names where the spec defines one and by address
 * otherwise. A client plan brings its own (`generators/planSlides.ts`).
 */
import type { DriverDef, KpiDef, NotebookVocabulary, ScenarioPreset, SlideDef, Unit } from '../src/model/drivers';

const pct = (name: string, zh: string, en: string, ref: string, min: number, max: number, step: number): DriverDef => ({
  name, label: { zh, en }, ref, min, max, step, unit: 'percent',
});

/** Every driver, by `data-driver` name. Ranges stay inside what the templates' formulas accept. */
export const DRIVERS: readonly DriverDef[] = [
  pct('A_Market!F6', '目标收入增长率', 'Goal growth', 'A_Market!F6', 0, 0.5, 0.005),
  pct('A_Market!C14', 'P1 容量增长', 'P1 volume growth', 'A_Market!C14', -0.1, 0.3, 0.005),
  pct('A_Market!D14', 'P2 容量增长', 'P2 volume growth', 'A_Market!D14', -0.1, 0.3, 0.005),
  pct('A_Market!E14', 'P3 容量增长', 'P3 volume growth', 'A_Market!E14', -0.1, 0.3, 0.005),
  { name: 'W_TREND', label: { zh: '趋势权重', en: 'Trend weight' }, ref: 'W_TREND', min: 0, max: 1, step: 0.05, unit: 'weight' },
  { name: 'W_QUANT', label: { zh: '定量权重', en: 'Quantitative weight' }, ref: 'W_QUANT', min: 0, max: 1, step: 0.05, unit: 'weight' },
  { name: 'ALPHA_BU', label: { zh: '自下而上权重', en: 'Bottom-up weight' }, ref: 'ALPHA_BU', min: 0, max: 1, step: 0.05, unit: 'weight' },
  pct('OVERASSIGN', '超额分配', 'Over-assignment', 'OVERASSIGN', 0, 0.5, 0.01),
  pct('B_Target!C43', 'P1 判断增长率', 'P1 judgement growth', 'B_Target!C43', -0.2, 1, 0.01),
  pct('B_Target!D43', 'P2 判断增长率', 'P2 judgement growth', 'B_Target!D43', -0.2, 1, 0.01),
  pct('B_Target!E43', 'P3 判断增长率', 'P3 judgement growth', 'B_Target!E43', -0.2, 1, 0.01),
  pct('D_Expense!C40', '销售费用率', 'Expense ratio', 'D_Expense!C40', 0.05, 0.4, 0.005),
  pct('D_Expense!C16', '额外替代比例', 'Extra DCB substitution', 'D_Expense!C16', 0, 0.3, 0.01),
  pct('E_Bonus!C4', '奖金计提比例', 'Bonus funding rate', 'E_Bonus!C4', 0, 0.05, 0.001),
  pct('PO_THRESHOLD', '门槛达成率', 'Threshold', 'PO_THRESHOLD', 0.5, 0.95, 0.01),
  pct('PO_AT_THRESHOLD', '门槛处支付', 'Payout at threshold', 'PO_AT_THRESHOLD', 0, 1, 0.05),
  { name: 'PO_ACCEL', label: { zh: '超额加速斜率', en: 'Accelerator' }, ref: 'PO_ACCEL', min: 0.5, max: 5, step: 0.1, unit: 'times' },
  { name: 'PO_CAP', label: { zh: '封顶', en: 'Cap' }, ref: 'PO_CAP', min: 1, max: 4, step: 0.1, unit: 'times' },
  // The staffing plan (F_Staffing, from its generator on the sample company; a unit test holds these
  // cells to staffingDrivers(SAMPLE_SHAPE)): attrition, ramp months per reps' level, one hiring row per region.
  pct('ATTRITION', '流失率', 'Attrition', 'ATTRITION', 0, 0.5, 0.01),
  { name: 'F_Staffing!D20', label: { zh: '爬坡月数（高级代表）', en: 'Ramp months (Senior Rep)' }, ref: 'F_Staffing!D20', min: 0, max: 24, step: 1, unit: 'count' },
  { name: 'F_Staffing!D21', label: { zh: '爬坡月数（代表）', en: 'Ramp months (Rep)' }, ref: 'F_Staffing!D21', min: 0, max: 24, step: 1, unit: 'count' },
  ...[['华东', 'East'], ['华南', 'South'], ['华北', 'North'], ['西部', 'West']].map(([zh, en], i): DriverDef => ({
    name: `F_Staffing!E${32 + i}`, label: { zh: `新招（${zh}）`, en: `Hires (${en})` }, ref: `F_Staffing!E${32 + i}`, min: 0, max: 50, step: 1, unit: 'count',
  })),  // The monthly tracking (G_Monthly): stepping the closed months walks a quarterly review through the year.
  { name: 'CLOSED_MONTHS', label: { zh: '已关账月数', en: 'Closed months' }, ref: 'CLOSED_MONTHS', min: 0, max: 12, step: 1, unit: 'count' },
];

const kpi = (id: string, zh: string, en: string, unit: Unit = 'money'): KpiDef => ({ id, label: { zh, en }, unit });
const cellBar = (ref: string, zh: string, en: string) => ({ label: { zh, en }, ref });

/** The presenter's slides: an overview, then one per template sheet, in the plan's order. */
export const SLIDES: readonly SlideDef[] = [
  {
    id: 'overview',
    chart: 'C_Ansoff.bridge',
    title: { zh: '年度计划总览', en: 'Annual plan at a glance' },
    kpis: [
      kpi('TARGET_TOTAL', '年度目标', 'Annual target'),
      kpi('B_Target!G46', '目标增长率', 'Target growth', 'percent'),
      kpi('GROWTH_GAP', '增长缺口', 'Growth gap'),
      kpi('EXPENSE_TOTAL', '费用总额', 'Expense envelope'),
      kpi('BONUS_BUDGET', '奖金预算', 'Bonus budget'),
      kpi('D_Expense!C26', '销售贡献利润', 'Contribution profit'),
    ],
    drivers: ['A_Market!F6', 'W_QUANT', 'B_Target!C43', 'B_Target!D43', 'B_Target!E43', 'D_Expense!C40', 'E_Bonus!C4'],
    bars: {
      title: { zh: '最终目标（分区域）', en: 'Final target by region' },
      unit: 'money',
      bars: [cellBar('B_Target!G88', '华东', 'East'), cellBar('B_Target!G89', '华南', 'South'), cellBar('B_Target!G90', '华北', 'North'), cellBar('B_Target!G91', '西部', 'West')],
    },
  },
  {
    id: 'A_Market',
    chart: 'A_Market.sources',
    sheet: 'A_Market',
    title: { zh: '市场演进：增长从哪里来', en: 'Market evolution: where growth comes from' },
    kpis: [
      kpi('A_Market!F36', '模型预测收入', 'Market-model revenue'),
      kpi('A_Market!F37', '模型增长率', 'Model growth', 'percent'),
      kpi('GOAL_REVENUE', '目标收入', 'Goal revenue'),
      kpi('A_Market!F38', '来源覆盖度', 'Sources ÷ required growth', 'ratio'),
    ],
    drivers: ['A_Market!F6', 'A_Market!C14', 'A_Market!D14', 'A_Market!E14'],
    bars: {
      title: { zh: '增长来源', en: 'Growth sources' },
      unit: 'money',
      bars: [
        cellBar('A_Market!F31', '① 容量增长', '① Volume'),
        cellBar('A_Market!F32', '② 抢份额', '② Share gain'),
        cellBar('A_Market!F33', '③ 高值替代', '③ HV substitution'),
        cellBar('A_Market!F34', '④ 新客户', '④ New customers'),
      ],
    },
  },
  {
    id: 'B_Target',
    chart: 'B_Target.tdbu',
    sheet: 'B_Target',
    title: { zh: '六步骤目标：定多少、怎么分', en: 'Six-step target: how big, how split' },
    kpis: [
      kpi('TARGET_TOTAL', '年度目标', 'Annual target'),
      kpi('B_Target!G46', '目标增长率', 'Target growth', 'percent'),
      kpi('B_Target!G47', '对比增长目标', 'Target − goal'),
      kpi('B_Target!J109', '代表指标合计', 'Σ rep quotas'),
    ],
    drivers: ['W_TREND', 'W_QUANT', 'ALPHA_BU', 'OVERASSIGN', 'B_Target!C43', 'B_Target!D43', 'B_Target!E43'],
    bars: {
      title: { zh: '代表指标', en: 'Rep quotas' },
      unit: 'money',
      person: true,
      bars: [97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108].map((r) => ({ label: { cell: `B_Target!A${r}` }, ref: `B_Target!J${r}` })),
    },
  },
  {
    id: 'C_Ansoff',
    chart: 'C_Ansoff.grid',
    sheet: 'C_Ansoff',
    title: { zh: '安索夫矩阵：缺口靠哪种策略补', en: 'Ansoff grid: which strategy fills the gap' },
    kpis: [
      kpi('GROWTH_GAP', '增长缺口', 'Growth gap'),
      kpi('PROJECT_COST_TOTAL', '举措费用', 'Initiative cost'),
      kpi('C_Ansoff!E59', '风险调整收入', 'Risk-adjusted revenue'),
      kpi('C_Ansoff!C61', '老产品老市场占比', 'Core share', 'percent'),
    ],
    drivers: ['W_QUANT', 'B_Target!C43', 'B_Target!D43', 'B_Target!E43'],
    bars: {
      title: { zh: '四象限计划贡献', en: 'Planned contribution by quadrant' },
      unit: 'money',
      bars: [
        cellBar('C_Ansoff!B55', '市场渗透', 'Penetration'),
        cellBar('C_Ansoff!B56', '市场开发', 'Market development'),
        cellBar('C_Ansoff!B57', '产品开发', 'Product development'),
        cellBar('C_Ansoff!B58', '多元化', 'Diversification'),
      ],
    },
  },
  {
    id: 'D_Expense',
    chart: 'D_Expense.tornado',
    sheet: 'D_Expense',
    title: { zh: '费用结构：钱花在哪', en: 'Expense structure: where the money goes' },
    kpis: [
      kpi('EXPENSE_TOTAL', '费用总额', 'Expense envelope'),
      kpi('D_Expense!C45', '日常推广池', 'Promotion pool'),
      kpi('D_Expense!G9', '毛利率', 'Gross margin', 'percent'),
      kpi('D_Expense!C26', '销售贡献利润', 'Contribution profit'),
    ],
    drivers: ['D_Expense!C40', 'D_Expense!C16', 'E_Bonus!C4'],
    bars: {
      title: { zh: '区域费用', en: 'Expense by region' },
      unit: 'money',
      bars: [
        cellBar('D_Expense!G72', '华东', 'East'),
        cellBar('D_Expense!G73', '华南', 'South'),
        cellBar('D_Expense!G74', '华北', 'North'),
        cellBar('D_Expense!G75', '西部', 'West'),
        cellBar('D_Expense!G76', '全国', 'National'),
      ],
    },
  },
  {
    id: 'E_Bonus',
    chart: 'E_Bonus.payout',
    sheet: 'E_Bonus',
    title: { zh: '奖金计划：奖金池多大、怎么发', en: 'Bonus plan: the pool and the payout' },
    kpis: [
      kpi('BONUS_BUDGET', '奖金预算', 'Bonus budget'),
      kpi('E_Bonus!C48', '预测奖金支出', 'Projected payout'),
      kpi('E_Bonus!C51', '支出/预算', 'Payout ÷ budget', 'percent'),
      kpi('E_Bonus!C54', '薪酬销售成本率', 'CCOS', 'percent'),
      kpi('E_Bonus!C55', '达门槛人数占比', 'Share of reps at threshold', 'percent'),
    ],
    drivers: ['E_Bonus!C4', 'PO_THRESHOLD', 'PO_AT_THRESHOLD', 'PO_ACCEL', 'PO_CAP'],
    people: {
      title: { zh: '代表奖金', en: 'Rep payout' },
      sheet: 'E_Bonus',
      rows: [23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34],
      columns: [
        { col: 'A', label: { zh: '代表', en: 'Rep' }, unit: 'text', private: 'name' },
        { col: 'B', label: { zh: '区域', en: 'Region' }, unit: 'text' },
        { col: 'G', label: { zh: '达成', en: 'Attain.' }, unit: 'percent' },
        { col: 'N', label: { zh: '支付率', en: 'Payout %' }, unit: 'percent' },
        { col: 'O', label: { zh: '奖金', en: 'Bonus' }, unit: 'money', private: 'pay' },
        { col: 'P', label: { zh: '总现金', en: 'Total cash' }, unit: 'money', private: 'pay' },
      ],
      total: { row: 35, label: { zh: '合计', en: 'Total' } },
    },
  },
  {
    id: 'F_Staffing',
    chart: 'F_Staffing.regions',
    sheet: 'F_Staffing',
    extra: true,
    title: { zh: '人员计划：团队扛得住目标吗', en: 'Staffing plan: can the team carry the number' },
    kpis: [
      kpi('CAPACITY_GAP', '产能缺口', 'Capacity gap'),
      kpi('PERSONNEL_COST', '人员成本', 'Personnel cost'),
      kpi('CAPACITY_TOTAL', '产能合计', 'Capacity'),
      kpi('HEADCOUNT_END', '期末人数', 'Headcount at end', 'count'),
      kpi('D_Expense!C45', '日常推广池', 'Promotion pool'),
    ],
    drivers: ['ATTRITION', 'F_Staffing!D20', 'F_Staffing!D21', 'F_Staffing!E32', 'F_Staffing!E33', 'F_Staffing!E34', 'F_Staffing!E35'],
    bars: {
      title: { zh: '各区域产能缺口', en: 'Capacity gap by region' },
      unit: 'money',
      bars: [cellBar('F_Staffing!I25', '华东', 'East'), cellBar('F_Staffing!I26', '华南', 'South'), cellBar('F_Staffing!I27', '华北', 'North'), cellBar('F_Staffing!I28', '西部', 'West')],
    },
  },  {
    id: 'G_Monthly',
    chart: 'G_Monthly.cumulative',
    sheet: 'G_Monthly',
    extra: true,
    title: { zh: '月度经营分析：年累计与全年预测', en: 'Monthly review: year to date and full-year forecast' },
    kpis: [
      kpi('ATTAINMENT_YTD', '年累计达成率', 'YTD attainment', 'percent'),
      kpi('FY_FORECAST', '全年预测', 'FY forecast'),
      kpi('FY_GAP', '与目标差距', 'Gap to target'),
      kpi('YTD_ACTUAL', '年累计实际', 'YTD actual'),
      // The bonus plan's payout accrual forecast: the payout curve on each rep's forecast attainment.
      kpi('PAYOUT_FORECAST', '奖金计提预测', 'Payout forecast'),
    ],
    drivers: ['CLOSED_MONTHS'],
    // YTD attainment by region, status G/A/R beside it (G_Monthly's region block, rows 64–67 on the sample).
    bars: {
      title: { zh: '各区域年累计达成率（红黄绿见表）', en: 'YTD attainment by region (RAG on the sheet)' },
      unit: 'percent',
      bars: [cellBar('G_Monthly!D64', '华东', 'East'), cellBar('G_Monthly!D65', '华南', 'South'), cellBar('G_Monthly!D66', '华北', 'North'), cellBar('G_Monthly!D67', '西部', 'West')],
    },
  },
];

/** Upside / downside as moves of the market and judgement drivers, applied to the base values. */
export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  {
    id: 'upside',
    name: { zh: '乐观', en: 'Upside' },
    changes: [
      { ref: 'A_Market!C14', add: 0.02 }, { ref: 'A_Market!D14', add: 0.02 }, { ref: 'A_Market!E14', add: 0.02 },
      { ref: 'B_Target!C43', add: 0.05 }, { ref: 'B_Target!D43', add: 0.05 }, { ref: 'B_Target!E43', add: 0.05 },
    ],
  },
  {
    id: 'downside',
    name: { zh: '保守', en: 'Downside' },
    changes: [
      { ref: 'A_Market!C14', add: -0.02 }, { ref: 'A_Market!D14', add: -0.02 }, { ref: 'A_Market!E14', add: -0.02 },
      { ref: 'B_Target!C43', add: -0.05 }, { ref: 'B_Target!D43', add: -0.05 }, { ref: 'B_Target!E43', add: -0.05 },
    ],
  },
];

/** The key outputs the scenario comparison shows: the overview's KPIs. */
export const COMPARE_OUTPUTS: readonly KpiDef[] = SLIDES[0].kpis;

/** The vocabulary of every notebook that is not a client plan. */
export const SPEC_VOCABULARY: NotebookVocabulary = { drivers: DRIVERS, slides: SLIDES, scenarioPresets: SCENARIO_PRESETS };
