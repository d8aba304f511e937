/**
 * Pointers at cells and how they follow structural changes. A `CellPointer` is the one model type
 * for "these cells": a range on a sheet (by sheet id, so a rename costs nothing) or a workbook name
 * (whose expression moves with the cells). Older parts of the document keep their pointers as text
 * — `Sheet!A1` keys, chart bindings such as `C5:E9,Sheet!F5`, formulas — and this module reads and
 * rewrites those texts with the same arithmetic, so every feature follows an insert, a delete, a
 * rename or a sheet removal in exactly one way.
 *
 * The arithmetic is Excel's (and HyperFormula's `addRows`/`removeRows`): an insertion at row r
 * moves every row ≥ r, so a range grows when rows are inserted strictly inside it or at its last
 * row; a deletion removes its rows, a range that loses only some rows shrinks, and a reference
 * whose cells all go becomes `#REF!`.
 */
import { columnIndex, columnLabel, parseRange, qualify, rangeToA1, splitSheetRef } from './address';
import type { RangePos } from './address';
import type { NamedExpression } from './notebook';
import { splitList } from './bindingCells';

export type Axis = 'rows' | 'cols';

/** A pointer at cells: a range on a sheet (by id), or a workbook-scope name. */
export type CellPointer = { sheetId: string; range: RangePos } | { name: string };

/** A change of the workbook's shape, as every pointer sees it. Sheets are named as they are when the change happens. */
export type StructureChange =
  | { op: 'insert' | 'delete'; axis: Axis; sheetId: string; sheet: string; at: number; count: number }
  | { op: 'renameSheet'; sheetId: string; from: string; to: string }
  | { op: 'removeSheet'; sheetId: string; sheet: string };

/** What the resolver needs of a notebook: its sheets (id ↔ name) and names. */
export interface PointerContext {
  sheets: readonly { id: string; name: string }[];
  names: readonly NamedExpression[];
}

// ---- span arithmetic -------------------------------------------------------------------------

/** Where the span lo..hi (0-based, inclusive) goes under an insert/delete on its axis; null when all of it is deleted. */
export function moveSpan(lo: number, hi: number, op: 'insert' | 'delete', at: number, count: number): [number, number] | null {
  if (op === 'insert') return [lo >= at ? lo + count : lo, hi >= at ? hi + count : hi];
  const end = at + count;
  if (lo >= at && hi < end) return null;
  const nlo = lo < at ? lo : lo >= end ? lo - count : at;
  const nhi = hi < at ? hi : hi >= end ? hi - count : at - 1;
  return [nlo, nhi];
}

/** A range under an insert/delete on its sheet; null when every cell of it is deleted. */
export function moveRange(r: RangePos, op: 'insert' | 'delete', axis: Axis, at: number, count: number): RangePos | null {
  if (axis === 'rows') {
    const s = moveSpan(r.start.row, r.end.row, op, at, count);
    return s && { start: { row: s[0], col: r.start.col }, end: { row: s[1], col: r.end.col } };
  }
  const s = moveSpan(r.start.col, r.end.col, op, at, count);
  return s && { start: { row: r.start.row, col: s[0] }, end: { row: r.end.row, col: s[1] } };
}

/** Whether any cell of `r` lies in the rows/columns a deletion removes. */
export function touchesDeleted(r: RangePos, axis: Axis, at: number, count: number): boolean {
  const [lo, hi] = axis === 'rows' ? [r.start.row, r.end.row] : [r.start.col, r.end.col];
  return hi >= at && lo < at + count;
}

// ---- the pointer type ------------------------------------------------------------------------

/** A pointer after a change; null when what it pointed at is gone (its cells deleted, its sheet removed). */
export function movePointer(p: CellPointer, change: StructureChange): CellPointer | null {
  if ('name' in p) return p; // the name's expression follows (see `moveFormula`)
  if (p.sheetId !== change.sheetId) return p;
  if (change.op === 'renameSheet') return p;
  if (change.op === 'removeSheet') return null;
  const range = moveRange(p.range, change.op, change.axis, change.at, change.count);
  return range && { sheetId: p.sheetId, range };
}

const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** Reads `C5`, `C5:E9`, `Sheet!C5:E9` (a bare reference is on `homeSheet`) or a workbook name; null for anything else. */
export function parsePointer(ctx: PointerContext, text: string, homeSheet?: string): CellPointer | null {
  const { sheet, ref } = splitSheetRef(text);
  const range = parseRange(ref);
  if (range) {
    const name = sheet ?? homeSheet;
    const s = name === undefined ? undefined : ctx.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return s ? { sheetId: s.id, range } : null;
  }
  if (sheet === undefined && NAME.test(ref) && ctx.names.some((n) => n.name.toUpperCase() === ref.toUpperCase())) return { name: ref };
  return null;
}

