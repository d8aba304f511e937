/**
 * Reference-aware rewriting of formula text, without a full parser: the document stores
 * formulas as text, so a paste shifts relative references (as Excel does) and a sheet rename
 * rewrites `Old!A1` to `New!A1`. String literals are never touched, and neither are function
 * names (`LOG10(`) or named expressions.
 */
import { columnIndex, columnLabel, qualify } from './address';

// sheet prefix (quoted or bare), then a cell: $?COL $?ROW — not part of a longer identifier or a call.
const REF =
  /(?<![\w.$\u00C0-\uFFFF])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(\u00C0-\uFFFF!])/g;

/** Calls `fn` on each stretch of formula text outside string literals and joins the results. */
function mapOutsideStrings(formula: string, fn: (code: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, q));
    // find the closing quote; "" is an escaped quote inside the literal
    let j = q + 1;
    for (;;) {
      const k = formula.indexOf('"', j);
      if (k < 0) {
        j = formula.length;
        break;
      }
      if (formula[k + 1] === '"') {
        j = k + 2;
        continue;
      }
      j = k + 1;
      break;
    }
    out += formula.slice(q, j);
    i = j;
  }
  return out;
}

function unquoteSheet(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Moves relative references by (dRow, dCol), as a copy from one cell to another does in Excel.
 * A reference pushed off the sheet becomes `#REF!`.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!formula.startsWith('=') || (dRow === 0 && dCol === 0)) return formula;
  return mapOutsideStrings(formula, (code) =>
    code.replace(REF, (_m, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? columnIndex(col) : columnIndex(col) + dCol;
      const r = rowAbs ? Number(row) - 1 : Number(row) - 1 + dRow;
      if (c < 0 || r < 0) return '#REF!';
      return `${sheet ?? ''}${colAbs}${columnLabel(c)}${rowAbs}${r + 1}`;
    }),
  );
}

/** Rewrites references to sheet `from` so they name `to`. */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  if (!formula.startsWith('=') && !formula.includes('!')) return formula;
  const lower = from.toLowerCase();
  return mapOutsideStrings(formula, (code) =>
    code.replace(REF, (m, sheet: string | undefined) => {
      if (!sheet || unquoteSheet(sheet).toLowerCase() !== lower) return m;
      return qualify(to, m.slice(sheet.length));
    }),
  );
}

/** The sheets a formula refers to (for link styling and link stubs). */
export function referencedSheets(formula: string): string[] {
  const found = new Set<string>();
  mapOutsideStrings(formula, (code) => {
    for (const m of code.matchAll(REF)) if (m[1]) found.add(unquoteSheet(m[1]));
    return code;
  });
  return [...found];
}

/** Every `Sheet!A1` cell a formula refers to (ranges expanded), for link stubs. */
export function referencedCells(formula: string, homeSheet: string): { sheet: string; addr: string }[] {
  const out: { sheet: string; addr: string }[] = [];
  const RANGE = new RegExp(`${REF.source}(?::(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7}))?`, 'g');
  mapOutsideStrings(formula, (code) => {
    for (const m of code.matchAll(RANGE)) {
      const sheet = m[1] ? unquoteSheet(m[1]) : homeSheet;
      const c1 = columnIndex(m[3]);
      const r1 = Number(m[5]) - 1;
      const c2 = m[7] ? columnIndex(m[7]) : c1;
      const r2 = m[9] ? Number(m[9]) - 1 : r1;
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push({ sheet, addr: `${columnLabel(c)}${r + 1}` });
      }
    }
    return code;
  });
  return out;
}
