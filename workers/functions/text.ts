/** CONCAT, which the engine lacks (it has CONCATENATE, which takes no ranges). */
import { FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, firstError, value } from './values';
import type { Scalar } from './values';

/** Excel's text for a value in CONCAT: numbers as General shows them, TRUE/FALSE, empty as nothing. */
function asText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15))).replace('e', 'E');
  return String(v);
}

function concat(...args: unknown[]) {
  const cells = args.flatMap(cellsOf);
  const error = firstError(cells);
  if (error) return error;
  const text = cells.map(asText).join('');
  return text.length > 32767 ? value('The text is longer than 32,767 characters.') : text;
}

export class TextPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    CONCAT: { method: 'concat', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
  };

  concat(ast: unknown, state: unknown) {
    return this.run('CONCAT', ast, state, concat);
  }
}
