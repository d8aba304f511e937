/**
 * The workshop's vocabulary as data: the drivers a presenter moves (the templates' key inputs,
 * with ranges, steps and units), the KPIs each slide shows, the slides themselves, and the
 * upside/downside presets. Everything points at the spec's normative cells, through the workbook
 * names where the spec defines one (`PO_THRESHOLD` → `E_Bonus!$C$6`) and by address otherwise.
 *
 * A driver's `name` is what its control carries as `data-driver`: the workbook name when there is
 * one, else the cell (`B_Target!C43`). A KPI's `id` is its `data-kpi`, the same way.
 */
import type { RawContent } from './cell';
import type { NamedExpression, Notebook, RelativeOverride } from './notebook';
import { findSheet } from './notebook';
import { splitCellKey } from './scenarios';
import { relocate } from './structure';

import type { Bilingual } from './bilingual';

/** How a number reads: `percent` 20.0%, `weight` 70%, `times` 2.0×, `money` 21,211 万元, `count`. */
export type Unit = 'percent' | 'weight' | 'times' | 'money' | 'count' | 'ratio';

export interface DriverDef {
  /** `data-driver`: a workbook name, or `Sheet!A1` when the spec names none. */
  name: string;
  label: Bilingual;
  /** Where the value lives: a workbook name or a `Sheet!A1` cell. */
  ref: string;
  min: number;
  max: number;
  step: number;
  unit: Unit;
}

export interface KpiDef {
  /** `data-kpi`: a workbook name or `Sheet!A1`. */
  id: string;
  label: Bilingual;
  unit: Unit;
  /** A cost, a gap: a rise is bad news and its change reads red (default: a rise is good). */
  lowerIsBetter?: boolean;
}

/** KPIs whose rise is bad news, by the workbook name every plan defines. */
export const LOWER_IS_BETTER = new Set(['EXPENSE_TOTAL', 'PROJECT_COST_TOTAL', 'PERSONNEL_COST', 'CAPACITY_GAP', 'GROWTH_GAP']);

/** Whether a KPI's rise is good news: its own flag, else by name (`EXPENSE_TOTAL`), else yes. */
export function riseIsGood(def: Pick<KpiDef, 'id' | 'lowerIsBetter'>): boolean {
  return !(def.lowerIsBetter ?? LOWER_IS_BETTER.has(def.id));
}

/** A simple bar visual: one bar per cell, labelled. `person` rows show rep names and individual pay. */
export interface BarsDef {
  title: Bilingual;
  unit: Unit;
  bars: { label: Bilingual | { cell: string }; ref: string }[];
  person?: boolean;
}

/** The per-rep table of the bonus slide: names and individual pay are masked in privacy mode. */
export interface PeopleTableDef {
  title: Bilingual;
  /** Rows: first cell of each column per row is `<col><row>`. */
  rows: number[];
  sheet: string;
  columns: { col: string; label: Bilingual; unit: Unit | 'text'; private?: 'name' | 'pay' }[];
  total?: { row: number; label: Bilingual };
}

export interface SlideDef {
  /** `overview` or a template sheet name. */
  id: string;
  title: Bilingual;
  /** The sheet that must exist for the slide to show (none for the overview). */
  sheet?: string;
  kpis: KpiDef[];
  drivers: string[];
  bars?: BarsDef;
  people?: PeopleTableDef;
  /** A chart of the notebook view (a layout item id such as `E_Bonus.payout`), shown beside the bars when available. */
  chart?: string;
  /** A sheet added after the spec's five (F_Staffing): its slide shows when the sheet is there, and the overview does not need it. */
  extra?: boolean;
}

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

/**
 * A notebook's own vocabulary, where it has one: a client plan built by the generators for the
 * client's shape brings its drivers and slides at the generated cells (see
 * `templates/generators/planSlides.ts`, registered by the UI). Every other notebook — the sample
 * annual plan, single templates — uses the tables here.
 */
export interface NotebookVocabulary {
  drivers: readonly DriverDef[];
  slides: readonly SlideDef[];
  /** Upside / downside; the spec's `SCENARIO_PRESETS` when absent. */
  scenarioPresets?: readonly ScenarioPreset[];
  /** What `money` counts in (`yuan`, `qian`, `wan`); the spec's 万元 when absent. */
  moneyUnit?: string;
}

type VocabularySource = Pick<Notebook, 'layout' | 'names'>;
const providers: ((nb: VocabularySource) => NotebookVocabulary | null)[] = [];

/** Adds a source of notebook vocabularies (the first to answer for a notebook wins). */
export function registerVocabulary(provider: (nb: VocabularySource) => NotebookVocabulary | null): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** The drivers and slides of a notebook: its own (a client plan's), else the spec's tables. */
export function vocabularyOf(nb: VocabularySource | undefined): NotebookVocabulary {
  if (nb?.layout) {
    for (const p of providers) {
      const v = p(nb);
      if (v) return v;
    }
  }
  return { drivers: DRIVERS, slides: SLIDES };
}

/** Upside and downside for a notebook: its own, else the spec's. */
export function scenarioPresetsOf(nb: VocabularySource | undefined): readonly ScenarioPreset[] {
  return vocabularyOf(nb).scenarioPresets ?? SCENARIO_PRESETS;
}

/** The KPI of a notebook's slides with this English label (`Contribution profit` → `D_Expense!C26` on the sample). */
export function kpiByLabel(nb: VocabularySource | undefined, en: string): KpiDef | undefined {
  for (const s of vocabularyOf(nb).slides) {
    const k = s.kpis.find((x) => x.label.en === en);
    if (k) return k;
  }
  return undefined;
}

/** A driver by its `data-driver` name, among the notebook's drivers (the spec's when none is given). */
export function driverByName(name: string, nb?: VocabularySource): DriverDef | undefined {
  return vocabularyOf(nb).drivers.find((d) => d.name === name);
}

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

/**
 * Where a name or `Sheet!A1` points: the cell, or null when the name is unknown or is not a single
 * cell (e.g. `=B_Target!$G$45` → `B_Target!G45`).
 */
export function resolveRef(names: readonly NamedExpression[], ref: string): { sheet: string; addr: string } | null {
  if (ref.includes('!')) return splitCellKey(ref);
  const n = names.find((x) => x.name.toUpperCase() === ref.toUpperCase());
  if (!n) return null;
  const expr = n.expression.replace(/^=/, '').trim();
  const m = /^('(?:[^']|'')+'|[^!:]+)!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(expr);
  if (!m) return null;
  let sheet = m[1];
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, addr: `${m[2].toUpperCase()}${m[3]}` };
}

