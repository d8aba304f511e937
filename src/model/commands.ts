/**
 * Commands in, changes out, as plain tagged data. Every document edit is an `EditCommand`; the
 * engine applies the same commands and answers with the `ValueChange`s it caused (only the cells
 * that changed). Undo applies the inverse command built before the edit.
 */
import type { CellValue, RawContent } from './cell';
import type { Layout, LayoutItem, NamedExpression, Scenario, Sheet } from './notebook';
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
  /** `relink`: formulas and names elsewhere that name this sheet, entered again so they find it (undoing a removal). */
  | { type: 'addSheet'; sheet: Sheet; index: number; relink?: SheetRelink }
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
  /**
   * Inserts or deletes `count` rows/columns at `at` (0-based) on `sheet`, as Excel does; every
   * pointer at cells follows (see `structure.ts`). `exact` is set on inverses: the precise state
   * to put back, so undo and redo restore what was there instead of shifting again.
   */
  | { type: StructureCommandType; sheet: string; at: number; count: number; exact?: StructureSnapshot }
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
  /** The layout's other keys (saved what-if settings, moves of the built-in tables), when the rename rewrote them. */
  layoutKeys?: Record<string, unknown>;
}

export type StructureCommandType = 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns';

/**
 * The commands that change only the document's presentation or records (formats, widths, the
 * notebook view, the scenario list, the decision log): nothing the engine computes from. The
 * cells a scenario switch changes travel as `setCells` alongside its `setScenarios`.
 */
const DOCUMENT_ONLY: ReadonlySet<EditCommand['type']> = new Set<EditCommand['type']>([
  'setFormats',
  'setColWidths',
  'setLayout',
  'setLayoutKey',
  'setScenarios',
  'logDecisions',
]);

/** Whether the engine must see `cmd` (the session sends it nothing else). */
export function reachesEngine(cmd: EditCommand): boolean {
  return !DOCUMENT_ONLY.has(cmd.type);
}

/** Everything a row/column insert or delete changes, as it was before: what its inverse puts back. */
export interface StructureSnapshot {
  /** The changed sheet's own contents, formats, widths and panes. */
  sheet: Pick<Sheet, 'cells' | 'formats' | 'colWidths' | 'frozen'>;
  /** Formula cells on other sheets whose text the change rewrote (`null`: the cell was empty). */
  others: { sheetId: string; sheet: string; addr: string; raw: RawContent | null }[];
  names: NamedExpression[];
  scenarios: Scenario[];
  layout: Layout;
}

/** What a removed sheet's return must enter again in the engine (their text never changed in the document). */
export interface SheetRelink {
  cells: { sheet: string; addr: string; raw: string }[];
  names: NamedExpression[];
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
