/**
 * Excel defined names → the notebook's workbook-scope named expressions. The engine refuses to
 * open a workbook with a name it rejects (HyperFormula throws on an invalid name or a relative
 * reference), so every name is vetted here; what cannot be kept is reported, never guessed.
 * Sheet-level names (a notebook has none) become workbook names when no other name has their
 * spelling; otherwise they are written into the formulas of their own sheet.
 */
import type { NamedExpression } from '../model/notebook';
import { fromExcelFormula, mapCode } from './excelFormula';
import type { ImportWarning } from './problems';
import type { RawDefinedName } from './workbookXml';
import { translateExternalRefs } from './externalLinks';
import type { ExternalBook } from './externalLinks';
import { columnIndex, columnLabel } from '../model/address';
import { translateStructuredRefs } from './structuredRefs';
import type { TableInfo } from './structuredRefs';

/** HyperFormula 3.5's rule for names (NamedExpressions.isNameValid), kept in step by a unit test. */
const NAME = /^[A-Za-z\u00C0-\u02AF_][A-Za-z\u00C0-\u02AF0-9_.]*$/;
const CELL_LIKE = /^[A-Za-z]+[0-9]+$/;
const R1C1_LIKE = /^[rR][0-9]*[cC][0-9]*$/;
/** Cell, column and row references; a group that caught no `$` marks a relative part. */
const REFERENCE =
  /(?<![\w.$\u00C0-\uFFFF])(\$?)[A-Za-z]{1,3}(\$?)\d+(?![\w.(!\u00C0-\uFFFF])|(?<![\w.$])(\$?)[A-Za-z]{1,3}:(\$?)[A-Za-z]{1,3}(?![\w.(!])|(?<![\w.$])(\$?)\d+:(\$?)\d+(?![\w.])/g;
const PLAIN_REF = /^=(?:'(?:[^']|'')+'|[\w.\u00C0-\uFFFF]+)!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;

const RELATIVE = 'uses a relative reference';

/** Whether every relative reference of an expression is a single cell (`A1`, `$A1`), never a column or row range. */
function onlyRelativeCells(expression: string): boolean {
  let ok = true;
  mapCode(expression, (code) => {
    for (const m of code.matchAll(REFERENCE)) if (m[0].includes(':') && m.slice(3).some((g) => g === '')) ok = false;
    return code;
  });
  return ok;
}

/** The expression with every cell reference made absolute (to ask the engine about the rest of it). */
function absolute(expression: string): string {
  return mapCode(expression, (code) => code.replace(CELL_REF, (_m, _c: string, col: string, _r: string, row: string) => `$${col}$${row}`));
}

/** A book-level name's external references: the values Excel kept (left as they are when not kept). */
function externalValues(text: string, books: readonly ExternalBook[]): string {
  const t = translateExternalRefs(text, books);
  return t.complete ? t.formula : text;
}

const CELL_REF = /(?<![\w.$\u00C0-\uFFFF])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!\u00C0-\uFFFF])/g;
const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

/**
 * A relative name's expression as used at (row, col): Excel stores its relative parts as seen from
 * A1, and moves them with the cell that uses it, wrapping round the sheet's edges.
 */
export function relativeAt(expression: string, row: number, col: number): string {
  return mapCode(expression, (code) =>
    code.replace(CELL_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = columnIndex(letters);
      const r = Number(digits) - 1;
      const nc = colAbs ? c : (c + col) % MAX_COL;
      const nr = rowAbs ? r : (r + row) % MAX_ROW;
      return `${colAbs}${columnLabel(nc)}${rowAbs}${nr + 1}`;
    }),
  );
}

/** Writes relative names into a formula at (row, col): each moved to the cell, in parentheses unless a plain reference. */
export function inlineRelativeNames(formula: string, names: readonly NamedExpression[], row: number, col: number): string {
  if (names.length === 0) return formula;
  const upper = formula.toUpperCase();
  const used = names.filter((n) => upper.includes(n.name.toUpperCase()));
  if (used.length === 0) return formula;
  return inlineNames(formula, used.map((n) => ({ name: n.name, expression: relativeAt(n.expression, row, col) })));
}

/** `Sheet!Name` references to sheet-level names → their workbook name or their formula. */
export function resolveQualifiedNames(formula: string, qualified: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  if (qualified.size === 0 || !formula.includes('!')) return formula;
  return formula.replace(QUALIFIED, (m: string, str?: string, sheet?: string, name?: string) => {
    if (str !== undefined || sheet === undefined || name === undefined) return m;
    const unquoted = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
    return qualified.get(unquoted.toUpperCase())?.get(name.toUpperCase()) ?? qualified.get(ANY_SHEET)?.get(name.toUpperCase()) ?? m;
  });
}

