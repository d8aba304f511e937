/**
 * Inserting and deleting rows and columns from the editor, as Excel does: the rows (columns) of
 * the selection, one undo step each. A deletion that other cells, names, charts, scenarios,
 * what-if settings or drivers depend on first says what (counts per kind, the first few) and
 * asks; so does deleting a sheet. The document and engine work is `src/model/structure.ts`.
 */
import { defineMessages, t } from '../../i18n';
import { columnLabel } from '../../model/address';
import type { StructureCommandType } from '../../model/commands';
import { availableDrivers, driverId, refKey } from '../../model/drivers';
import '../vocabulary';
import type { Notebook } from '../../model/notebook';
import { findSheet } from '../../model/notebook';
import type { StructureChange } from '../../model/pointers';
import { changeOf, structureDependents } from '../../model/structure';
import type { Dependents } from '../../model/structure';
import { confirmDialog, confirmListDialog } from '../dialogs';
import type { Workbench } from './workbench';

defineMessages({
  en: {
    'structure.insert-rows-above': 'Insert rows above',
    'structure.insert-rows-below': 'Insert rows below',
    'structure.delete-rows': 'Delete rows',
    'structure.insert-cols-left': 'Insert columns left',
    'structure.insert-cols-right': 'Insert columns right',
    'structure.delete-cols': 'Delete columns',
    'structure.insert-rows-above.n': 'Insert {n} rows above',
    'structure.insert-rows-below.n': 'Insert {n} rows below',
    'structure.delete-rows.n': 'Delete {n} rows',
    'structure.insert-cols-left.n': 'Insert {n} columns left',
    'structure.insert-cols-right.n': 'Insert {n} columns right',
    'structure.delete-cols.n': 'Delete {n} columns',
    'structure.confirmRows': 'Rows {what} of {sheet} are used elsewhere. Delete them anyway? Those references will read #REF! (Undo brings everything back.)',
    'structure.confirmCols': 'Columns {what} of {sheet} are used elsewhere. Delete them anyway? Those references will read #REF! (Undo brings everything back.)',
    'structure.confirmSheet': 'Sheet “{sheet}” is used elsewhere. Delete it and its contents anyway? Those references will read #REF! (Undo brings everything back.)',
    'structure.kind.formulas': '{n} formulas: {first}',
    'structure.kind.names': '{n} workbook names: {first}',
    'structure.kind.charts': '{n} charts or KPI cards: {first}',
    'structure.kind.scenarios': '{n} scenario overrides: {first}',
    'structure.kind.whatif': '{n} saved what-if settings: {first}',
    'structure.kind.drivers': '{n} presenter drivers: {first}',
    'structure.deleteAnyway': 'Delete',
  },
  'zh-CN': {
    'structure.insert-rows-above': '在上方插入行',
    'structure.insert-rows-below': '在下方插入行',
    'structure.delete-rows': '删除行',
    'structure.insert-cols-left': '在左侧插入列',
    'structure.insert-cols-right': '在右侧插入列',
    'structure.delete-cols': '删除列',
    'structure.insert-rows-above.n': '在上方插入 {n} 行',
    'structure.insert-rows-below.n': '在下方插入 {n} 行',
    'structure.delete-rows.n': '删除 {n} 行',
    'structure.insert-cols-left.n': '在左侧插入 {n} 列',
    'structure.insert-cols-right.n': '在右侧插入 {n} 列',
    'structure.delete-cols.n': '删除 {n} 列',
    'structure.confirmRows': '{sheet} 的第 {what} 行被其他地方引用。仍要删除吗？这些引用将变为 #REF!（可撤销恢复）',
    'structure.confirmCols': '{sheet} 的 {what} 列被其他地方引用。仍要删除吗？这些引用将变为 #REF!（可撤销恢复）',
    'structure.confirmSheet': '工作表“{sheet}”被其他地方引用。仍要删除它及其内容吗？这些引用将变为 #REF!（可撤销恢复）',
    'structure.kind.formulas': '{n} 个公式：{first}',
    'structure.kind.names': '{n} 个工作簿名称：{first}',
    'structure.kind.charts': '{n} 个图表或 KPI 卡片：{first}',
    'structure.kind.scenarios': '{n} 个情景覆盖值：{first}',
    'structure.kind.whatif': '{n} 个已保存的假设分析设置：{first}',
    'structure.kind.drivers': '{n} 个演示驱动项：{first}',
    'structure.deleteAnyway': '删除',
  },
});

export const STRUCTURE_ACTIONS = ['insert-rows-above', 'insert-rows-below', 'delete-rows', 'insert-cols-left', 'insert-cols-right', 'delete-cols'] as const;
export type StructureAction = (typeof STRUCTURE_ACTIONS)[number];

const TYPE: Record<StructureAction, StructureCommandType> = {
  'insert-rows-above': 'insertRows',
  'insert-rows-below': 'insertRows',
  'delete-rows': 'deleteRows',
  'insert-cols-left': 'insertColumns',
  'insert-cols-right': 'insertColumns',
  'delete-cols': 'deleteColumns',
};

