/** LOOKUP (vector and array forms), which the engine lacks. */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, na, plain, rowsOf } from './values';
import type { Scalar } from './values';

/** Excel's ordering for LOOKUP: numbers with numbers, text with text (ignoring case); other pairs never match. */
function notAfter(v: Scalar, x: Scalar): boolean {
  if (typeof v === 'number' && typeof x === 'number') return v <= x;
  if (typeof v === 'string' && typeof x === 'string') return v.toLowerCase() <= x.toLowerCase();
  if (typeof v === 'boolean' && typeof x === 'boolean') return Number(v) <= Number(x);
  return false;
}

function lookup(x: Scalar, lookupArg: unknown, resultArg: unknown): Scalar {
  if (x instanceof CellError) return x;
  let keys: Scalar[];
  let results: Scalar[];
  if (resultArg === undefined) {
    const grid = rowsOf(lookupArg);
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    // The array form: search the first row of a wide array, else the first column; answer from the last.
    if (cols > rows) {
      keys = grid[0];
      results = grid[rows - 1];
    } else {
      keys = grid.map((r) => r[0]);
      results = grid.map((r) => r[cols - 1]);
    }
  } else {
    keys = cellsOf(lookupArg);
    results = cellsOf(resultArg);
  }
  // The last key not after the value: what Excel's binary search finds on sorted keys.
  let found = -1;
  keys.forEach((k, i) => {
    if (notAfter(k, x)) found = i;
  });
  if (found < 0) return na('No value in the lookup vector is at or below the value looked up.');
  const r = results[found];
  return r === undefined ? na() : r ?? 0;
}

const ANY = { argumentType: FunctionArgumentType.ANY };

export class LookupPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    LOOKUP: { method: 'lookup', parameters: [ANY, ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
  };

  lookup(ast: unknown, state: unknown) {
    return this.run('LOOKUP', ast, state, (x: unknown, keys: unknown, results?: unknown) => lookup(plain(x), keys, results));
  }
}