/** The key of `qualified` for workbook names, which `AnySheet!Name` reaches when that sheet has no name of its own. */
export const ANY_SHEET = '\u0000';

const QUALIFIED =
  /("(?:[^"]|"")*"?)|('(?:[^']|'')+'|(?<![\w.$\u00C0-\uFFFF])[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!([A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)(?![\w.(!:\u00C0-\uFFFF])/g;

/** Why the engine would refuse `name` = `expression`, or null. */
export function nameProblem(name: string, expression: string): string | null {
  if (!NAME.test(name) || CELL_LIKE.test(name) || R1C1_LIKE.test(name)) return 'not a valid name for the engine';
  // `[1]Sheet!A1` or `'[1]My sheet'!A1`: an external link, which a notebook cannot hold.
  if (/\[\d+\]/.test(expression.replace(/"(?:[^"]|"")*"/g, ''))) return 'refers to another workbook';
  let problem: string | null = null;
  mapCode(expression, (code) => {
    for (const m of code.matchAll(REFERENCE)) {
      const dollars = m.slice(1).filter((g) => g !== undefined);
      if (dollars.includes('')) problem ??= `${RELATIVE} (${m[0]})`;
    }
    return code;
  });
  return problem;
}

export interface ImportedNames {
  names: NamedExpression[];
  /** Sheet-level names to write into that sheet's formulas, by sheet name. */
  inlineBySheet: Map<string, NamedExpression[]>;
  /**
   * Names Excel accepts and the engine does not (`Liste2`, `Sales2024`, `中文`), by their upper-cased
   * spelling: the name they were given, to be written into every formula that uses them.
   */
  renamed: Map<string, string>;
  /**
   * Names with relative references (`=Sheet1!A1` defined from B1, stored as `Sheet1!XFD1`), by sheet
   * name ('' for workbook names): written into each formula that uses them, moved to its cell.
   */
  relativeBySheet: Map<string, NamedExpression[]>;
  /**
   * `Sheet!Name` in a formula (a sheet-level name called from elsewhere), by upper-cased sheet then
   * name: the text that replaces it (the name when it became a workbook name, else its formula).
   */
  qualified: Map<string, Map<string, string>>;
  warnings: ImportWarning[];
}

/** Whether `name` is a cell Excel could address (`AB12`, `XFD1048576`): a formula's token of that spelling is the cell. */
function isExcelCell(name: string): boolean {
  const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (!m) return false;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return col <= 16_384 && row >= 1 && row <= 1_048_576;
}

/** A spelling the engine's rule accepts, close to `name`: letters kept, other characters `_`, a cell-like end broken by `_`. */
function acceptedSpelling(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z\u00C0-\u02AF0-9_.]/g, '_');
  if (!/[A-Za-z\u00C0-\u02AF0-9]/.test(base)) base = 'NAME';
  if (!/^[A-Za-z\u00C0-\u02AF_]/.test(base)) base = `_${base}`;
  if (CELL_LIKE.test(base) || R1C1_LIKE.test(base)) base = `${base}_`;
  let candidate = base;
  for (let i = 2; taken.has(candidate.toUpperCase()); i++) candidate = `${base}_${i}`;
  return candidate;
}

/**
 * @param sheetNames the workbook's sheets in file order (what `localSheetId` indexes)
 * @param checkName the engine's own verdict, when the caller has one
 */
