/**
 * Excel's implicit intersection, made explicit at import. A formula saved as an ordinary (not
 * array) formula is computed by Excel the pre-dynamic-array way: a range where one value is
 * expected — the whole formula (`=H21:H26`), an operand (`=A7:J7*B15`), a function's value
 * argument (`=FLOOR(A3,$AD$47:$AH$47)`) — stands for its cell in the formula's own row (a column
 * range) or column (a row range); Excel 365 shows it as `@H21:H26`. Our engine computes every
 * formula as a dynamic array and would spill there, so where the intersection is exact (a one-column
 * or one-row range spanning the formula's row or column) the range is replaced by that cell.
 * Ranges inside arguments that take ranges (SUM, INDEX's array, a criteria range…) are left as
 * they are, and so is every range in a call whose enclosing context is not a value.
 */
import { columnIndex, columnLabel } from '../model/address';

/** Whether argument `index` (0-based) of function `name` takes a single value (the engine side tells). */
export type ScalarArgument = (name: string, index: number) => boolean;

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!`;
const RANGE = new RegExp(
  String.raw`^(${SHEET})?(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![\w(!:.\u00C0-\uFFFF])`,
);
const IDENT = /^[A-Za-z_\u00C0-\uFFFF\\][\w.\u00C0-\uFFFF]*/;

interface Frame {
  /** Upper-cased function name; null for a plain parenthesis or an array constant. */
  name: string | null;
  brace: boolean;
  arg: number;
  /** Whether the enclosing context takes a single value. */
  outerScalar: boolean;
  /** A comma inside a plain parenthesis is the union operator: no longer a value. */
  union: boolean;
}

/** The cell a one-row or one-column range meets in the formula's row / column, or null. */
function intersect(m: RegExpExecArray, row: number, col: number): string | null {
  const sheet = m[1] ?? '';
  if (m[3] !== undefined) {
    const c1 = columnIndex(m[3].toUpperCase());
    const c2 = columnIndex(m[7].toUpperCase());
    const r1 = Number(m[5]) - 1;
    const r2 = Number(m[9]) - 1;
    if (c1 === c2 && row >= Math.min(r1, r2) && row <= Math.max(r1, r2)) return `${sheet}${m[2]}${columnLabel(c1)}${row + 1}`;
    if (r1 === r2 && col >= Math.min(c1, c2) && col <= Math.max(c1, c2)) return `${sheet}${columnLabel(col)}${m[4]}${r1 + 1}`;
    return null;
  }
  if (m[11] !== undefined) {
    const c1 = columnIndex(m[11].toUpperCase());
    const c2 = columnIndex(m[13].toUpperCase());
    return c1 === c2 ? `${sheet}${m[10]}${columnLabel(c1)}${row + 1}` : null;
  }
  const r1 = Number(m[15]);
  const r2 = Number(m[17]);
  return r1 === r2 ? `${sheet}${columnLabel(col)}${m[14]}${r1}` : null;
}

/**
 * `formula` (our dialect, with `=`) as Excel computes it in the cell at 0-based `row`, `col` when
 * it is not an array formula: each exactly intersected range replaced by its cell.
 */
export function intersectImplicitly(formula: string, row: number, col: number, scalarArgument: ScalarArgument): string {
  if (!formula.startsWith('=') || !formula.includes(':')) return formula;
  const stack: Frame[] = [];
  const scalarHere = (): boolean => {
    const top = stack[stack.length - 1];
    if (!top) return true;
    if (top.brace || top.union) return false;
    if (top.name === null) return top.outerScalar;
    return top.outerScalar && scalarArgument(top.name, top.arg);
  };
  let out = '=';
  let i = 1;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = out[out.length - 1];
    const startsToken = !/[\w.$\u00C0-\uFFFF:]/.test(prev ?? '');
    if (startsToken && (c === "'" || c === '$' || /[\w\u00C0-\uFFFF\\]/.test(c))) {
      const rest = formula.slice(i);
      const m = RANGE.exec(rest);
      if (m) {
        const next = rest.slice(m[0].length).trimStart()[0];
        const cell = next !== ':' && scalarHere() ? intersect(m, row, col) : null;
        out += cell ?? m[0];
        i += m[0].length;
        continue;
      }
      if (c === "'") {
        const end = formula.indexOf("'", i + 1);
        let j = end < 0 ? formula.length : end;
        while (formula[j + 1] === "'") j = formula.indexOf("'", j + 2) < 0 ? formula.length : formula.indexOf("'", j + 2);
        out += formula.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      const id = IDENT.exec(rest) ?? /^[$\w]+/.exec(rest);
      const word = id ? id[0] : c;
      out += word;
      i += word.length;
      const after = formula.slice(i).match(/^\s*\(/);
      if (after && id) {
        stack.push({ name: word.toUpperCase(), brace: false, arg: 0, outerScalar: scalarHere(), union: false });
        out += after[0];
        i += after[0].length;
      }
      continue;
    }
    if (c === '(' || c === '{') stack.push({ name: null, brace: c === '{', arg: 0, outerScalar: scalarHere(), union: false });
    else if (c === ')' || c === '}') stack.pop();
    else if (c === ',' || c === ';') {
      const top = stack[stack.length - 1];
      if (top && top.name !== null) top.arg++;
      else if (top && !top.brace) top.union = true;
    }
    out += c;
    i++;
  }
  return out;
}