/** A pointer as text: the name, or `Sheet!A1[:B2]` (unqualified when on `homeSheet`). */
export function pointerText(ctx: PointerContext, p: CellPointer, homeSheet?: string): string | null {
  if ('name' in p) return p.name;
  const s = ctx.sheets.find((x) => x.id === p.sheetId);
  if (!s) return null;
  const a1 = rangeToA1(p.range);
  return homeSheet !== undefined && s.name.toLowerCase() === homeSheet.toLowerCase() ? a1 : qualify(s.name, a1);
}

/** The one resolver: the sheet and range a pointer means now (a name through its expression); null when it means nothing. */
export function resolvePointer(ctx: PointerContext, p: CellPointer, depth = 0): { sheetId: string; sheet: string; range: RangePos } | null {
  if ('name' in p) {
    if (depth > 3) return null;
    const n = ctx.names.find((x) => x.name.toUpperCase() === p.name.toUpperCase());
    const expr = n?.expression.trim();
    if (!expr?.startsWith('=')) return null;
    const inner = parsePointer(ctx, expr.slice(1).trim());
    return inner ? resolvePointer(ctx, inner, depth + 1) : null;
  }
  const s = ctx.sheets.find((x) => x.id === p.sheetId);
  return s ? { sheetId: s.id, sheet: s.name, range: p.range } : null;
}

// ---- pointers kept as text -------------------------------------------------------------------

const SHEET = `(?:'(?:[^']|'')+'|[A-Za-z_\\u00C0-\\uFFFF][\\w.\\u00C0-\\uFFFF]*)!`;
const CELL = `(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})`;
/** A cell or cell range, each end optionally sheet-qualified; not part of an identifier or a call. */
const AREA = new RegExp(`(?<![\\w.$\\u00C0-\\uFFFF])(${SHEET})?${CELL}(?::(${SHEET})?${CELL})?(?![\\w(\\u00C0-\\uFFFF!])`, 'g');
/** Whole columns (`A:C`) and whole rows (`2:5`). */
const COLS = new RegExp(`(?<![\\w.$:\\u00C0-\\uFFFF])(${SHEET})?(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})(?![\\w(:\\u00C0-\\uFFFF!])`, 'g');
const ROWS = new RegExp(`(?<![\\w.$:\\u00C0-\\uFFFF])(${SHEET})?(\\$?)(\\d{1,7}):(\\$?)(\\d{1,7})(?![\\w.(:\\u00C0-\\uFFFF!])`, 'g');

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Calls `fn` on each stretch of text outside string literals and joins the results. */
function outsideStrings(text: string, fn: (code: string) => string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    if (q < 0) return out + fn(text.slice(i));
    out += fn(text.slice(i, q));
    let j = q + 1;
    for (;;) {
      const k = text.indexOf('"', j);
      if (k < 0) {
        j = text.length;
        break;
      }
      if (text[k + 1] === '"') {
        j = k + 2;
        continue;
      }
      j = k + 1;
      break;
    }
    out += text.slice(q, j);
    i = j;
  }
  return out;
}

function sameSheet(prefix: string | undefined, homeSheet: string | undefined, sheet: string): boolean {
  const name = prefix ? unquote(prefix) : homeSheet;
  return name !== undefined && name.toLowerCase() === sheet.toLowerCase();
}

/**
 * Rewrites every reference in formula text (or in a binding) for a change: references to the
 * changed sheet move, ranges grow or shrink, references whose cells are all deleted (or whose sheet
 * is removed) become `#REF!`, and a rename renames. Bare references are on `homeSheet`. String
 * literals, function names and workbook names are never touched.
 */
