/**
 * Commands in, changes out, as plain tagged data. Every document edit is an `EditCommand`; the
 * engine applies the same commands and answers with the `ValueChange`s it caused (only the cells
 * that changed). Undo applies the inverse command built before the edit.
 */
import type { CellValue, RawContent } from './cell';
import type { LayoutItem, NamedExpression, Sheet } from './notebook';

export interface CellWrite {
  /** A1 address on `sheet`. */
  addr: string;
  /** `null` clears the cell. */
  raw: RawContent | null;
}

export type EditCommand =
  | { type: 'setCells'; sheet: string; writes: CellWrite[] }
  | { type: 'setFormats'; sheet: string; formats: { addr: string; format: string | null }[] }
  | { type: 'addSheet'; sheet: Sheet; index: number }
  | { type: 'removeSheet'; name: string }
  | { type: 'renameSheet'; from: string; to: string }
  | { type: 'moveSheet'; name: string; index: number }
  | { type: 'setNames'; names: NamedExpression[] }
  | { type: 'replaceSheet'; sheet: Sheet }
  /** Column widths in pixels by column label; `null` restores the default width. */
  | { type: 'setColWidths'; sheet: string; widths: Record<string, number | null> }
  /** Replaces the notebook view's charts, KPI cards and notes (presentation only). */
  | { type: 'setLayout'; items: LayoutItem[] };

/** One computed value that changed, as the engine reports it. */
export interface ValueChange {
  sheet: string;
  addr: string;
  value: CellValue;
}

/** Values of every non-empty cell of every sheet, sent once when a notebook opens. */
export type SheetValues = Record<string, Record<string, CellValue>>;

/** Failures that are expected (a bad name, a bad formula) travel as values, not exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
