/**
 * Which workbook-scope names a formula uses. A name is an identifier that is not a function call
 * (`SUM(`), not a sheet prefix (`B_Target!`) and not inside a string literal; cell references such
 * as `C36` look the same to the scanner, so only identifiers that are known names count.
 */
import type { NamedExpression } from './notebook';

const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const QUOTED_SHEET = /'(?:[^']|'')+'!/g;
const IDENTIFIER = /(?<![\w.$!\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)(?![\w.(!\u00C0-\uFFFF])/g;

/** The names of `known` that `formula` refers to, as `known` spells them, in first-use order. */
export function namesInFormula(formula: string, known: readonly NamedExpression[]): NamedExpression[] {
  if (known.length === 0) return [];
  const byUpper = new Map(known.map((n) => [n.name.toUpperCase(), n]));
  const code = formula.replace(STRING_LITERAL, '""').replace(QUOTED_SHEET, '');
  const found = new Map<string, NamedExpression>();
  for (const m of code.matchAll(IDENTIFIER)) {
    const upper = m[1].toUpperCase();
    const name = byUpper.get(upper);
    if (name && !found.has(upper)) found.set(upper, name);
  }
  return [...found.values()];
}