/** Which whole rows or columns the selection is (header click, Shift/Ctrl+Space), if any. */
export function selectionAxis(wb: Workbench): 'rows' | 'cols' | null {
  const r = wb.selection.range();
  const b = wb.bounds();
  if (r.start.col === 0 && r.end.col >= b.cols - 1) return 'rows';
  if (r.start.row === 0 && r.end.row >= b.rows - 1) return 'cols';
  return null;
}

/** The span of rows (columns) an action works on: those of the selection. */
export function actionSpan(wb: Workbench, action: StructureAction): { at: number; count: number; lo: number } {
  const r = wb.selection.range();
  const rows = action.includes('rows');
  const lo = rows ? r.start.row : r.start.col;
  const hi = rows ? r.end.row : r.end.col;
  const count = hi - lo + 1;
  const after = action === 'insert-rows-below' || action === 'insert-cols-right';
  return { at: after ? hi + 1 : lo, count, lo };
}

/** A menu item's label: "Insert 3 rows above" when the selection spans several. */
export function actionLabel(wb: Workbench, action: StructureAction): string {
  const { count } = actionSpan(wb, action);
  return count > 1 ? t(`structure.${action}.n`, { n: count }) : t(`structure.${action}`);
}

/** What depends on the cells a deletion (or a sheet removal) takes away; drivers are found where their inputs are now. */
export function dependentsOf(nb: Notebook, change: StructureChange): Dependents[] {
  const drivers = availableDrivers(nb).flatMap((d) => {
    const key = refKey(nb, d.ref);
    return key ? [{ name: driverId(nb, d), key }] : [];
  });
  return structureDependents(nb, change, drivers);
}

/** One line per kind: "12 formulas: E_Bonus!C5, D_Expense!C9, C_Ansoff!D4, …". */
export function dependentLines(deps: Dependents[]): string[] {
  return deps.map((d) => t(`structure.kind.${d.kind}`, { n: d.count, first: d.first.join(', ') + (d.count > d.first.length ? ', …' : '') }));
}

/**
 * Runs a menu item or key on the selection: inserts or deletes its rows (columns) as one undo
 * step, asking first when a deletion takes cells something else depends on. The selection then
 * covers the inserted rows (columns), or stays where the deleted ones were. False when nothing
 * changed (cancelled, refused).
 */
export async function runStructureAction(wb: Workbench, action: StructureAction): Promise<boolean> {
  if (wb.editing()) wb.commitEdit();
  const type = TYPE[action];
  const rows = type.endsWith('Rows');
  const { at, count } = actionSpan(wb, action);
  const sheetName = wb.sheetName();
  const sheet = findSheet(wb.session.doc, sheetName);
  if (!sheet) return false;
  if (type.startsWith('delete')) {
    const deps = dependentsOf(wb.session.plain(), changeOf(sheet, { type, at, count }));
    if (deps.length) {
      const what = rows ? (count > 1 ? `${at + 1}–${at + count}` : `${at + 1}`) : spanLabel(at, count);
      const msg = t(rows ? 'structure.confirmRows' : 'structure.confirmCols', { what, sheet: sheetName });
      const ok = await confirmListDialog(msg, dependentLines(deps), t('structure.deleteAnyway'), { testId: 'confirm-structure', okTestId: 'confirm-ok' });
      if (!ok || wb.sheetName() !== sheetName) return false;
    }
  }
  const axisBefore = selectionAxis(wb);
  const done = wb.session.edit([{ type, sheet: sheetName, at, count }], t(`structure.${action}`));
  if (!done) return false;
  // The selection: the inserted rows (columns), or where the deleted ones were — whole rows/columns when it was.
  const r = wb.selection.range();
  const b = wb.bounds();
  const startRow = rows ? at : r.start.row;
  const startCol = rows ? r.start.col : at;
  const endRow = rows ? at + count - 1 : r.end.row;
  const endCol = rows ? r.end.col : at + count - 1;
  wb.selection.selectRange({
    start: { row: Math.min(startRow, b.rows - 1), col: axisBefore === 'rows' ? 0 : Math.min(startCol, b.cols - 1) },
    end: { row: axisBefore === 'cols' ? b.rows - 1 : Math.min(endRow, b.rows - 1), col: axisBefore === 'rows' ? b.cols - 1 : Math.min(endCol, b.cols - 1) },
  });
  wb.reveal();
  return true;
}

function spanLabel(at: number, count: number): string {
  return count > 1 ? `${columnLabel(at)}–${columnLabel(at + count - 1)}` : columnLabel(at);
}

/** Deleting a sheet: asks first, saying what depends on it when anything does. */
export async function confirmRemoveSheet(wb: Workbench, name: string): Promise<boolean> {
  const sheet = findSheet(wb.session.doc, name);
  if (!sheet) return false;
  const deps = dependentsOf(wb.session.plain(), { op: 'removeSheet', sheetId: sheet.id, sheet: sheet.name });
  if (deps.length === 0) return confirmDialog(t('nb.confirmDeleteSheet', { name }), t('nb.deleteSheet'));
  return confirmListDialog(t('structure.confirmSheet', { sheet: name }), dependentLines(deps), t('nb.deleteSheet'), { testId: 'confirm-structure', okTestId: 'confirm-ok' });
}
