/**
 * The notebook document: the single source of truth. It holds raw contents (numbers, text,
 * formulas), number formats, names, scenarios and layout — never computed values.
 */
import type { RawContent } from './cell';
import { parseA1 } from './address';
import type { CellPos } from './address';
import type { Decision } from './decisionLog';
import { sheetNameRuleProblem } from './validate';
import { EXCEL_LIMITS } from './limits';

export type Locale = 'zh-CN' | 'en';

export interface Sheet {
  /** Stable id (survives renames); names are what formulas use. */
  id: string;
  name: string;
  /** Sparse raw contents keyed by A1 address. */
  cells: Record<string, RawContent>;
  /** Excel number-format codes keyed by A1 address, e.g. `#,##0.00`, `0.0%`. */
  formats: Record<string, string>;
  /** Column widths in pixels keyed by column label. */
  colWidths?: Record<string, number>;
  /** Set when the sheet is a link stub standing in for an absent template sheet. */
  stub?: boolean;
  /** The gallery template this sheet came from, if any. */
  template?: string;
  /** Rows/columns frozen at the top/left (headers, labels). */
  frozen?: { rows: number; cols: number };
}

/** A workbook-scope named expression, e.g. `TARGET_TOTAL` → `=B_Target!$G$45`. */
export interface NamedExpression {
  name: string;
  expression: string;
}

/** An override that follows the base: the scenario's value is `(base + add) × mul`. */
export interface RelativeOverride {
  add?: number;
  mul?: number;
}

/** A scenario: overrides of input cells on top of the document's own contents. */
export interface Scenario {
  id: string;
  name: string;
  overrides: Record<string, RawContent>; // keyed by `Sheet!A1`
  /** Overrides relative to the base (+Δ, ×k): `overrides` holds their value at the current base. */
  relative?: Record<string, RelativeOverride>;
  /** For absolute overrides: the base content when the value was set, to tell when the base moved since. */
  basedOn?: Record<string, RawContent>;
}

/** A chart or KPI card bound to cell ranges; the UI interprets `kind`. */
export interface LayoutItem {
  id: string;
  kind: string;
  sheet: string;
  title?: string;
  ranges: Record<string, string>;
  hidden?: boolean;
  options?: Record<string, unknown>;
}

export interface Layout {
  items: LayoutItem[];
  [key: string]: unknown;
}

export interface Notebook {
  id: string;
  title: string;
  locale: Locale;
  sheets: Sheet[];
  names: NamedExpression[];
  scenarios: Scenario[];
  /** The scenario whose values the cells hold (see `scenarios.ts`); absent = the base plan. */
  activeScenario?: string;
  /** The workshop's decision log (see `decisionLog.ts`), oldest first. */
  decisions?: Decision[];
  layout: Layout;
  createdAt: number;
  updatedAt: number;
}

export function newId(prefix = 'n'): string {
  const rand = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `${prefix}_${rand.replace(/-/g, '').slice(0, 16)}`;
}

export function emptySheet(name: string): Sheet {
  return { id: newId('s'), name, cells: {}, formats: {} };
}

export function emptyNotebook(title: string, locale: Locale = 'zh-CN'): Notebook {
  const now = Date.now();
  return {
    id: newId('nb'),
    title,
    locale,
    sheets: [emptySheet('Sheet1')],
    names: [],
    scenarios: [],
    layout: { items: [] },
    createdAt: now,
    updatedAt: now,
  };
}

export function findSheet(nb: Notebook, name: string): Sheet | undefined {
  const lower = name.toLowerCase();
  return nb.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** The layout items shown on a sheet, in layout order. */
export function itemsOfSheet(items: readonly LayoutItem[], sheet: string): LayoutItem[] {
  const lower = sheet.toLowerCase();
  return items.filter((i) => i.sheet.toLowerCase() === lower);
}

/** Sheet names as Excel allows them (see `sheetNameRuleProblem`), unique (case-insensitive). */
export function sheetNameProblem(nb: Notebook, name: string, except?: string): 'empty' | 'tooLong' | 'badChar' | 'taken' | null {
  const n = name.trim();
  if (!n) return 'empty';
  if (n.length > EXCEL_LIMITS.maxSheetNameLength) return 'tooLong';
  if (sheetNameRuleProblem(n)) return 'badChar';
  const other = findSheet(nb, n);
  if (other && other.id !== except) return 'taken';
  return null;
}

/** Parsed addresses, memoised: extents are recounted often over the same keys. */
const positions = new Map<string, CellPos | null>();

/** The used range of a sheet's cells: the smallest rectangle from A1 holding every one. */
export function usedExtent(cells: Record<string, unknown>): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const addr of Object.keys(cells)) {
    let p = positions.get(addr);
    if (p === undefined) {
      p = parseA1(addr);
      positions.set(addr, p);
    }
    if (!p) continue;
    if (p.row + 1 > rows) rows = p.row + 1;
    if (p.col + 1 > cols) cols = p.col + 1;
  }
  return { rows, cols };
}

export function nextSheetName(nb: Notebook): string {
  for (let i = nb.sheets.length + 1; ; i++) {
    const name = `Sheet${i}`;
    if (!findSheet(nb, name)) return name;
  }
}
