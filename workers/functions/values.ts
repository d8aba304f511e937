/**
 * What the function families share: plain values out of the engine's arguments, and a plugin base
 * whose `run` evaluates a call through HyperFormula's argument handling (count, coercion, errors).
 */
import { CellError, ErrorType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';

export type Scalar = number | string | boolean | CellError | null | undefined;

/** A scalar as a plain value: the engine's typed numbers (dates, currency) carry theirs in `val`. */
export function plain(v: unknown): Scalar {
  if (v && typeof v === 'object' && !(v instanceof CellError) && 'val' in v) return (v as { val: number }).val;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof CellError) return v;
  return null; // the engine's empty value
}

/** Every cell of a range (row by row), or the one value. */
export function cellsOf(arg: unknown): Scalar[] {
  if (arg instanceof SimpleRangeValue) return arg.valuesFromTopLeftCorner().map(plain);
  return [plain(arg)];
}

export function rowsOf(arg: unknown): Scalar[][] {
  if (arg instanceof SimpleRangeValue) return arg.data.map((row) => row.map(plain));
  return [[plain(arg)]];
}

export const firstError = (xs: Scalar[]): CellError | undefined => xs.find((x): x is CellError => x instanceof CellError);
export const numbers = (xs: Scalar[]): number[] => xs.filter((x): x is number => typeof x === 'number');

export const num = (message?: string) => new CellError(ErrorType.NUM, message);
export const na = (message?: string) => new CellError(ErrorType.NA, message);
export const value = (message?: string) => new CellError(ErrorType.VALUE, message);

/**
 * Excel's engineering functions' number: text that reads as a number counts, a logical is #VALUE!
 * (GESTEP(TRUE) is #VALUE!, GESTEP("2") is 1), empty is 0.
 */
export function engineeringNumber(v: unknown): number | CellError {
  const x = plain(v);
  if (x === null || x === undefined) return 0;
  if (typeof x === 'number' || x instanceof CellError) return x;
  if (typeof x === 'boolean') return value('A logical value is not a number here.');
  const n = x.trim() === '' ? NaN : Number(x);
  return Number.isFinite(n) ? n : value('The text is not a number.');
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~15 significant digits). */
export function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** A plugin whose methods run through the engine's argument handling under their own metadata. */
export class ExcelPlugin extends FunctionPlugin {
  protected run(name: string, ast: unknown, state: unknown, fn: (...args: never[]) => unknown) {
    const self = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown;
      metadata(name: string): unknown;
    };
    return self.runFunction((ast as { args: unknown }).args, state, self.metadata(name), fn);
  }

  /** The name the formula called (aliases share one method). */
  protected nameOf(ast: unknown): string {
    return String((ast as { procedureName?: string }).procedureName ?? '').toUpperCase();
  }
}
