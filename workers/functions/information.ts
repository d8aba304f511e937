/** ERROR.TYPE and TYPE, which the engine lacks, and ISREF as Excel answers it. */
import { CellError, ErrorType, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, na, plain } from './values';

/** Excel's numbers for its errors; the engine's own (#CYCLE!, #LIC!, #ERROR!) have none. */
const ERROR_NUMBERS: Partial<Record<ErrorType, number>> = {
  [ErrorType.DIV_BY_ZERO]: 2,
  [ErrorType.VALUE]: 3,
  [ErrorType.REF]: 4,
  [ErrorType.NAME]: 5,
  [ErrorType.NUM]: 6,
  [ErrorType.NA]: 7,
  [ErrorType.SPILL]: 9,
};

function errorType(v: unknown): number | CellError {
  const x = plain(v);
  const n = x instanceof CellError ? ERROR_NUMBERS[x.type] : undefined;
  return n ?? na('The value is not an error.');
}

/** 1 number (and empty), 2 text, 4 logical, 16 error (an array literal is 64, told from the formula). */
function type(v: unknown): number {
  const x = plain(v);
  if (typeof x === 'string') return 2;
  if (typeof x === 'boolean') return 4;
  if (x instanceof CellError) return 16;
  return 1;
}

const REFERENCES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);
/** Functions that answer a reference unless they fail. */
const REFERENCE_FUNCTIONS = new Set(['INDIRECT', 'OFFSET', 'INDEX']);

export class InformationPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    ISREF: { method: 'isref', parameters: [{ argumentType: FunctionArgumentType.SCALAR }], vectorizationForbidden: true, doesNotNeedArgumentsToBeComputed: true },
    'ERROR.TYPE': { method: 'errorType', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
    TYPE: { method: 'type', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };

  /**
   * ISREF: TRUE for a reference in the formula (a cell, a range, whole columns or rows) and for
   * INDIRECT, OFFSET or INDEX that give one; FALSE for any value (the engine answered TRUE only
   * for a #REF! error).
   */
  isref(ast: unknown, state: unknown) {
    const { args } = ast as { args: { type?: string; procedureName?: string }[] };
    if (args.length !== 1) return na('ISREF takes one argument.');
    const arg = args[0];
    if (REFERENCES.has(String(arg.type))) return true;
    if (arg.type === 'FUNCTION_CALL' && REFERENCE_FUNCTIONS.has(String(arg.procedureName).toUpperCase())) {
      const result = (this as unknown as { evaluateAst(ast: unknown, state: unknown): unknown }).evaluateAst(arg, state);
      return !(result instanceof CellError);
    }
    return false;
  }

  errorType(ast: unknown, state: unknown) {
    return this.run('ERROR.TYPE', ast, state, errorType);
  }

  type(ast: unknown, state: unknown) {
    // SCALAR lets an error through as a value (16) but would reduce an array to one of its values.
    const { args } = ast as { args: { type?: string }[] };
    if (args.length === 1 && args[0].type === 'ARRAY') return 64;
    return this.run('TYPE', ast, state, type);
  }
}
