/**
 * The notebook view's reusable pieces, for the editor and the presenter view alike:
 * `KpiCard` (`{session, item, large?, onActivate?}`) and `ChartView` (`{session, item, height?,
 * large?, actions?}`) render one layout item live from the session's values; `layoutItemsOf`
 * lists a sheet's items (its default layout when it has none of its own).
 */
import type { NotebookSession } from '../../engine/session';
import type { LayoutItem } from '../../model/notebook';
import { findSheet, itemsOfSheet } from '../../model/notebook';
import { defaultLayout } from '../../../templates/layouts';

export { ChartView } from './ChartView';
export type { ChartAction, ChartViewProps } from './ChartView';
export { KpiCard } from './KpiCard';
export type { KpiCardProps } from './KpiCard';
export { CHART_KINDS, USER_KINDS, isChart, itemTitle, withoutPersonal } from './kinds';
export { standaloneSvg, downloadPng, downloadSvg } from './exportChart';

/** The items a sheet shows (reactive when called in a tracking scope), hidden ones included. */
export function layoutItemsOf(session: NotebookSession, sheetName: string): LayoutItem[] {
  const own = itemsOfSheet(session.doc.layout.items, sheetName);
  if (own.length) return own;
  const sheet = findSheet(session.doc, sheetName);
  return sheet?.template && !sheet.stub ? defaultLayout(sheet.name).map((i) => ({ ...i, sheet: sheet.name })) : [];
}
