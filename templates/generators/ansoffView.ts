/**
 * The notebook view of C_Ansoff for a shape (note, KPI cards, charts bound to the generated
 * ranges), and the small item builders D_Expense's and E_Bonus's views share. On the sample shape
 * each view is the template's default layout (`templates/layouts.ts`).
 */
import type { KpiDef } from '../../src/model/drivers';
import type { LayoutItem } from '../../src/model/notebook';
import type { AnsoffLayout } from './ansoff';
import { a1 } from './ansoffLinks';
import type { ClientShape, MoneyUnit } from './shape';

export type Text = { zh: string; en: string };
export const tx = (zh: string, en: string): Text => ({ zh, en });

/** The key by which charts, KPI cards and the presenter name a plan's money unit (`unit.<key>` in their messages). */
export const UNIT_KEYS: Record<MoneyUnit, string> = { 元: 'yuan', 千元: 'qian', 万元: 'wan' };

/** The chart and KPI unit option of the plan's money unit: every axis and card says which unit it counts in. */
export const unitOption = (shape: Pick<ClientShape, 'unit'>): { unit?: string } => (UNIT_KEYS[shape.unit] ? { unit: UNIT_KEYS[shape.unit] } : {});

export function note(sheet: string, title: Text, text: Text): LayoutItem {
  return { id: `${sheet}.note`, kind: 'note', sheet, ranges: {}, options: { title, text } };
}

export function kpi(sheet: string, key: string, value: string, label: Text, extra: { unit?: string; sub?: string; subLabel?: Text } = {}): LayoutItem {
  const ranges: Record<string, string> = { value };
  if (extra.sub) ranges.sub = extra.sub;
  const options: Record<string, unknown> = { label };
  if (extra.unit) options.unit = extra.unit;
  if (extra.subLabel) options.subLabel = extra.subLabel;
  return { id: `${sheet}.kpi.${key}`, kind: 'kpi', sheet, ranges, options };
}

export function chart(sheet: string, key: string, kind: string, label: Text, ranges: Record<string, string>, options: Record<string, unknown> = {}): LayoutItem {
  return { id: `${sheet}.${key}`, kind, sheet, ranges, options: { label, ...options } };
}

/** `A55:A58` for a column and a row span (0-based). */
export const colRange = (col: number, rows: { first: number; last: number }) => `${a1(col, rows.first)}:${a1(col, rows.last)}`;

export function ansoffView(shape: ClientShape, L: AnsoffLayout): LayoutItem[] {
  const s = 'C_Ansoff';
  const fy0 = `FY${shape.fiscalYear - 1}`;
  const u = unitOption(shape);
  const q = L.quadRows;
  const qt = L.quadTotalRow;
  const core = qt + 2;
  return [
    note(
      s,
      tx('安索夫矩阵', 'Ansoff grid'),
      tx(
        `缺口靠哪种策略补？增长缺口（年度目标 − ${fy0}）由四个象限的举措补齐。离“老产品、老市场”越远，费用率越高、成功概率越低；老产品老市场占比应在 80%–95%。`,
        `Which strategy fills the gap? The growth gap (target − ${fy0}) is filled by initiatives in four quadrants. The further from existing products in existing markets, the higher the cost ratio and the lower the odds; the core share should stay within 80–95%.`,
      ),
    ),
    kpi(s, 'gap', 'GROWTH_GAP', tx('增长缺口', 'Growth gap'), u),
    kpi(s, 'core', a1(2, core), tx('老产品老市场占比', 'Core share'), { sub: a1(2, core + 1), subLabel: tx('80%–95%', '80–95%') }),
    kpi(s, 'cost', 'PROJECT_COST_TOTAL', tx('举措费用', 'Initiative cost'), { ...u, sub: a1(13, L.totalRow), subLabel: tx('费用收入比', 'cost / revenue') }),
    kpi(s, 'riskAdj', a1(12, L.totalRow), tx('风险调整收入', 'Risk-adjusted revenue'), { ...u, sub: a1(6, qt), subLabel: tx('加权成功率', 'weighted P(success)') }),
    chart(s, 'grid', 'ansoffGrid', tx('安索夫矩阵：计划贡献、占缺口、费用、成功率、风险', 'Ansoff grid: planned revenue, share of gap, cost, probability, risk'), {
      labels: colRange(0, q),
      planned: colRange(1, q),
      share: colRange(2, q),
      cost: colRange(3, q),
      riskAdj: colRange(4, q),
      prob: colRange(6, q),
      risk: colRange(7, q),
    }, u),
    chart(s, 'bridge', 'waterfall', tx(`缺口桥：${fy0} → 四个象限 → 年度目标`, `Gap bridge: ${fy0} → four quadrants → target`), {
      start: 'BASE_TOTAL',
      labels: colRange(0, q),
      values: colRange(1, q),
      end: 'TARGET_TOTAL',
    }, { ...u, startLabel: tx(`${fy0} 实际`, `${fy0} actual`), endLabel: tx('年度目标', 'Target') }),
    chart(s, 'products', 'stackedBar', tx('产品 × 象限的计划贡献', 'Planned contribution by product × quadrant'), {
      values: `${a1(1, L.pivotRows.first)}:${a1(4, L.pivotRows.last)}`,
      rowLabels: colRange(0, L.pivotRows),
      colLabels: `${a1(1, L.pivotHeaderRow)}:${a1(4, L.pivotHeaderRow)}`,
    }, { ...u, series: 'cols' }),
  ];
}

/** C_Ansoff's presenter KPIs (the slide's cards), at the generated cells. */
export function ansoffKpis(L: AnsoffLayout): KpiDef[] {
  return [
    { id: 'GROWTH_GAP', label: tx('增长缺口', 'Growth gap'), unit: 'money' },
    { id: 'PROJECT_COST_TOTAL', label: tx('举措费用', 'Initiative cost'), unit: 'money' },
    { id: `C_Ansoff!${a1(4, L.quadTotalRow)}`, label: tx('风险调整收入', 'Risk-adjusted revenue'), unit: 'money' },
    { id: `C_Ansoff!${a1(2, L.quadTotalRow + 2)}`, label: tx('老产品老市场占比', 'Core share'), unit: 'percent' },
  ];
}