export function moveFormula(text: string, homeSheet: string | undefined, change: StructureChange): string {
  if (change.op === 'renameSheet') {
    return outsideStrings(text, (code) =>
      code.replace(AREA, (m, p1: string | undefined, ...rest: unknown[]) => {
        const p2 = rest[4] as string | undefined;
        const hit = (p: string | undefined) => !!p && unquote(p).toLowerCase() === change.from.toLowerCase();
        if (!hit(p1) && !hit(p2)) return m;
        let out = m;
        if (hit(p2)) out = out.replace(`:${p2}`, `:${qualify(change.to, '')}`);
        if (hit(p1)) out = qualify(change.to, '') + out.slice(p1!.length);
        return out;
      }),
    );
  }
  if (change.op === 'removeSheet') {
    return outsideStrings(text, (code) =>
      code.replace(AREA, (m, p1: string | undefined, ...rest: unknown[]) => {
        const p2 = rest[4] as string | undefined;
        return (p1 && sameSheet(p1, undefined, change.sheet)) || (p2 && sameSheet(p2, undefined, change.sheet)) ? '#REF!' : m;
      }),
    );
  }
  const { op, axis, at, count, sheet } = change;
  return outsideStrings(text, (code) => {
    let out = code.replace(AREA, (m, p1: string | undefined, ca1: string, c1: string, ra1: string, r1: string, p2: string | undefined, ca2: string | undefined, c2: string | undefined, ra2: string | undefined, r2: string | undefined) => {
      if (!sameSheet(p1, homeSheet, sheet)) return m;
      const isRange = c2 !== undefined;
      const start = { row: Number(r1) - 1, col: columnIndex(c1) };
      const end = isRange ? { row: Number(r2) - 1, col: columnIndex(c2!) } : start;
      // The ends as written (a range may be written bottom-up); moved as a normalised range.
      const r = { start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) }, end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) } };
      const moved = moveRange(r, op, axis, at, count);
      if (!moved) return '#REF!';
      const a = `${p1 ?? ''}${ca1}${columnLabel(moved.start.col)}${ra1}${moved.start.row + 1}`;
      if (!isRange) return a;
      return `${a}:${p2 ?? ''}${ca2}${columnLabel(moved.end.col)}${ra2}${moved.end.row + 1}`;
    });
    const whole = axis === 'cols' ? COLS : ROWS;
    out = out.replace(whole, (m, p1: string | undefined, a1: string, x1: string, a2: string, x2: string) => {
      if (!sameSheet(p1, homeSheet, sheet)) return m;
      const lo = axis === 'cols' ? columnIndex(x1) : Number(x1) - 1;
      const hi = axis === 'cols' ? columnIndex(x2) : Number(x2) - 1;
      const s = moveSpan(Math.min(lo, hi), Math.max(lo, hi), op, at, count);
      if (!s) return '#REF!';
      const label = (n: number) => (axis === 'cols' ? columnLabel(n) : String(n + 1));
      return `${p1 ?? ''}${a1}${label(s[0])}:${a2}${label(s[1])}`;
    });
    return out;
  });
}

/** A `Sheet!A1` key (scenario overrides, what-if inputs) after a change; null when its cell is gone. */
export function moveCellKey(key: string, change: StructureChange): string | null {
  const { sheet, ref } = splitSheetRef(key);
  if (sheet === undefined || !parseRange(ref)) return key;
  const next = moveFormula(key, undefined, change);
  return next.includes('#REF!') ? null : next;
}

/**
 * A chart or KPI binding (`C5:E9`, `Sheet!F5,G5:G9`, `TARGET_TOTAL`) after a change: each part
 * moves; parts whose cells are all deleted drop out of a list; a binding left with nothing is `#REF!`.
 */
export function moveBinding(binding: string, homeSheet: string, change: StructureChange): string {
  const parts = splitList(binding);
  const kept = parts.map((p) => moveFormula(p, homeSheet, change)).filter((p) => p !== '#REF!');
  if (kept.length === 0) return parts.length ? '#REF!' : binding;
  return kept.join(',');
}

/** Whether a pointer kept as text (formula, binding, key) reaches into the rows/columns a deletion removes (or the sheet a removal removes). */
export function referencesDeleted(text: string, homeSheet: string | undefined, change: StructureChange): boolean {
  if (change.op === 'renameSheet') return false;
  if (change.op === 'removeSheet') return moveFormula(text, homeSheet, change) !== text;
  if (change.op !== 'delete') return false;
  let hit = false;
  outsideStrings(text, (code) => {
    for (const m of code.matchAll(AREA)) {
      if (!sameSheet(m[1], homeSheet, change.sheet)) continue;
      const a = { row: Number(m[5]) - 1, col: columnIndex(m[3]) };
      const b = m[8] !== undefined ? { row: Number(m[10]) - 1, col: columnIndex(m[8]) } : a;
      const r = { start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) }, end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) } };
      if (touchesDeleted(r, change.axis, change.at, change.count)) hit = true;
    }
    const whole = change.axis === 'cols' ? COLS : ROWS;
    for (const m of code.matchAll(whole)) {
      if (!sameSheet(m[1], homeSheet, change.sheet)) continue;
      const lo = change.axis === 'cols' ? columnIndex(m[3]) : Number(m[3]) - 1;
      const hi = change.axis === 'cols' ? columnIndex(m[5]) : Number(m[5]) - 1;
      if (Math.max(lo, hi) >= change.at && Math.min(lo, hi) < change.at + change.count) hit = true;
    }
    return code;
  });
  return hit;
}
