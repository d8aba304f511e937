/**
 * The template gallery as data: ids, bilingual titles and descriptions, and which spec sheets each
 * entry holds. This file imports no sheet data, so the home page can list the gallery without
 * loading the templates; `templates/index.ts` adds `create()` on top.
 */
import type { TemplateSheetName } from './catalog';

export type TemplateId =
  | 'blank'
  | 'annual-plan'
  | 'market-model'
  | 'six-step-targets'
  | 'ansoff-grid'
  | 'expense-structure'
  | 'bonus-plan'
  | 'staffing-plan'
  | 'monthly-tracking';

export interface GalleryEntry {
  id: TemplateId;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  /** The spec sheets the entry holds, in tab order; empty for the blank notebook. */
  sheets: readonly TemplateSheetName[];
}

export const GALLERY: readonly GalleryEntry[] = [
  {
    id: 'blank',
    title: { zh: '空白笔记本', en: 'Blank notebook' },
    description: { zh: '一张空白工作表 Sheet1，从零开始建模。', en: 'One empty sheet, Sheet1, to model from scratch.' },
    sheets: [],
  },
  {
    id: 'annual-plan',
    title: { zh: '年度销售运营计划', en: 'Annual sales-ops plan' },
    description: {
      zh: '七个模板联动：市场演进 → 目标制定 → 安索夫缺口 → 费用结构 → 奖金计划 → 人员计划 → 月度跟踪，共用 TARGET_TOTAL 等名称。',
      en: 'All seven templates linked live: market evolution → target setting → Ansoff gap → expense structure → bonus plan → staffing plan → monthly tracking, sharing names such as TARGET_TOTAL.',
    },
    sheets: ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly'],
  },
  {
    id: 'market-model',
    title: { zh: '市场演进模型', en: 'Market evolution model' },
    description: {
      zh: '目标 → 增长来源 → 驱动因素：容量增长、抢份额、高值替代、新客户，对照增长目标。',
      en: 'Goal → growth sources → drivers: volume, share gain, high-value substitution and new customers, checked against the growth goal.',
    },
    sheets: ['A_Market'],
  },
  {
    id: 'six-step-targets',
    title: { zh: '六步骤目标制定', en: 'Six-step target setting' },
    description: {
      zh: '历史与市场模型预测加经验判断定出年度目标，再分解到产品、区域、代表和客户。',
      en: 'History and market-model forecasts blended with judgement into the annual target, then split by product, region, rep and customer.',
    },
    sheets: ['B_Target'],
  },
  {
    id: 'ansoff-grid',
    title: { zh: '安索夫矩阵', en: 'Ansoff grid' },
    description: {
      zh: '增长缺口按市场渗透、市场开发、产品开发、多元化四个象限的举措补齐。',
      en: 'The growth gap filled by initiatives in four quadrants: penetration, market development, product development, diversification.',
    },
    sheets: ['C_Ansoff'],
  },
  {
    id: 'expense-structure',
    title: { zh: '费用结构分析', en: 'Expense structure' },
    description: {
      zh: '产品成本率与高值替代、利润敏感性（龙卷风图）、费用包络按区域和产品分配。',
      en: 'Product cost rates and substitution, profit sensitivity (tornado), and the expense envelope split by region and product.',
    },
    sheets: ['D_Expense'],
  },
  {
    id: 'bonus-plan',
    title: { zh: '奖金计划', en: 'Bonus plan' },
    description: {
      zh: '奖金预算、OTE 与薪酬结构、支付曲线（门槛、加速、封顶）与代表/经理的预计支付。',
      en: 'Bonus budget, OTE and pay mix, the payout curve (threshold, accelerator, cap) and projected payouts for reps and managers.',
    },
    sheets: ['E_Bonus'],
  },
  {
    id: 'staffing-plan',
    title: { zh: '人员计划', en: 'Staffing plan' },
    description: {
      zh: '人数、招聘、爬坡与流失：各区域的产能能否扛住最终目标，还差几个人；人员底薪成本进入费用结构。',
      en: 'Headcount, hiring, ramp and attrition: can each region’s capacity carry its final target, and how many reps are missing; the personnel cost feeds the expense structure.',
    },
    sheets: ['F_Staffing'],
  },
  {
    id: 'monthly-tracking',
    title: { zh: '月度跟踪', en: 'Monthly tracking' },
    description: {
      zh: '季节性把最终目标分到十二个月；导入或录入实际，得出年累计达成率、全年预测与差距，红黄绿状态。',
      en: 'Seasonality turns the final targets into twelve monthly targets; import or type the actuals for year-to-date attainment, the full-year forecast and gap, with a red/amber/green status.',
    },
    sheets: ['G_Monthly'],
  },
];

export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.id === id);
}

/** The single-sheet template that provides a spec sheet, e.g. `B_Target` → `six-step-targets`. */
export function templateForSheet(sheetName: string): TemplateId | undefined {
  const lower = sheetName.toLowerCase();
  return GALLERY.find((e) => e.sheets.length === 1 && e.sheets[0].toLowerCase() === lower)?.id;
}

/**
 * The gallery card that starts a plan at the client's own shape: it opens the setup dialog
 * (`src/ui/clientPlan/SetupDialog.tsx`) instead of creating a notebook at once, and the plan
 * comes from the generators (`generators/plan.ts`), not from the sample's sheets.
 */
export const CLIENT_PLAN_ENTRY = {
  id: 'client-plan',
  /**
   * Offered on the home page once `PLAN_GENERATORS` builds all five sheets (a unit test keeps
   * this equal to `planChainComplete()`; the flag spares the home page loading the generators).
   */
  offered: true as boolean,
  title: { zh: '为客户建立年度计划', en: 'Annual plan for a client' },
  description: {
    zh: '按客户自己的产品线、区域、职级和代表名单生成五张联动表；之后可在“结构”面板中增删调整，输入按名称保留。',
    en: 'The five linked sheets built for the client’s own product lines, regions, levels and reps; regrow them later from the Structure panel, keeping inputs by name.',
  },
} as const;
