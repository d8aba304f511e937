/**
 * Commands in, changes out, as plain tagged data. Every document edit is an `EditCommand`; the
 * engine applies the same commands and answers with the `ValueChange`s it caused (only the cells
 * that changed). Undo applies the inverse command built before the edit.
 */
import type { CellValue, RawContent } from './cell';
import type { LayoutItem, NamedExpression, Scenario, Sheet } from './notebook';
import type { Decision } from './decisionLog';

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
  | { type: 'renameSheet'; from: string; to: string; exact?: RenameRewrites }
  | { type: 'moveSheet'; name: string; index: number }
  | { type: 'setNames'; names: NamedExpression[] }
  | { type: 'replaceSheet'; sheet: Sheet }
  /** Column widths in pixels by column label; `null` restores the default width. */
  | { type: 'setColWidths'; sheet: string; widths: Record<string, number | null> }
  /** Replaces the notebook view's charts, KPI cards and notes (presentation only). */
  | { type: 'setLayout'; items: LayoutItem[] }
  /** Sets one top-level key of `notebook.layout` other than `items`, e.g. `whatif` (saved analyses); `undefined` removes it. */
  | { type: 'setLayoutKey'; key: string; value: unknown }
  /** Replaces the scenario list and which one is active (`null` = base); the cells a switch changes travel as `setCells` alongside. */
  | { type: 'setScenarios'; scenarios: Scenario[]; active: string | null }
  /** Decision log: append entries, mark entries undone (undo keeps the record) or not, or set a note. */
  | { type: 'logDecisions'; add?: Decision[]; undone?: { ids: string[]; value: boolean }; note?: { id: string; text: string } };

/**
 * What a rename rewrote, recorded so that undoing it (and redoing the undo) puts back exactly
 * these texts instead of rewriting references again — a formula may name a sheet that did not
 * exist, or spell it in another case, and must come back as it was.
 */
export interface RenameRewrites {
  cells: { sheetId: string; addr: string; raw: string }[];
  names: NamedExpression[];
  /** Scenario overrides, by scenario index (their keys name sheets). */
  overrides: Record<string, RawContent>[];
  /** The sheet of each layout item, by item index. */
  itemSheets: string[];
}

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
