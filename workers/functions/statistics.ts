/**
 * Statistical functions the engine lacks: RANK / RANK.EQ / RANK.AVG, FORECAST / FORECAST.LINEAR,
 * MODE / MODE.SNGL, TRIMMEAN, PERCENTRANK / .INC / .EXC, PERMUT, PERMUTATIONA and
 * BINOM.DIST.RANGE, with Excel's rules: in ranges only numbers count (text, logicals and blanks
 * are skipped), an error in a range is the answer.
 */
import { CellError, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, firstError, lnGamma, na, num, numbers, plain, value } from './values';
import type { Scalar } from './values';

function rank(x: number, ref: unknown, order: number, average: boolean): number | CellError {
  const values = numbers(cellsOf(ref));
  const ties = values.filter((v) => v === x).length;
  if (ties === 0) return na('The number is not in the list.');
  const ahead = values.filter((v) => (order === 0 ? v > x : v < x)).length;
  return average ? ahead + (ties + 1) / 2 : ahead + 1;
}

function forecast(x: number, ys: unknown, xs: unknown): number | CellError {
  const yv = cellsOf(ys);
  const xv = cellsOf(xs);
  const error = firstError(yv) ?? firstError(xv);
  if (error) return error;
  if (yv.length !== xv.length) return na('The two ranges differ in size.');
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

/** The numbers of all the arguments (ranges and arrays: numbers only), or the first error. */
function sample(args: unknown[]): number[] | CellError {
  const cells: Scalar[] = args.flatMap(cellsOf);
  return firstError(cells) ?? numbers(cells);
}

/**
 * MODE's numbers: in ranges and arrays only numbers count, but an argument given directly (or a
 * single cell) must be a number — text, even "1", a logical or an empty cell is #VALUE! (Excel).
 */
function modeSample(args: unknown[]): number[] | CellError {
  const xs: number[] = [];
  for (const arg of args) {
    if (arg instanceof SimpleRangeValue) {
      const cells = cellsOf(arg);
      const error = firstError(cells);
      if (error) return error;
      xs.push(...numbers(cells));
      continue;
    }
    const x = plain(arg);
    if (x instanceof CellError) return x;
    if (typeof x !== 'number') return value('MODE takes numbers, not text or logicals, as direct arguments.');
    xs.push(x);
  }
  return xs;
}

/** The most frequent number; among equally frequent ones the first seen. Nothing repeated: #N/A. */
function mode(...args: unknown[]): number | CellError {
  const xs = modeSample(args);
  if (xs instanceof CellError) return xs;
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let most = 0;
  for (const c of counts.values()) most = Math.max(most, c);
  if (most < 2) return na('No value occurs more than once.');
  return xs.find((x) => counts.get(x) === most) as number;
}

/** The mean without the ⌊n·percent/2⌋ smallest and as many largest. */
function trimmean(ref: unknown, percent: number): number | CellError {
  const xs = sample([ref]);
  if (xs instanceof CellError) return xs;
  if (percent < 0 || percent >= 1) return num('The percentage must be in [0, 1).');
  if (xs.length === 0) return num('There are no numbers.');
  const cut = Math.floor((xs.length * percent) / 2);
  const kept = [...xs].sort((a, b) => a - b).slice(cut, xs.length - cut);
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

/**
 * PERCENTRANK: a listed value's share of values below it (inclusive: of n − 1; exclusive: rank of
 * n + 1), interpolated between neighbours, truncated (not rounded) to `significance` digits.
 */
function percentrank(ref: unknown, x: number, significance: number, exclusive: boolean): number | CellError {
  const xs = sample([ref]);
  if (xs instanceof CellError) return xs;
  const digits = Math.trunc(significance);
  if (digits < 1) return num('The significance must be at least 1.');
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0 || x < sorted[0] || x > sorted[n - 1]) return na('The value is outside the data.');
  // A listed value ranks by the values below it; between neighbours, the lower one counts from
  // its last copy (Excel: 12 in {-4,-1,3,7.5,12,12,56} ranks 0.666, 40 interpolates from 0.833).
  const share = (below: number) => (exclusive ? (below + 1) / (n + 1) : n === 1 ? 1 : below / (n - 1));
  const countBelow = (v: number) => sorted.filter((s) => s < v).length;
  let r: number;
  if (sorted.includes(x)) r = share(countBelow(x));
  else {
    const hi = sorted.findIndex((s) => s > x);
    const [a, b] = [sorted[hi - 1], sorted[hi]];
    const [ra, rb] = [share(hi - 1), share(hi)];
    r = ra + ((x - a) / (b - a)) * (rb - ra);
  }
  const scale = 10 ** digits;
  return Math.floor(Number((r * scale).toPrecision(15))) / scale;
}

function permut(n: number, k: number): number | CellError {
  const [a, b] = [Math.trunc(n), Math.trunc(k)];
  if (a <= 0 || b < 0 || a < b) return num('PERMUT needs 0 ≤ chosen ≤ number and number > 0.');
  let p = 1;
  for (let i = a - b + 1; i <= a; i++) p *= i;
  return Number.isFinite(p) ? p : num('The result is too large.');
}

function permutationa(n: number, k: number): number | CellError {
  const [a, b] = [Math.trunc(n), Math.trunc(k)];
  if (a < 0 || b < 0) return num('PERMUTATIONA needs numbers of at least 0.');
  const p = a ** b;
  return Number.isFinite(p) ? p : num('The result is too large.');
}

/** P(s ≤ successes ≤ s2) in `trials` trials, each term in logs so thousands of trials do not overflow. */
function binomDistRange(trials: number, p: number, s: number, s2?: number): number | CellError {
  const n = Math.trunc(trials);
  const lo = Math.trunc(s);
  const hi = s2 === undefined ? lo : Math.trunc(s2);
  if (n < 0 || p < 0 || p > 1 || lo < 0 || lo > n || hi < lo || hi > n) return num('The arguments are out of range.');
  const lnC = (k: number) => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
  let sum = 0;
  for (let k = lo; k <= hi; k++) {
    if (p === 0) sum += k === 0 ? 1 : 0;
    else if (p === 1) sum += k === n ? 1 : 0;
    else sum += Math.exp(lnC(k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }
  return Math.min(sum, 1);
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const ANY = { argumentType: FunctionArgumentType.ANY };
const RANK_ARGS = [NUMBER, RANGE, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }];
const PERCENTRANK_ARGS = [RANGE, NUMBER, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 3 }];

export class StatisticsPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    RANK: { method: 'rankEq', parameters: RANK_ARGS },
    'RANK.EQ': { method: 'rankEq', parameters: RANK_ARGS },
    'RANK.AVG': { method: 'rankAvg', parameters: RANK_ARGS },
    FORECAST: { method: 'forecast', parameters: [NUMBER, RANGE, RANGE] },
    'FORECAST.LINEAR': { method: 'forecast', parameters: [NUMBER, RANGE, RANGE] },
    MODE: { method: 'mode', parameters: [ANY], repeatLastArgs: 1 },
    'MODE.SNGL': { method: 'mode', parameters: [ANY], repeatLastArgs: 1 },
    TRIMMEAN: { method: 'trimmean', parameters: [RANGE, NUMBER] },
    PERCENTRANK: { method: 'percentrankInc', parameters: PERCENTRANK_ARGS },
    'PERCENTRANK.INC': { method: 'percentrankInc', parameters: PERCENTRANK_ARGS },
    'PERCENTRANK.EXC': { method: 'percentrankExc', parameters: PERCENTRANK_ARGS },
    PERMUT: { method: 'permut', parameters: [NUMBER, NUMBER] },
    PERMUTATIONA: { method: 'permutationa', parameters: [NUMBER, NUMBER] },
    'BINOM.DIST.RANGE': { method: 'binomDistRange', parameters: [NUMBER, NUMBER, NUMBER, { argumentType: FunctionArgumentType.NUMBER, optionalArg: true }] },
  };

  rankEq(ast: unknown, state: unknown) {
    return this.run(this.nameOf(ast), ast, state, (x: number, ref: unknown, order: number) => rank(x, ref, order, false));
  }

  rankAvg(ast: unknown, state: unknown) {
    return this.run('RANK.AVG', ast, state, (x: number, ref: unknown, order: number) => rank(x, ref, order, true));
  }

  forecast(ast: unknown, state: unknown) {
    return this.run(this.nameOf(ast), ast, state, forecast);
  }

  mode(ast: unknown, state: unknown) {
    return this.run(this.nameOf(ast), ast, state, mode);
  }

  trimmean(ast: unknown, state: unknown) {
    return this.run('TRIMMEAN', ast, state, trimmean);
  }

  percentrankInc(ast: unknown, state: unknown) {
    return this.run(this.nameOf(ast), ast, state, (ref: unknown, x: number, sig: number) => percentrank(ref, x, sig, false));
  }

  percentrankExc(ast: unknown, state: unknown) {
    return this.run('PERCENTRANK.EXC', ast, state, (ref: unknown, x: number, sig: number) => percentrank(ref, x, sig, true));
  }

  permut(ast: unknown, state: unknown) {
    return this.run('PERMUT', ast, state, permut);
  }

  permutationa(ast: unknown, state: unknown) {
    return this.run('PERMUTATIONA', ast, state, permutationa);
  }

  binomDistRange(ast: unknown, state: unknown) {
    return this.run('BINOM.DIST.RANGE', ast, state, binomDistRange);
  }
}
