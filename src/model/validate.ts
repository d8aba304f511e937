/**
 * The stored-notebook check: what the engine, the renderer and the exporters need of a notebook,
 * beyond its shape (the file schema checks that). A notebook that passes opens, computes, draws
 * and exports; one that does not is refused before it is stored, and an edit that would break it
 * is refused before it is applied. One set of rules, used by the `.opsbook.json` reader (files,
 * storage, the projector channel), the `.xlsx` importer (which ends in that reader) and the edit
 * path (`applyEdit`).
 *
 * Problems are plain data with a `code` (the UI translates it: `check.<code>` in
 * src/ui/messages.ts), `where` (the sheet, cell, name or item) and the `limit` that was crossed.
 */
import { columnIndex, parseA1, splitSheetRef } from './address';
import type { RawContent } from './cell';
import type { EditCommand } from './commands';
import { resolveRange } from './bindingCells';
import { DATE_LIMIT_MS, ENGINE_LIMITS, EXCEL_LIMITS, VIEW_LIMITS } from './limits';
import type { LayoutItem, NamedExpression, Notebook, Sheet } from './notebook';
import { findSheet, usedExtent } from './notebook';
import { LAYOUT_KEY_SCHEMAS, layoutKeyProblem } from './layoutKeys';

export type NotebookProblemCode =
  | 'cellOutsideGrid'
  | 'sheetTooLarge'
  | 'columnOutsideGrid'
  | 'formulaTooLong'
  | 'formulaTooNested'
  | 'textTooLong'
  | 'brokenText'
  | 'sheetName'
  | 'sheetNameTaken'
  | 'sheetIdTaken'
  | 'badName'
  | 'nameTaken'
  | 'nameRelative'
  | 'nameExternal'
  | 'badFormat'
  | 'chartRange'
  | 'badTime'
  | 'badOverride'
  | 'badLayoutKey';

export interface NotebookProblem {
  code: NotebookProblemCode;
  /** Where: `Sheet!C12`, a sheet or name, `layout item <id>`, `decision <id>`. */
  where: string;
  /** The limit that was crossed, when there is one number to name. */
  limit?: number;
}

/** English texts of the codes, for developers and file details (the UI shows `check.<code>` translated). */
export const NOTEBOOK_PROBLEM_MESSAGES: Record<NotebookProblemCode, string> = {
  cellOutsideGrid: 'a cell lies outside the grid (at most 200,000 rows and 16,384 columns, XFD)',
  sheetTooLarge: 'a sheet spans more than 20,000,000 cells from A1 to its last row and column (e.g. 100,000 rows × 200 columns)',
  columnOutsideGrid: 'a column lies outside the grid (the last column is XFD)',
  formulaTooLong: 'a formula is longer than 8,192 characters',
  formulaTooNested: 'a formula nests more than 64 levels of parentheses',
  textTooLong: 'a text is longer than 32,767 characters',
  brokenText: 'a text holds a broken character (half of a code point)',
  sheetName: 'a sheet name breaks Excel\'s rules (1–31 characters, none of [ ] : * ? / \\, no apostrophe at either end, not "History")',
  sheetNameTaken: 'two sheets share a name (ignoring case)',
  sheetIdTaken: 'two sheets share an id',
  badName: 'a name is not one the engine accepts (letters, digits, _ and ., not like a cell address such as A1 or R1C1)',
  nameTaken: 'two names are the same ignoring case',
  nameRelative: 'a name uses a relative reference (write $A$1)',
  nameExternal: 'a name refers to another workbook',
  badFormat: 'a number format is not one the formatter accepts (at most 255 characters and 30 decimals)',
  chartRange: 'a chart reads a range outside the grid or larger than 20,000 cells',
  badTime: 'a time lies outside the range of dates',
  badLayoutKey: 'saved view state does not have the shape its panel reads',
  badOverride: 'a scenario overrides a cell outside the grid, or with content a cell cannot hold',
};

/** `where: what`, in English. */
export function describeProblem(p: NotebookProblem): string {
  return `${p.where}: ${NOTEBOOK_PROBLEM_MESSAGES[p.code]}`;
}

// ---- single rules (shared with the UI's own checks) --------------------------------------------

const A1_KEY = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** Whether a document's cell key (`C12`, upper case, no `$`) lies inside the engine's grid. */
export function addressInGrid(addr: string): boolean {
  const m = A1_KEY.exec(addr);
  if (!m) return false;
  return Number(m[2]) <= ENGINE_LIMITS.maxRows && columnIndex(m[1]) < ENGINE_LIMITS.maxColumns;
}

