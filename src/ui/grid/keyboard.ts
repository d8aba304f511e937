/**
 * Excel's keyboard habits on the grid (when no cell is being edited): arrows, Shift to extend,
 * Ctrl/Cmd+arrow to jump, Tab/Enter to advance, F2 to edit, Delete to clear, Ctrl+Z/Y to undo
 * and redo, Ctrl+D/R to fill down/right, Ctrl+A to select all; Shift+Space / Ctrl+Space select
 * the rows / columns of the selection, Ctrl+Shift+= inserts and Ctrl+- deletes them (on a
 * selection that is not whole rows or columns, they open the structure menu to ask which).
 * Typing goes to the grid's input (GridInput.tsx).
 */
import type { Workbench } from '../workbench/workbench';
import type { Direction } from '../workbench/selection';
import { runStructureAction, selectionAxis } from '../workbench/structureActions';
import { openStructureMenuAtActive } from './StructureMenu';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const PAGE_ROWS = 20;

export function handleGridKey(wb: Workbench, e: KeyboardEvent): void {
  if (wb.editing()) return; // the editor handles its own keys
  const mod = e.ctrlKey || e.metaKey;
  const b = wb.bounds();
  const key = e.key;
  const handled = () => {
    e.preventDefault();
    wb.reveal();
  };

  if (key === ' ' && !e.isComposing && (e.shiftKey !== mod) && !e.altKey) {
    // Shift+Space: the selection's whole rows; Ctrl+Space: its whole columns.
    const r = wb.selection.range();
    if (e.shiftKey) wb.selection.selectRange({ start: { row: r.start.row, col: 0 }, end: { row: r.end.row, col: b.cols - 1 } });
    else wb.selection.selectRange({ start: { row: 0, col: r.start.col }, end: { row: b.rows - 1, col: r.end.col } });
    e.preventDefault();
    return;
  }
  if (mod && !e.altKey && (isInsertKey(e) || isDeleteKey(e))) {
    e.preventDefault(); // also keeps the browser from zooming
    const axis = selectionAxis(wb);
    const insert = isInsertKey(e);
    // The keys stay with the grid after a confirmation dialog has taken the focus.
    const grid = e.currentTarget as HTMLElement | null;
    // Only when it left: focusing again would force a style and layout pass mid-update.
    const back = () => grid?.isConnected && !grid.contains(document.activeElement) && grid.focus();
    if (axis === 'rows') void runStructureAction(wb, insert ? 'insert-rows-above' : 'delete-rows').finally(back);
    else if (axis === 'cols') void runStructureAction(wb, insert ? 'insert-cols-left' : 'delete-cols').finally(back);
    else openStructureMenuAtActive();
    return;
  }
  if (ARROWS[key]) {
    wb.selection.move(ARROWS[key], b, { extend: e.shiftKey, jumpWith: mod ? wb.filled : undefined });
    return handled();
  }
  if (mod && !e.altKey) {
    const k = key.toLowerCase();
    if (k === 'z' && !e.shiftKey) { e.preventDefault(); wb.undo(); return; }
    if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); wb.redo(); return; }
    if (k === 'd' || k === 'r') {
      e.preventDefault();
      wb.fill(k === 'd' ? 'down' : 'right');
      return;
    }
    if (k === 'a') {
      wb.selection.selectRange({ start: { row: 0, col: 0 }, end: { row: b.rows - 1, col: b.cols - 1 } });
      e.preventDefault();
      return;
    }
    if (key === 'Home') { wb.selection.select({ row: 0, col: 0 }); return handled(); }
    return; // Ctrl+C/X/V arrive as clipboard events
  }
  switch (key) {
    case 'Tab':
      wb.selection.advance(e.shiftKey ? 'left' : 'right', b);
      return handled();
    case 'Enter':
      wb.selection.advance(e.shiftKey ? 'up' : 'down', b);
      return handled();
    case 'F2':
      e.preventDefault();
      wb.startEdit('cell');
      return;
    case 'Delete':
    case 'Backspace':
      e.preventDefault();
      wb.clearRange();
      return;
    case 'Escape':
      wb.selection.select(wb.selection.sel.active);
      return;
    case 'Home':
      wb.selection.select({ row: wb.selection.sel.active.row, col: 0 }, e.shiftKey);
      return handled();
    case 'PageDown':
    case 'PageUp': {
      const a = e.shiftKey ? wb.selection.sel.focus : wb.selection.sel.active;
      const row = Math.max(0, Math.min(b.rows - 1, a.row + (key === 'PageDown' ? PAGE_ROWS : -PAGE_ROWS)));
      wb.selection.select({ row, col: a.col }, e.shiftKey);
      return handled();
    }
  }
  // A printable character (or an IME composition) is left to the grid's input, which starts
  // editing with it and so replaces the cell's content, as in Excel.
}

/** Ctrl+Shift+= (Ctrl++ on keyboards where + is its own key, and the keypad's +). */
function isInsertKey(e: KeyboardEvent): boolean {
  return (e.shiftKey && (e.code === 'Equal' || e.key === '+' || e.key === '=')) || e.code === 'NumpadAdd';
}

/** Ctrl+- (and the keypad's −). */
function isDeleteKey(e: KeyboardEvent): boolean {
  return !e.shiftKey && (e.key === '-' || e.code === 'Minus' || e.code === 'NumpadSubtract');
}
