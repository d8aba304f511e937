/**
 * The chart kinds as a registry: each kind's name (the layout stores only the name) → its module
 * in this folder (model, drawing, accessible summary). Also what the view asks of an item's kind:
 * is it a chart, its title, and the item without the bindings that name people.
 */
import type { LayoutItem, Locale } from '../../../model/notebook';
import type { Bilingual } from '../../../model/bilingual';
import { pickText } from '../../../model/bilingual';
import { t } from '../../../i18n';
import type { ChartKind } from './kind';
import { barKind, groupedBarKind, heatmapKind, lineKind, stackedBarKind } from './series';
import { pairedBarsKind } from './paired';
import { waterfallKind } from './waterfall';
import { tornadoKind } from './tornado';
import { payoutCurveKind } from './payout';
import { ansoffGridKind } from './ansoff';
import { tdbuKind } from './tdbu';
import { bulletKind } from './bullet';

export type { ChartKind } from './kind';

export const CHART_KINDS: Record<string, ChartKind<never>> = {
  bar: barKind,
  stackedBar: stackedBarKind,
  line: lineKind,
  groupedBar: groupedBarKind,
  heatmap: heatmapKind,
  pairedBars: pairedBarsKind,
  waterfall: waterfallKind,
  tornado: tornadoKind,
  payoutCurve: payoutCurveKind,
  ansoffGrid: ansoffGridKind,
  tdbu: tdbuKind,
  bullet: bulletKind,
} as unknown as Record<string, ChartKind<never>>;

/** Kinds a user can pick for a chart of their own. */
export const USER_KINDS = Object.entries(CHART_KINDS)
  .filter(([, k]) => k.userKind)
  .map(([name]) => name);

/** Item kinds that are not charts. */
export const CARD_KINDS = new Set(['kpi', 'note']);

export function isChart(item: LayoutItem): boolean {
  return !CARD_KINDS.has(item.kind);
}

/** The title shown for an item: the user's own, else the layout's bilingual label. */
export function itemTitle(item: LayoutItem, locale: Locale): string {
  return item.title || pickText(item.options?.label as Bilingual | undefined, locale) || t(`kind.${item.kind}`);
}

/** The item without the bindings its kind declares `personal` (the reps' names); the item itself when it has none. */
export function withoutPersonal(item: LayoutItem): LayoutItem {
  const bindings = CHART_KINDS[item.kind]?.model.bindings ?? {};
  const keys = Object.keys(item.ranges).filter((k) => bindings[k]?.personal);
  if (!keys.length) return item;
  return { ...item, ranges: Object.fromEntries(Object.entries(item.ranges).filter(([k]) => !keys.includes(k))) };
}
