/**
 * Excel functions business workbooks use that the engine lacks, through HyperFormula's
 * function-plugin API: CONCAT, RANK / RANK.EQ / RANK.AVG, LOOKUP (vector and array forms) and
 * FORECAST / FORECAST.LINEAR. Each follows Excel's documented rules for the arguments it takes;
 * what a workbook imports with them computes instead of keeping only Excel's cached value.
 * Installed once by `engineCore.ts`, before any engine is built.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';

type Scalar = number | string | boolean | CellError | null | undefined;

/** A scalar as a plain value: the engine's typed numbers (dates, currency) carry theirs in `val`. */
function plain(v: unknown): Scalar {
  if (v && typeof v === 'object' && !(v instanceof CellError) && 'val' in v) return (v as { val: number }).val;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof CellError) return v;
  return null; // the engine's empty value
}

/** Every cell of a range (row by row), or the one value. */
function cellsOf(arg: unknown): Scalar[] {
  if (arg instanceof SimpleRangeValue) return arg.valuesFromTopLeftCorner().map(plain);
  return [plain(arg)];
}

function rowsOf(arg: unknown): Scalar[][] {
  if (arg instanceof SimpleRangeValue) return arg.data.map((row) => row.map(plain));
  return [[plain(arg)]];
}

/** Excel's text for a value in CONCAT: numbers as General shows them, TRUE/FALSE, empty as nothing. */
function asText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15))).replace('e', 'E');
  return String(v);
}

const firstError = (xs: Scalar[]): CellError | undefined => xs.find((x): x is CellError => x instanceof CellError);
const numbers = (xs: Scalar[]): number[] => xs.filter((x): x is number => typeof x === 'number');

function rank(x: number, ref: unknown, order: number, average: boolean): number | CellError {
  const cells = cellsOf(ref);
  const values = numbers(cells);
  const ties = values.filter((v) => v === x).length;
  if (ties === 0) return new CellError(ErrorType.NA, 'The number is not in the list.');
  const ahead = values.filter((v) => (order === 0 ? v > x : v < x)).length;
  return average ? ahead + (ties + 1) / 2 : ahead + 1;
}

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
  if (found < 0) return new CellError(ErrorType.NA, 'No value in the lookup vector is at or below the value looked up.');
  const r = results[found];
  return r === undefined ? new CellError(ErrorType.NA) : r ?? 0;
}

function forecast(x: number, ys: unknown, xs: unknown): number | CellError {
  const yv = cellsOf(ys);
  const xv = cellsOf(xs);
  const error = firstError(yv) ?? firstError(xv);
  if (error) return error;
  if (yv.length !== xv.length) return new CellError(ErrorType.NA, 'The two ranges differ in size.');
  const pairs: [number, number][] = [];
  yv.forEach((y, i) => {
    const v = xv[i];
    if (typeof y === 'number' && typeof v === 'number') pairs.push([v, y]);
  });
  if (pairs.length === 0) return new CellError(ErrorType.DIV_BY_ZERO);
  const mx = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
  const my = pairs.reduce((s, [, b]) => s + b, 0) / pairs.length;
  const sxx = pairs.reduce((s, [a]) => s + (a - mx) ** 2, 0);
  if (sxx === 0) return new CellError(ErrorType.DIV_BY_ZERO);
  const sxy = pairs.reduce((s, [a, b]) => s + (a - mx) * (b - my), 0);
  return my + (sxy / sxx) * (x - mx);
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ANY = { argumentType: FunctionArgumentType.ANY };
const RANK_ARGS = [NUMBER, RANGE, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }];

class ExcelFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    CONCAT: { method: 'concat', parameters: [ANY], repeatLastArgs: 1 },
    RANK: { method: 'rankEq', parameters: RANK_ARGS },
    'RANK.EQ': { method: 'rankEq', parameters: RANK_ARGS },
    'RANK.AVG': { method: 'rankAvg', parameters: RANK_ARGS },
    LOOKUP: { method: 'lookup', parameters: [ANY, ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
    FORECAST: { method: 'forecast', parameters: [NUMBER, RANGE, RANGE] },
    'FORECAST.LINEAR': { method: 'forecast', parameters: [NUMBER, RANGE, RANGE] },
  };

  concat(ast: unknown, state: unknown) {
    return this.call(ast, state, 'CONCAT', (...args: unknown[]) => {
      const cells = args.flatMap(cellsOf);
      const error = firstError(cells);
      if (error) return error;
      const text = cells.map(asText).join('');
      return text.length > 32767 ? new CellError(ErrorType.VALUE, 'The text is longer than 32,767 characters.') : text;
    });
  }

  rankEq(ast: unknown, state: unknown) {
    return this.call(ast, state, this.nameOf(ast), (x: number, ref: unknown, order: number) => rank(x, ref, order, false));
  }

  rankAvg(ast: unknown, state: unknown) {
    return this.call(ast, state, 'RANK.AVG', (x: number, ref: unknown, order: number) => rank(x, ref, order, true));
  }

  lookup(ast: unknown, state: unknown) {
    return this.call(ast, state, 'LOOKUP', (x: unknown, keys: unknown, results?: unknown) => lookup(plain(x), keys, results));
  }

  forecast(ast: unknown, state: unknown) {
    return this.call(ast, state, this.nameOf(ast), forecast);
  }

  /** The name the formula called (RANK or RANK.EQ share one method). */
  private nameOf(ast: unknown): string {
    return String((ast as { procedureName?: string }).procedureName ?? '').toUpperCase();
  }

  private call(ast: unknown, state: unknown, name: string, fn: (...args: never[]) => unknown) {
    const self = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown;
      metadata(name: string): unknown;
    };
    return self.runFunction((ast as { args: unknown }).args, state, self.metadata(name), fn);
  }
}

let installed = false;

/** Adds the functions to the engine's registry (idempotent; none of them is the engine's own). */
export function installExcelFunctions(): void {
  if (installed) return;
  installed = true;
  const ids = Object.keys(ExcelFunctionsPlugin.implementedFunctions);
  const have = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const id of ids) if (have.has(id)) HyperFormula.unregisterFunction(id);
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin, { enGB: Object.fromEntries(ids.map((id) => [id, id])) });
}