/** A lone surrogate (half of a code point) cannot be written to a file or drawn; text holds none. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SURROGATE = /[\uD800-\uDFFF]/;

export function isWellFormedText(s: string): boolean {
  // Most text has no surrogate at all: one cheap scan spares the look-around pattern.
  return !SURROGATE.test(s) || !LONE_SURROGATE.test(s);
}

/** The deepest nesting of parentheses in formula text, outside string literals and quoted sheet names. */
export function formulaNesting(formula: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Skip the literal; a doubled quote inside it is an escaped quote.
      for (i++; i < formula.length; i++) {
        if (formula[i] === ch) {
          if (formula[i + 1] === ch) i++;
          else break;
        }
      }
    } else if (ch === '(') {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === ')') depth--;
  }
  return max;
}

/** Why a formula's text is beyond Excel's limits, or null. */
export function formulaProblem(formula: string): 'formulaTooLong' | 'formulaTooNested' | null {
  if (formula.length > EXCEL_LIMITS.maxFormulaLength) return 'formulaTooLong';
  // Nesting deeper than the limit takes more parentheses than a shorter formula has characters.
  if (formula.length > EXCEL_LIMITS.maxNesting && formulaNesting(formula) > EXCEL_LIMITS.maxNesting) return 'formulaTooNested';
  return null;
}

/** Why a cell's raw content cannot be kept, or null. */
export function contentProblem(raw: RawContent): NotebookProblemCode | null {
  if (typeof raw !== 'string') return null;
  if (raw.startsWith('=') && raw.length > 1) {
    const f = formulaProblem(raw);
    if (f) return f;
  } else if (raw.length > EXCEL_LIMITS.maxTextLength) return 'textTooLong';
  return isWellFormedText(raw) ? null : 'brokenText';
}

/** XML 1.0 (every .xlsx part) cannot hold these characters; a sheet name or a name must not either. */
const CONTROL = /[\u0000-\u001F\u007F\uFFFE\uFFFF]/;

/**
 * Excel's rules for a sheet name, uniqueness aside: 1–31 characters, none of `[ ] : * ? / \`, not
 * starting or ending with an apostrophe, not Excel's reserved `History`, no control characters.
 */
export function sheetNameRuleProblem(name: string): boolean {
  return (
    name.length === 0 ||
    name.trim().length === 0 ||
    name.length > EXCEL_LIMITS.maxSheetNameLength ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history' ||
    CONTROL.test(name) ||
    !isWellFormedText(name)
  );
}

/** HyperFormula 3.5's rule for names (NamedExpressions.isNameValid): letters of its alphabet, digits, `_` and `.`. */
const ENGINE_NAME = /^[A-Za-z\u00C0-\u02AF_][A-Za-z\u00C0-\u02AF0-9_.]*$/;
const CELL_LIKE = /^[A-Za-z]+[0-9]+$/;
const R1C1_LIKE = /^[rR][0-9]*[cC][0-9]*$/;
/** Cell, column and row references; a group that caught no `$` marks a relative part. */
const REFERENCE =
  /(?<![\w.$\u00C0-\uFFFF])(\$?)[A-Za-z]{1,3}(\$?)\d+(?![\w.(!\u00C0-\uFFFF])|(?<![\w.$])(\$?)[A-Za-z]{1,3}:(\$?)[A-Za-z]{1,3}(?![\w.(!])|(?<![\w.$])(\$?)\d+:(\$?)\d+(?![\w.])/g;

/** Formula text with string literals and quoted sheet names blanked out, so only code is scanned. */
function codeOnly(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?/g, '""').replace(/'(?:[^']|'')*'?/g, "''");
}

