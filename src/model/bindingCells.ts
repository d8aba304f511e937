/**
 * Reading the cells behind a layout item's range bindings: the `CellReader` a chart reads through,
 * the references a binding may be, and the helpers every chart kind shares (numbers, formats, the
 * errors reported as problems).
 *
 * Nothing here knows about Plot, the DOM or Solid: values come through a `CellReader`, so the
 * same code runs on the app's reactive value store (a read inside a Solid memo tracks exactly the
 * cells a chart uses) and on the engine in unit tests.
 *
 * A range binding is `C5`, `C5:E9`, `Sheet!C5:E9`, a workbook name whose expression is a plain
 * reference (`TARGET_TOTAL` → `=B_Target!$G$45`), or a comma-separated list of those; a bare
 * reference is on the item's own sheet.
 */
import { forEachInRange, parseRange, splitSheetRef, toA1 } from './address';
import type { RangePos } from './address';
import { isCellError } from './cell';
import type { CellValue } from './cell';
import { pushAll } from './arrays';

/** What extraction needs of a notebook: computed values, number formats and names. */
export interface CellReader {
  value(sheet: string, addr: string): CellValue | undefined;
  format(sheet: string, addr: string): string | undefined;
  /** The expression of a workbook-scope name (`=B_Target!$G$45`), if the notebook defines it. */
  nameExpression(name: string): string | undefined;
}

export interface Cell {
  sheet: string;
  addr: string;
  value: CellValue | undefined;
  format?: string;
}

export interface ResolvedRange {
  sheet: string;
  range: RangePos;
}

/** A workbook name as a binding may spell it. */
export const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** Splits a binding's comma list, keeping commas inside quoted sheet names. */
export function splitList(ref: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of ref) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The ranges a binding names, or null when any part of it is not a reference this view can read. */
export function resolveRange(ref: string | undefined, sheet: string, reader: Pick<CellReader, 'nameExpression'>, depth = 0): ResolvedRange[] | null {
  if (!ref || depth > 3) return null;
  const out: ResolvedRange[] = [];
  for (const part of splitList(ref)) {
    const { sheet: target, ref: local } = splitSheetRef(part);
    const range = parseRange(local);
    if (range) {
      out.push({ sheet: target ?? sheet, range });
      continue;
    }
    if (target === undefined && NAME.test(part)) {
      const expr = reader.nameExpression(part);
      const inner = expr?.startsWith('=') ? resolveRange(expr.slice(1), sheet, reader, depth + 1) : null;
      if (!inner) return null;
      pushAll(out, inner);
      continue;
    }
    return null;
  }
  return out.length ? out : null;
}

/** The cells of each range of a binding, row by row. */
export function readRanges(ref: string | undefined, sheet: string, reader: CellReader): Cell[][][] | null {
  const ranges = resolveRange(ref, sheet, reader);
  if (!ranges) return null;
  return ranges.map(({ sheet: s, range }) => {
    const rows: Cell[][] = [];
    forEachInRange(range, (p) => {
      const r = p.row - range.start.row;
      const addr = toA1(p);
      (rows[r] ??= []).push({ sheet: s, addr, value: reader.value(s, addr), format: reader.format(s, addr) });
    });
    return rows;
  });
}

export function toNumber(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `Sheet!A1` of cells that hold an error, so a chart can say which input is broken. */
export function problemsOf(cells: (Cell | undefined)[]): string[] {
  return cells.filter((c): c is Cell => !!c && isCellError(c.value)).map((c) => `${c.sheet}!${c.addr} ${(c.value as { error: string }).error}`);
}

/** The format of the first cell that holds a number and has one. */
export function firstFormat(cells: (Cell | undefined)[]): string | undefined {
  return cells.find((c) => c && typeof c.value === 'number' && c.format)?.format;
}