/**
 * `Sheet!A1` of a ref in this notebook, or null. The tables here name the spec's cells; where the
 * notebook's rows or columns moved since (or a sheet was renamed), the cell is found where it is
 * now (`relocate`), and a deleted one is null.
 */
export function refKey(nb: Pick<Notebook, 'names'> & { layout?: Notebook['layout'] }, ref: string): string | null {
  const at = ref.includes('!') ? relocate(nb.layout, ref) : ref;
  const r = at === null ? null : resolveRef(nb.names, at);
  return r ? `${r.sheet}!${r.addr}` : null;
}

/**
 * A driver's `data-driver`: the workbook name of its input where it has one (the driver's own, or
 * a name that points at exactly that cell), otherwise the address where the input is now.
 */
export function driverId(nb: Pick<Notebook, 'names'> & { layout?: Notebook['layout'] }, d: DriverDef): string {
  if (!d.ref.includes('!')) return d.name;
  const key = refKey(nb, d.ref);
  if (!key) return d.name;
  const named = nb.names.find((n) => {
    const r = resolveRef(nb.names, n.name);
    return r && `${r.sheet}!${r.addr}`.toLowerCase() === key.toLowerCase();
  });
  return named?.name ?? key;
}

/** The drivers that apply to a notebook: their cell exists and holds a number (an input, not a formula). */
export function availableDrivers(nb: Notebook): DriverDef[] {
  return vocabularyOf(nb).drivers.filter((d) => {
    const key = refKey(nb, d.ref);
    const r = key && splitCellKey(key);
    const sheet = r && findSheet(nb, r.sheet);
    return !!sheet && !sheet.stub && typeof sheet.cells[r.addr] === 'number';
  });
}

/** The slides that apply: the overview needs the whole plan; a template slide needs its real sheet. */
export function availableSlides(nb: Notebook): SlideDef[] {
  const real = (name: string) => {
    const s = findSheet(nb, name);
    return !!s && !s.stub;
  };
  const slides = vocabularyOf(nb).slides;
  return slides.filter((s) => (s.sheet ? real(s.sheet) : slides.every((x) => !x.sheet || x.extra || real(x.sheet))));
}

/** Snaps a value into a driver's range and onto its step grid (no float dust: 0.1 + 0.2 stays 0.3). */
export function clampToDriver(d: DriverDef, value: number): number {
  const v = Math.min(d.max, Math.max(d.min, value));
  const steps = Math.round((v - d.min) / d.step);
  const decimals = Math.max(0, -Math.floor(Math.log10(d.step)) + 2);
  return Number(Math.min(d.max, d.min + steps * d.step).toFixed(decimals));
}

export interface ScenarioPreset {
  id: 'upside' | 'downside';
  name: Bilingual;
  /** Changes relative to the base value of each cell: `add` (points) or `mul` (factor). */
  changes: { ref: string; add?: number; mul?: number }[];
}

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

/** A preset's overrides for this notebook, from the base values given (cells that are absent or not numbers are skipped). */
export function presetOverrides(nb: Pick<Notebook, 'names'>, preset: ScenarioPreset, baseValue: (key: string) => RawContent | null | undefined): Record<string, RawContent> {
  const out: Record<string, RawContent> = {};
  for (const c of preset.changes) {
    const key = refKey(nb, c.ref);
    if (!key) continue;
    const v = baseValue(key);
    if (typeof v !== 'number') continue;
    out[key] = Number(((v + (c.add ?? 0)) * (c.mul ?? 1)).toFixed(10));
  }
  return out;
}

/** A preset as overrides relative to the base (they follow it), for the cells whose base is a number. */
export function presetRules(nb: Pick<Notebook, 'names'>, preset: ScenarioPreset, baseValue: (key: string) => RawContent | null | undefined): Record<string, RelativeOverride> {
  const out: Record<string, RelativeOverride> = {};
  for (const c of preset.changes) {
    const key = refKey(nb, c.ref);
    if (!key || typeof baseValue(key) !== 'number') continue;
    const rule: RelativeOverride = {};
    if (c.add !== undefined) rule.add = c.add;
    if (c.mul !== undefined) rule.mul = c.mul;
    out[key] = rule;
  }
  return out;
}

/** The key outputs the scenario comparison shows: the overview's KPIs. */
export const COMPARE_OUTPUTS: readonly KpiDef[] = SLIDES[0].kpis;

/** The scenario comparison's outputs for a notebook: its overview's KPIs. */
export function compareOutputs(nb: VocabularySource): readonly KpiDef[] {
  return vocabularyOf(nb).slides.find((s) => s.id === 'overview')?.kpis ?? COMPARE_OUTPUTS;
}