/** Why the engine would refuse the name `name` = `expression`, or null (uniqueness aside). */
export function nameRuleProblem(name: string, expression: string): 'badName' | 'nameRelative' | 'nameExternal' | 'formulaTooLong' | 'formulaTooNested' | 'brokenText' | null {
  if (name.length > EXCEL_LIMITS.maxNameLength || !ENGINE_NAME.test(name) || CELL_LIKE.test(name) || R1C1_LIKE.test(name)) return 'badName';
  if (!isWellFormedText(expression)) return 'brokenText';
  const f = formulaProblem(expression);
  if (f) return f;
  const code = codeOnly(expression);
  // `[1]Sheet!A1`: an external link, which a notebook cannot hold.
  if (/\[\d+\]/.test(expression.replace(/"(?:[^"]|"")*"/g, ''))) return 'nameExternal';
  if (expression.startsWith('=')) {
    for (const m of code.matchAll(REFERENCE)) {
      if (m.slice(1).some((g) => g === '')) return 'nameRelative';
    }
  }
  return null;
}

/** Excel format codes: ≤ 255 characters, no section showing more than 30 decimals (Intl allows 100). */
export function formatProblem(code: string): boolean {
  if (code.length > EXCEL_LIMITS.maxFormatLength || CONTROL.test(code) || !isWellFormedText(code)) return true;
  for (const section of code.replace(/"[^"]*"?/g, '').replace(/\\./g, '').split(';')) {
    const dot = section.indexOf('.');
    if (dot >= 0 && section.slice(dot + 1).replace(/[^0#?]/g, '').length > EXCEL_LIMITS.maxFormatDecimals) return true;
  }
  return false;
}

export function isTimeInRange(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= DATE_LIMIT_MS;
}

/** `Sheet!C12` keys of scenario overrides: a sheet name and a cell inside the grid. */
export function overrideKeyInGrid(key: string): boolean {
  const { sheet, ref } = splitSheetRef(key);
  return !!sheet && addressInGrid(ref);
}

/**
 * Whether a chart's binding stays inside the grid and reads at most `VIEW_LIMITS.maxChartCells`
 * cells, following workbook names the way the chart will.
 */
export function chartBindingProblem(ref: string, sheet: string, names: readonly NamedExpression[]): boolean {
  const byUpper = new Map(names.map((n) => [n.name.toUpperCase(), n.expression]));
  const ranges = resolveRange(ref, sheet, { nameExpression: (n) => byUpper.get(n.toUpperCase()) });
  if (!ranges) return false; // not a reference: the chart shows it as unbound
  let cells = 0;
  for (const { range } of ranges) {
    if (range.end.row >= ENGINE_LIMITS.maxRows || range.end.col >= ENGINE_LIMITS.maxColumns) return true;
    cells += (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
    if (cells > VIEW_LIMITS.maxChartCells) return true;
  }
  return false;
}

// ---- the whole notebook ------------------------------------------------------------------------

/** Problems stop being collected after this many: the first ones say enough. */
const MAX_PROBLEMS = 20;

/**
 * Used rectangles of sheets' cell maps, kept growing with each accepted write so an edit checks its
 * own cells only; a deletion does not shrink it, so a refusal is confirmed by a fresh count first.
 */
const extents = new WeakMap<object, { rows: number; cols: number }>();

function areaProblem(cells: Record<string, unknown>, extra?: { rows: number; cols: number }): boolean {
  let ext = extents.get(cells);
  if (!ext) extents.set(cells, (ext = usedExtent(cells)));
  const rows = Math.max(ext.rows, extra?.rows ?? 0);
  const cols = Math.max(ext.cols, extra?.cols ?? 0);
  if (rows * cols <= ENGINE_LIMITS.maxSheetArea) {
    ext.rows = rows;
    ext.cols = cols;
    return false;
  }
  const exact = usedExtent(cells);
  extents.set(cells, exact);
  return Math.max(exact.rows, extra?.rows ?? 0) * Math.max(exact.cols, extra?.cols ?? 0) > ENGINE_LIMITS.maxSheetArea;
}

function sheetProblems(s: Pick<Sheet, 'name' | 'cells' | 'formats' | 'colWidths' | 'frozen'>, out: NotebookProblem[]): void {
  if (sheetNameRuleProblem(s.name)) out.push({ code: 'sheetName', where: s.name, limit: EXCEL_LIMITS.maxSheetNameLength });
  let inGrid = true;
  for (const addr in s.cells) {
    if (out.length >= MAX_PROBLEMS) return;
    if (!addressInGrid(addr)) {
      inGrid = false;
      out.push({ code: 'cellOutsideGrid', where: `${s.name}!${addr}`, limit: ENGINE_LIMITS.maxRows });
      continue;
    }
    const p = contentProblem(s.cells[addr]);
    if (p) out.push({ code: p, where: `${s.name}!${addr}`, limit: limitOf(p) });
  }
  // The area rule needs every address parsed, so it runs only when all of them are in the grid.
  if (inGrid && areaProblem(s.cells)) out.push({ code: 'sheetTooLarge', where: s.name, limit: ENGINE_LIMITS.maxSheetArea });
  // A sheet repeats a handful of format codes over thousands of cells: each is judged once.
  const badFormat = new Map<string, boolean>();
  for (const addr in s.formats) {
    if (out.length >= MAX_PROBLEMS) return;
    const code = s.formats[addr];
    let bad = badFormat.get(code);
    if (bad === undefined) badFormat.set(code, (bad = formatProblem(code)));
    if (!addressInGrid(addr)) out.push({ code: 'cellOutsideGrid', where: `${s.name}!${addr}`, limit: ENGINE_LIMITS.maxRows });
    else if (bad) out.push({ code: 'badFormat', where: `${s.name}!${addr}`, limit: EXCEL_LIMITS.maxFormatDecimals });
  }
  for (const col of Object.keys(s.colWidths ?? {})) {
    if (!/^[A-Z]{1,3}$/.test(col) || columnIndex(col) >= ENGINE_LIMITS.maxColumns) out.push({ code: 'columnOutsideGrid', where: `${s.name}!${col}`, limit: ENGINE_LIMITS.maxColumns });
  }
  if (s.frozen && (s.frozen.rows >= ENGINE_LIMITS.maxRows || s.frozen.cols >= ENGINE_LIMITS.maxColumns)) {
    out.push({ code: 'cellOutsideGrid', where: s.name, limit: ENGINE_LIMITS.maxRows });
  }
}

function limitOf(code: NotebookProblemCode): number | undefined {
  switch (code) {
    case 'formulaTooLong':
      return EXCEL_LIMITS.maxFormulaLength;
    case 'formulaTooNested':
      return EXCEL_LIMITS.maxNesting;
    case 'textTooLong':
      return EXCEL_LIMITS.maxTextLength;
    case 'badName':
      return EXCEL_LIMITS.maxNameLength;
    default:
      return undefined;
  }
}

function namesProblems(names: readonly NamedExpression[], out: NotebookProblem[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const p = nameRuleProblem(n.name, n.expression);
    if (p) out.push({ code: p, where: n.name, limit: limitOf(p) });
    const key = n.name.toUpperCase();
    if (seen.has(key)) out.push({ code: 'nameTaken', where: n.name });
    seen.add(key);
  }
}

function layoutProblems(items: readonly LayoutItem[], names: readonly NamedExpression[], out: NotebookProblem[]): void {
  for (const item of items) {
    for (const [role, ref] of Object.entries(item.ranges)) {
      if (chartBindingProblem(ref, item.sheet, names)) out.push({ code: 'chartRange', where: `${item.id}.${role}`, limit: VIEW_LIMITS.maxChartCells });
    }
  }
}

/**
 * Everything that would stop a schema-valid notebook from opening, computing, drawing or
 * exporting; an empty list means it is fit to store.
 */
export function validateNotebook(nb: Notebook): NotebookProblem[] {
  const out: NotebookProblem[] = [];
  if (!isWellFormedText(nb.title)) out.push({ code: 'brokenText', where: 'title' });
  for (const [field, ms] of [['createdAt', nb.createdAt], ['updatedAt', nb.updatedAt]] as const) {
    if (!isTimeInRange(ms)) out.push({ code: 'badTime', where: field });
  }
  const ids = new Set<string>();
  const sheetNames = new Set<string>();
  for (const s of nb.sheets) {
    if (ids.has(s.id)) out.push({ code: 'sheetIdTaken', where: s.name });
    ids.add(s.id);
    if (sheetNames.has(s.name.toLowerCase())) out.push({ code: 'sheetNameTaken', where: s.name });
    sheetNames.add(s.name.toLowerCase());
    sheetProblems(s, out);
    if (out.length >= MAX_PROBLEMS) return out;
  }
  namesProblems(nb.names, out);
  layoutProblems(nb.layout.items, nb.names, out);
  for (const sc of nb.scenarios) {
    for (const [key, raw] of Object.entries(sc.overrides)) {
      if (!overrideKeyInGrid(key) || contentProblem(raw)) out.push({ code: 'badOverride', where: `${sc.name}: ${key}` });
    }
  }
  for (const d of nb.decisions ?? []) {
    if (!isTimeInRange(d.at)) out.push({ code: 'badTime', where: `decision ${d.id}` });
  }
  return out.slice(0, MAX_PROBLEMS);
}

// ---- the edit path -----------------------------------------------------------------------------

/**
 * The first problem an edit would bring into `nb`, or null. Checks only what the command carries
 * (a paste of 100,000 cells checks those cells, not the whole notebook).
 */
export function commandProblem(nb: Notebook, cmd: EditCommand): NotebookProblem | null {
  const out: NotebookProblem[] = [];
  switch (cmd.type) {
    case 'setCells': {
      const reach = { rows: 0, cols: 0 };
      for (const w of cmd.writes) {
        if (!addressInGrid(w.addr)) return { code: 'cellOutsideGrid', where: `${cmd.sheet}!${w.addr}`, limit: ENGINE_LIMITS.maxRows };
        if (w.raw === null) continue;
        const p = contentProblem(w.raw);
        if (p) return { code: p, where: `${cmd.sheet}!${w.addr}`, limit: limitOf(p) };
        const pos = parseA1(w.addr)!;
        if (pos.row >= reach.rows) reach.rows = pos.row + 1;
        if (pos.col >= reach.cols) reach.cols = pos.col + 1;
      }
      const cells = findSheet(nb, cmd.sheet)?.cells;
      if (cells && reach.rows > 0 && areaProblem(cells, reach)) return { code: 'sheetTooLarge', where: cmd.sheet, limit: ENGINE_LIMITS.maxSheetArea };
      return null;
    }
    case 'setFormats':
      for (const f of cmd.formats) {
        if (!addressInGrid(f.addr)) return { code: 'cellOutsideGrid', where: `${cmd.sheet}!${f.addr}`, limit: ENGINE_LIMITS.maxRows };
        if (f.format !== null && formatProblem(f.format)) return { code: 'badFormat', where: `${cmd.sheet}!${f.addr}`, limit: EXCEL_LIMITS.maxFormatDecimals };
      }
      return null;
    case 'addSheet':
    case 'replaceSheet':
      if (cmd.type === 'addSheet' && nb.sheets.some((s) => s.id === cmd.sheet.id)) return { code: 'sheetIdTaken', where: cmd.sheet.name };
      sheetProblems(cmd.sheet, out);
      return out[0] ?? null;
    case 'renameSheet':
      return sheetNameRuleProblem(cmd.to) ? { code: 'sheetName', where: cmd.to, limit: EXCEL_LIMITS.maxSheetNameLength } : null;
    case 'setNames':
      namesProblems(cmd.names, out);
      return out[0] ?? null;
    case 'setColWidths':
      for (const col of Object.keys(cmd.widths)) {
        if (!/^[A-Z]{1,3}$/.test(col) || columnIndex(col) >= ENGINE_LIMITS.maxColumns) return { code: 'columnOutsideGrid', where: `${cmd.sheet}!${col}`, limit: ENGINE_LIMITS.maxColumns };
      }
      return null;
    case 'setLayout':
      layoutProblems(cmd.items, nb.names, out);
      return out[0] ?? null;
    case 'setScenarios':
      for (const sc of cmd.scenarios) {
        for (const [key, raw] of Object.entries(sc.overrides)) {
          if (!overrideKeyInGrid(key) || contentProblem(raw)) return { code: 'badOverride', where: `${sc.name}: ${key}` };
        }
      }
      return null;
    case 'logDecisions':
      for (const d of cmd.add ?? []) if (!isTimeInRange(d.at)) return { code: 'badTime', where: `decision ${d.id}` };
      return null;
    case 'setLayoutKey':
      // A key no schema names is the app's own new state (its schema belongs in layoutKeys.ts);
      // a known key must match its schema.
      if (cmd.value === undefined || !Object.hasOwn(LAYOUT_KEY_SCHEMAS, cmd.key)) return null;
      return layoutKeyProblem(cmd.key, cmd.value) ? { code: 'badLayoutKey', where: `layout.${cmd.key}` } : null;
    case 'moveSheet':
    case 'removeSheet':
      return null;
    case 'insertRows':
    case 'insertColumns': {
      // The sheet's used rectangle grows by what is inserted inside it.
      const sheet = findSheet(nb, cmd.sheet);
      if (!sheet || cmd.exact) return null;
      const ext = usedExtent(sheet.cells);
      const rows = ext.rows + (cmd.type === 'insertRows' && cmd.at < ext.rows ? cmd.count : 0);
      const cols = ext.cols + (cmd.type === 'insertColumns' && cmd.at < ext.cols ? cmd.count : 0);
      return rows * cols > ENGINE_LIMITS.maxSheetArea ? { code: 'sheetTooLarge', where: cmd.sheet, limit: ENGINE_LIMITS.maxSheetArea } : null;
    }
    case 'deleteRows':
    case 'deleteColumns':
      return null;
  }
}
