/**
 * The editor's controller: which sheet is shown, the selection, the cell being edited, and the
 * named actions the grid, formula bar, name box and keyboard call. Views stay thin; every
 * document change goes through `session.edit` as commands, so each is one undo step.
 */
import { batch, createMemo, createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { columnLabel, parseA1, parseRange, qualify, rangeToA1, splitSheetRef, toA1 } from '../../model/address';
import { parsePointer, resolvePointer } from '../../model/pointers';
import type { CellPos } from '../../model/address';
import { isCellError, isFormula, parseInput, rawToInput } from '../../model/cell';
import { shiftFormula } from '../../model/formulaText';
import type { CellValue, RawContent } from '../../model/cell';
import type { CellWrite, EditCommand } from '../../model/commands';
import { emptySheet, findSheet, nextSheetName, sheetNameProblem, usedExtent } from '../../model/notebook';
import type { Sheet } from '../../model/notebook';
import type { NotebookSession } from '../../engine/session';
import { formatValue } from '../../i18n/numberFormat';
import { t } from '../../i18n';
import { notify } from '../services';
import { copyBlock, pasteWrites } from './clipboard';
import { createCachedLookup, importReportOf } from './importReportData';
import type { CopiedBlock } from './clipboard';
import { createSelection } from './selection';
import { createInputValidation } from './inputValidation';
import type { Direction } from './selection';
import { ENGINE_LIMITS } from '../../model/limits';

export const MIN_ROWS = 1000;
export const MIN_COLS = 26;
/** The grid shows what the engine can hold (src/model/limits.ts). */
export const MAX_ROWS = ENGINE_LIMITS.maxRows;
export const MAX_COLS = ENGINE_LIMITS.maxColumns;

export interface EditState {
  text: string;
  /** Where the user types: in the cell overlay or the formula bar. */
  where: 'cell' | 'bar';
  /** Typing over a cell is "enter" mode (arrows commit and move); F2 is "edit" mode. */
  mode: 'enter' | 'edit';
  pos: CellPos;
  sheet: string;
}

function sameSize(a: { rows: number; cols: number }, b: { rows: number; cols: number }): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

export function createWorkbench(session: NotebookSession, initialSheet?: string) {
  const firstSheet = () => (initialSheet && findSheet(session.doc, initialSheet)?.name) || session.doc.sheets[0].name;
  const [sheetName, setSheetName] = createSignal(firstSheet());
  const selection = createSelection();
  const [editing, setEditing] = createSignal<EditState | null>(null);
  const [revealTick, setRevealTick] = createSignal(0);
  let clipboard: CopiedBlock | null = null;
  const validation = createInputValidation(session);

  const sheet = createMemo<Sheet>(() => findSheet(session.doc, sheetName()) ?? session.doc.sheets[0]);
  const cachedImport = createCachedLookup(() => importReportOf(session.doc));

  /** Used extent of the current sheet, so the grid always has room past the data. */
  const extent = createMemo(() => {
    session.shapeTick();
    return usedExtent(unwrap(sheet().cells));
  }, undefined, { equals: sameSize });
  const [extraRows, setExtraRows] = createSignal(0);
  const [extraCols, setExtraCols] = createSignal(0);
  // Stable unless the size really changes: the grid's geometry hangs off it.
  const bounds = createMemo(() => ({
    rows: Math.min(MAX_ROWS, Math.max(MIN_ROWS, extent().rows + 100, extraRows())),
    cols: Math.min(MAX_COLS, Math.max(MIN_COLS, extent().cols + 5, extraCols())),
  }), undefined, { equals: sameSize });

  const activeAddr = () => toA1(selection.sel.active);
  const raw = (p: CellPos, s = sheet()): RawContent | undefined => s.cells[toA1(p)];
  const value = (p: CellPos, name = sheetName()): CellValue | undefined => session.values[name]?.[toA1(p)];
  const shown = (p: CellPos) => formatValue(value(p), sheet().formats[toA1(p)]);
  const filled = (p: CellPos) => raw(p) !== undefined;

  const activeRaw = () => raw(selection.sel.active);
  const activeValue = () => value(selection.sel.active);
  const activeError = () => {
    const v = activeValue();
    return isCellError(v) ? v : null;
  };

  function showSheet(name: string): void {
    const s = findSheet(session.doc, name);
    if (!s) return;
    cancelEdit();
    batch(() => {
      setSheetName(s.name);
      selection.select({ row: 0, col: 0 });
    });
  }

  function ensureRoom(p: CellPos): void {
    if (p.row >= bounds().rows) setExtraRows(p.row + 50);
    if (p.col >= bounds().cols) setExtraCols(p.col + 5);
  }

  /** Selects a cell or range given as `C12`, `C12:D20` or `Sheet!C12`; false with a message otherwise. */
  function goTo(ref: string): boolean {
    // A workbook name (TARGET_TOTAL) selects what it refers to, as in Excel.
    const named = parseRange(ref.trim()) ? null : resolveName(ref.trim());
    if (named) return goTo(named);
    const { sheet: target, ref: cellRef } = splitSheetRef(ref);
    const range = parseRange(cellRef);
    if (!range) {
      notify('error', t('nb.nameBox.bad', { ref }));
      return false;
    }
    if (target !== undefined) {
      const s = findSheet(session.doc, target);
      if (!s) {
        notify('error', t('nb.nameBox.noSheet', { sheet: target }));
        return false;
      }
      if (s.name !== sheetName()) showSheet(s.name);
    }
    if (range.end.row >= MAX_ROWS || range.end.col >= MAX_COLS) {
      notify('error', t('nb.nameBox.bad', { ref }));
      return false;
    }
    ensureRoom(range.end);
    selection.selectRange(range);
    reveal();
    return true;
  }

  /** `Sheet!A1:B2` of a workbook name that refers to cells, or null. */
  function resolveName(text: string): string | null {
    const nb = session.plain();
    const p = parsePointer(nb, text);
    const at = p && 'name' in p ? resolvePointer(nb, p) : null;
    return at ? qualify(at.sheet, rangeToA1(at.range)) : null;
  }

  function reveal(): void {
    setRevealTick((n) => n + 1);
  }

  // ---- editing -------------------------------------------------------------------------
  function startEdit(where: 'cell' | 'bar', text?: string, mode: EditState['mode'] = 'edit'): void {
    const p = { ...selection.sel.active };
    setEditing({ where, mode, pos: p, sheet: sheetName(), text: text ?? rawToInput(raw(p)) });
  }

  function updateEdit(text: string): void {
    const e = editing();
    if (e) setEditing({ ...e, text });
  }

  function cancelEdit(): void {
    setEditing(null);
  }

  /** Commits what is being typed; a bad formula is kept as typed (it shows its error). */
  function commitEdit(move?: Direction): void {
    const e = editing();
    if (!e) return;
    const parsed = parseInput(e.text);
    // Data validation: a wrong entry is refused and stays in the editor to be fixed (Excel's Retry).
    const allowed = validation.check(e.sheet, e.pos, parsed.raw, e.text);
    if (!allowed.ok) {
      notify('error', allowed.message);
      return;
    }
    parsed.raw = allowed.raw;
    setEditing(null);
    const before = findSheet(session.doc, e.sheet)?.cells[toA1(e.pos)];
    const changed = parsed.raw === null ? before !== undefined : parsed.raw !== before;
    const cmds: EditCommand[] = [];
    if (changed) cmds.push({ type: 'setCells', sheet: e.sheet, writes: [{ addr: toA1(e.pos), raw: parsed.raw }] });
    if (parsed.impliedFormat === 'percent' && !findSheet(session.doc, e.sheet)?.formats[toA1(e.pos)]) {
      cmds.push({ type: 'setFormats', sheet: e.sheet, formats: [{ addr: toA1(e.pos), format: '0%' }] });
    }
    if (!session.edit(cmds, 'typing')) {
      // Refused (a formula beyond Excel's limits, a read-only tab): keep what was typed, as Excel does.
      setEditing(e);
      return;
    }
    if (move) selection.advance(move, bounds());
    reveal();
  }

  // ---- range actions -------------------------------------------------------------------
  function clearRange(): void {
    const r = selection.range();
    const writes: CellWrite[] = [];
    const cells = sheet().cells;
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        const addr = toA1({ row, col });
        if (cells[addr] !== undefined) writes.push({ addr, raw: null });
      }
    }
    if (writes.length) session.edit([{ type: 'setCells', sheet: sheetName(), writes }], 'clear');
  }

  function copyText(): string {
    clipboard = copyBlock(selection.range(), (p) => raw(p), shown);
    return clipboard.text;
  }

  function cutText(): string {
    const text = copyText();
    clearRange();
    return text;
  }

  function paste(text: string): void {
    const target = selection.sel.active;
    const { writes, rows, cols } = pasteWrites(target, text, clipboard);
    if (rows === 0) return;
    if (target.row + rows > MAX_ROWS || target.col + cols > MAX_COLS) {
      notify('error', t('problem.pasteTooBig'));
      return;
    }
    const end = { row: target.row + rows - 1, col: target.col + cols - 1 };
    // Pasted values meet the same rules as typed ones; one wrong value refuses the paste (Excel
    // lets a paste through its validation; here it would spread #VALUE! as typing did).
    for (const w of writes) {
      const pos = parseA1(w.addr);
      const allowed = pos ? validation.check(sheetName(), pos, w.raw, rawToInput(w.raw ?? undefined)) : { ok: true as const, raw: w.raw };
      if (!allowed.ok) {
        notify('error', t('rule.paste', { reason: allowed.message }));
        return;
      }
      w.raw = allowed.raw;
    }
    ensureRoom(end);
    session.edit([{ type: 'setCells', sheet: sheetName(), writes }], 'paste');
    selection.selectRange({ start: { ...target }, end });
  }

  /**
   * Excel's Ctrl+D / Ctrl+R: the first row (column) of the selection copied into the rest of it,
   * formulas with their relative references shifted, formats along. One undo step.
   */
  function fill(direction: 'down' | 'right'): void {
    const r = selection.range();
    const down = direction === 'down';
    if (down ? r.start.row === r.end.row : r.start.col === r.end.col) return;
    const s = sheet();
    const writes: CellWrite[] = [];
    const formats: { addr: string; format: string | null }[] = [];
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        const src = down ? { row: r.start.row, col } : { row, col: r.start.col };
        if (src.row === row && src.col === col) continue;
        const from = s.cells[toA1(src)];
        const addr = toA1({ row, col });
        writes.push({ addr, raw: from === undefined ? null : isFormula(from) ? shiftFormula(from, row - src.row, col - src.col) : from });
        formats.push({ addr, format: s.formats[toA1(src)] ?? null });
      }
    }
    session.edit([{ type: 'setCells', sheet: sheetName(), writes }, { type: 'setFormats', sheet: sheetName(), formats }], `fill ${direction}`);
  }

  function setFormat(code: string | null): void {
    const r = selection.range();
    const formats: { addr: string; format: string | null }[] = [];
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) formats.push({ addr: toA1({ row, col }), format: code === 'General' ? null : code });
    }
    session.edit([{ type: 'setFormats', sheet: sheetName(), formats }], 'format');
  }

  function setColumnWidth(col: number, width: number): void {
    const px = Math.round(Math.max(24, Math.min(1000, width)));
    session.edit([{ type: 'setColWidths', sheet: sheetName(), widths: { [columnLabel(col)]: px } }], 'width');
  }

  // ---- sheets ----------------------------------------------------------------------------
  function sheetProblem(name: string, except?: string): string | null {
    const p = sheetNameProblem(session.doc, name, except);
    return p ? t(`nb.sheetName.${p}`) : null;
  }

  function addSheet(): void {
    const name = nextSheetName(session.doc);
    if (session.edit([{ type: 'addSheet', sheet: emptySheet(name), index: session.doc.sheets.length }], 'add sheet')) showSheet(name);
  }

  function renameSheet(from: string, to: string): boolean {
    const s = findSheet(session.doc, from);
    if (!s) return false;
    const problem = sheetProblem(to, s.id);
    if (problem) {
      notify('error', problem);
      return false;
    }
    if (to.trim() === s.name) return true;
    const ok = session.edit([{ type: 'renameSheet', from: s.name, to: to.trim() }], 'rename sheet');
    if (ok && sheetName() === from) setSheetName(to.trim());
    return ok;
  }

  function removeSheet(name: string): void {
    const idx = session.doc.sheets.findIndex((s) => s.name === name);
    if (session.edit([{ type: 'removeSheet', name }], 'delete sheet') && sheetName() === name) {
      showSheet(session.doc.sheets[Math.max(0, idx - 1)].name);
    }
  }

  function moveSheet(name: string, index: number): void {
    session.edit([{ type: 'moveSheet', name, index }], 'move sheet');
  }

  function undo(): void {
    cancelEdit();
    session.undo();
    keepSheetValid();
  }

  function redo(): void {
    cancelEdit();
    session.redo();
    keepSheetValid();
  }

  /** After undo/redo of a sheet rename or removal, the shown sheet may be gone. */
  function keepSheetValid(): void {
    if (!findSheet(session.doc, sheetName())) setSheetName(session.doc.sheets[0].name);
  }

  return {
    session,
    sheet,
    cachedImport,
    sheetName,
    showSheet,
    selection,
    bounds,
    editing,
    startEdit,
    updateEdit,
    cancelEdit,
    commitEdit,
    activeAddr,
    activeRaw,
    activeValue,
    activeError,
    raw,
    value,
    shown,
    filled,
    goTo,
    reveal,
    revealTick,
    clearRange,
    copyText,
    cutText,
    paste,
    fill,
    setFormat,
    setColumnWidth,
    sheetProblem,
    addSheet,
    renameSheet,
    removeSheet,
    moveSheet,
    undo,
    redo,
  };
}

export type Workbench = ReturnType<typeof createWorkbench>;
