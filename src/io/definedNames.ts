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

/** Why the engine would refuse `name` = `expression`, or null. */
export function nameProblem(name: string, expression: string): string | null {
  if (!NAME.test(name) || CELL_LIKE.test(name) || R1C1_LIKE.test(name)) return 'not a valid name for the engine';
  // `[1]Sheet!A1` or `'[1]My sheet'!A1`: an external link, which a notebook cannot hold.
  if (/\[\d+\]/.test(expression.replace(/"(?:[^"]|"")*"/g, ''))) return 'refers to another workbook';
  let problem: string | null = null;
  mapCode(expression, (code) => {
    for (const m of code.matchAll(REFERENCE)) {
      const dollars = m.slice(1).filter((g) => g !== undefined);
      if (dollars.includes('')) problem ??= `uses a relative reference (${m[0]})`;
    }
    return code;
  });
  return problem;
}

export interface ImportedNames {
  names: NamedExpression[];
  /** Sheet-level names to write into that sheet's formulas, by sheet name. */
  inlineBySheet: Map<string, NamedExpression[]>;
  warnings: ImportWarning[];
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
): ImportedNames {
  const warnings: ImportWarning[] = [];
  const kept: (NamedExpression & { sheet?: string })[] = [];
  for (const d of raw) {
    if (d.name.toLowerCase().startsWith('_xlnm.')) continue; // print areas, filters: layout, not model
    const expression = fromExcelFormula(translateStructuredRefs(d.text.trim(), tables));
    const sheet = d.localSheetId === undefined ? undefined : sheetNames[d.localSheetId];
    const problem = nameProblem(d.name, expression) ?? checkName?.(d.name, expression) ?? null;
    if (problem) {
      warnings.push({ code: 'nameSkipped', detail: `${sheet ? `${sheet}!` : ''}${d.name} = ${d.text}: ${problem}` });
      continue;
    }
    kept.push({ name: d.name, expression, sheet });
  }

  const spellings = new Map<string, number>();
  for (const k of kept) spellings.set(k.name.toUpperCase(), (spellings.get(k.name.toUpperCase()) ?? 0) + 1);
  const names: NamedExpression[] = [];
  const inlineBySheet = new Map<string, NamedExpression[]>();
  for (const { sheet, ...name } of kept) {
    if (sheet === undefined) {
      names.push(name);
    } else if (spellings.get(name.name.toUpperCase()) === 1) {
      names.push(name);
      warnings.push({ code: 'localNamePromoted', detail: `${sheet}!${name.name}` });
    } else {
      inlineBySheet.set(sheet, [...(inlineBySheet.get(sheet) ?? []), name]);
      warnings.push({ code: 'localNameInlined', detail: `${sheet}!${name.name} = ${name.expression}` });
    }
  }
  return { names, inlineBySheet, warnings };
}

/** Writes sheet-level names into a formula: a plain reference as is, anything else in parentheses. */
export function inlineNames(formula: string, names: NamedExpression[]): string {
  let out = formula;
  for (const n of names) {
    const body = n.expression.slice(1);
    const replacement = PLAIN_REF.test(n.expression) ? body : `(${body})`;
    const escaped = n.name.replace(/\./g, '\\.');
    const token = new RegExp(`(?<![\\w.$!\\u00C0-\\uFFFF])${escaped}(?![\\w.(!\\u00C0-\\uFFFF])`, 'gi');
    out = mapCode(out, (code) => code.replace(token, () => replacement));
  }
  return out;
}