export function importDefinedNames(
  raw: RawDefinedName[],
  sheetNames: string[],
  checkName?: (name: string, expression: string) => string | null,
  tables: readonly TableInfo[] = [],
  externalBooks: readonly ExternalBook[] = [],
): ImportedNames {
  const relativeBySheet = new Map<string, NamedExpression[]>();
  const warnings: ImportWarning[] = [];
  const kept: (NamedExpression & { sheet?: string; original: string })[] = [];
  const taken = new Set(raw.map((d) => d.name.toUpperCase()));
  const renamed = new Map<string, string>();
  const parsed = raw
    .filter((d) => !d.name.toLowerCase().startsWith('_xlnm.')) // print areas, filters: layout, not model
    .map((d) => ({ d, expression: fromExcelFormula(translateStructuredRefs(externalValues(d.text.trim(), externalBooks), tables)), sheet: d.localSheetId === undefined ? undefined : sheetNames[d.localSheetId] }));
  // First the spellings: a name the engine's rule refuses, that Excel can hold and no cell has, is given one it accepts.
  for (const { d } of parsed) {
    const upper = d.name.toUpperCase();
    if (renamed.has(upper) || nameProblem(d.name, '=1') === null || isExcelCell(d.name) || /^[rR][0-9]*[cC][0-9]*$/.test(d.name) || /[\s!'"()[\]{},;:+\-*/^&=<>%]/.test(d.name)) continue;
    const to = acceptedSpelling(d.name, taken);
    taken.add(to.toUpperCase());
    renamed.set(upper, to);
  }
  for (const { d, expression: original, sheet } of parsed) {
    const name = renamed.get(d.name.toUpperCase()) ?? d.name;
    const expression = renameNames(original, renamed);
    const problem = nameProblem(name, expression) ?? checkName?.(name, expression) ?? null;
    if (problem?.startsWith(RELATIVE) && NAME.test(name) && onlyRelativeCells(expression) && checkName?.(name, absolute(relativeAt(expression, 1, 1))) == null) {
      relativeBySheet.set(sheet ?? '', [...(relativeBySheet.get(sheet ?? '') ?? []), { name, expression }]);
      warnings.push({ code: 'relativeNameInlined', detail: `${sheet ? `${sheet}!` : ''}${name} = ${d.text}` });
      continue;
    }
    if (problem) {
      warnings.push({ code: 'nameSkipped', detail: `${sheet ? `${sheet}!` : ''}${d.name} = ${d.text}: ${problem}` });
      continue;
    }
    if (name !== d.name) warnings.push({ code: 'nameRenamed', detail: `${sheet ? `${sheet}!` : ''}${d.name} → ${name}` });
    kept.push({ name, expression, sheet, original: d.name });
  }

  const spellings = new Map<string, number>();
  for (const k of kept) spellings.set(k.name.toUpperCase(), (spellings.get(k.name.toUpperCase()) ?? 0) + 1);
  const names: NamedExpression[] = [];
  const inlineBySheet = new Map<string, NamedExpression[]>();
  const qualified = new Map<string, Map<string, string>>();
  const qualify = (sheet: string, original: string, text: string) => {
    const m = qualified.get(sheet.toUpperCase()) ?? new Map<string, string>();
    m.set(original.toUpperCase(), text);
    qualified.set(sheet.toUpperCase(), m);
  };
  for (const { sheet, original, ...name } of kept) {
    if (sheet === undefined) {
      names.push(name);
      qualify(ANY_SHEET, original, name.name);
    } else if (spellings.get(name.name.toUpperCase()) === 1) {
      names.push(name);
      qualify(sheet, original, name.name);
      warnings.push({ code: 'localNamePromoted', detail: `${sheet}!${name.name}` });
    } else {
      inlineBySheet.set(sheet, [...(inlineBySheet.get(sheet) ?? []), name]);
      qualify(sheet, original, PLAIN_REF.test(name.expression) ? name.expression.slice(1) : `(${name.expression.slice(1)})`);
      warnings.push({ code: 'localNameInlined', detail: `${sheet}!${name.name} = ${name.expression}` });
    }
  }
  return { names, inlineBySheet, renamed, relativeBySheet, qualified, warnings };
}

/** A name's token in formula code: not part of a longer name, a sheet-qualified reference or a function call. */
function nameToken(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.$!\\u00C0-\\uFFFF])${escaped}(?![\\w.(!\\u00C0-\\uFFFF])`, 'gi');
}

/** Writes renamed names' new spellings into a formula, case-insensitively, outside strings and quoted sheet names. */
export function renameNames(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return formula;
  let out = formula;
  let upper = formula.toUpperCase();
  for (const [from, to] of renamed) {
    if (!upper.includes(from)) continue;
    const token = nameToken(from);
    out = mapCode(out, (code) => code.replace(token, () => to));
    upper = out.toUpperCase();
  }
  return out;
}

/** Writes sheet-level names into a formula: a plain reference as is, anything else in parentheses. */
export function inlineNames(formula: string, names: NamedExpression[]): string {
  let out = formula;
  let upper = formula.toUpperCase();
  for (const n of names) {
    if (!upper.includes(n.name.toUpperCase())) continue; // cheap test first: most formulas use no such name
    const body = n.expression.slice(1);
    const replacement = PLAIN_REF.test(n.expression) ? body : `(${body})`;
    const token = nameToken(n.name);
    out = mapCode(out, (code) => code.replace(token, () => replacement));
    upper = out.toUpperCase();
  }
  return out;
}
