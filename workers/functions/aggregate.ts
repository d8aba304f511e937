/**
 * KURT, AGGREGATE and FREQUENCY, which the engine lacks, and PRODUCT, whose product of no numbers
 * is 0 in Excel (the engine's is 1). AGGREGATE's options that skip hidden
 * rows cannot apply (the engine knows no hidden rows: every row counts as shown) and nested
 * SUBTOTAL / AGGREGATE results are not told apart; the options that skip error values (2, 3, 6, 7) do.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, firstError, na, num, numbers, plain, value } from './values';
import type { Scalar } from './values';

const div0 = () => new CellError(ErrorType.DIV_BY_ZERO);

/**
 * Numbers of the arguments: in ranges (and single-cell references, `isReference`) only numbers;
 * given directly, numeric text and logicals count too.
 */
function directNumbers(args: unknown[], isReference: (i: number) => boolean = () => false): number[] | CellError {
  const xs: number[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg instanceof SimpleRangeValue || isReference(i)) {
      const cells = cellsOf(arg);
      const error = firstError(cells);
      if (error) return error;
      xs.push(...numbers(cells));
      continue;
    }
    const x = plain(arg);
    if (x instanceof CellError) return x;
    if (typeof x === 'number') xs.push(x);
    else if (typeof x === 'boolean') xs.push(Number(x));
    else if (typeof x === 'string') {
      const n = x.trim() === '' ? NaN : Number(x);
      if (!Number.isFinite(n)) return value('The text is not a number.');
      xs.push(n);
    }
  }
  return xs;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const squares = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0);
};

/** Sample excess kurtosis: at least four numbers and a non-zero spread. */
export function kurt(...args: unknown[]): number | CellError {
  const xs = directNumbers(args);
  if (xs instanceof CellError) return xs;
  const n = xs.length;
  if (n < 4) return div0();
  const m = mean(xs);
  const s = Math.sqrt(squares(xs) / (n - 1));
  if (s === 0) return div0();
  const sum4 = xs.reduce((t, x) => t + ((x - m) / s) ** 4, 0);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

/** PRODUCT: ranges and references count their numbers only; no numbers at all is 0. */
function product(args: unknown[], isReference: (i: number) => boolean): number | CellError {
  const xs = directNumbers(args, isReference);
  if (xs instanceof CellError) return xs;
  return xs.length ? xs.reduce((p, x) => p * x, 1) : 0;
}

function percentileInc(sorted: number[], p: number): number | CellError {
  if (!sorted.length || p < 0 || p > 1) return num('The percentile must be in [0, 1].');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

function percentileExc(sorted: number[], p: number): number | CellError {
  const n = sorted.length;
  const h = (n + 1) * p - 1;
  if (!n || p <= 0 || p >= 1 || h < 0 || h > n - 1) return num('The percentile is outside the data.');
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

function modeSngl(xs: number[]): number | CellError {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | undefined;
  for (const x of xs) if ((counts.get(x) as number) > 1 && (best === undefined || (counts.get(x) as number) > (counts.get(best) as number))) best = x;
  return best === undefined ? na('No value occurs more than once.') : best;
}

/** AGGREGATE's functions 1–13 over the numbers (COUNTA over every non-empty value). */
function aggregateOf(fn: number, xs: number[], nonEmpty: number): number | CellError {
  const n = xs.length;
  switch (fn) {
    case 1: return n ? mean(xs) : div0();
    case 2: return n;
    case 3: return nonEmpty;
    case 4: return n ? Math.max(...xs) : 0;
    case 5: return n ? Math.min(...xs) : 0;
    case 6: return n ? xs.reduce((p, x) => p * x, 1) : 0;
    case 7: return n > 1 ? Math.sqrt(squares(xs) / (n - 1)) : div0();
    case 8: return n ? Math.sqrt(squares(xs) / n) : div0();
    case 9: return xs.reduce((s, x) => s + x, 0);
    case 10: return n > 1 ? squares(xs) / (n - 1) : div0();
    case 11: return n ? squares(xs) / n : div0();
    case 12: {
      if (!n) return num('There are no numbers.');
      const s = [...xs].sort((a, b) => a - b);
      return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
    case 13: return modeSngl(xs);
    default: return value('The function number must be 1 to 19.');
  }
}

/** AGGREGATE's functions 14–19, which take a k (a rank, percentile or quartile). */
function aggregateK(fn: number, xs: number[], k: number): number | CellError {
  const s = [...xs].sort((a, b) => a - b);
  switch (fn) {
    case 14:
    case 15: {
      const r = Math.ceil(k);
      if (r < 1 || r > s.length) return num('k is outside the data.');
      return fn === 14 ? s[s.length - r] : s[r - 1];
    }
    case 16: return percentileInc(s, k);
    case 17: {
      const q = Math.trunc(k);
      return q < 0 || q > 4 ? num('The quartile must be 0 to 4.') : percentileInc(s, q / 4);
    }
    case 18: return percentileExc(s, k);
    default: {
      const q = Math.trunc(k);
      return q < 1 || q > 3 ? num('The quartile must be 1 to 3.') : percentileExc(s, q / 4);
    }
  }
}

function aggregate(fnArg: number, optionArg: number, ...refs: unknown[]): number | CellError {
  const fn = Math.trunc(fnArg);
  const option = Math.trunc(optionArg);
  if (fn < 1 || fn > 19) return value('The function number must be 1 to 19.');
  if (option < 0 || option > 7) return value('The option must be 0 to 7.');
  const skipErrors = option === 2 || option === 3 || option === 6 || option === 7;
  let k: number | undefined;
  if (fn >= 14) {
    if (refs.length !== 2) return value('Functions 14 to 19 take an array and k.');
    const kv = plain(refs[1]);
    if (kv instanceof CellError) return kv;
    k = typeof kv === 'number' ? kv : typeof kv === 'boolean' ? Number(kv) : Number(kv);
    if (kv === null || kv === undefined || !Number.isFinite(k)) return value('k must be a number.');
    refs = [refs[0]];
  }
  const cells: Scalar[] = refs.flatMap(cellsOf);
  if (!skipErrors) {
    const error = firstError(cells);
    if (error) return error;
  }
  const xs = numbers(cells);
  const nonEmpty = cells.filter((c) => c !== null && c !== undefined && !(c instanceof CellError)).length;
  return k === undefined ? aggregateOf(fn, xs, nonEmpty) : aggregateK(fn, xs, k);
}

/** FREQUENCY: per bin (sorted), the count of numbers above the previous bin and up to it; then those above all. */
function frequency(data: unknown, bins: unknown) {
  const xs = cellsOf(data);
  const bs = cellsOf(bins);
  const error = firstError(xs) ?? firstError(bs);
  if (error) return error;
  const values = numbers(xs);
  const edges = numbers(bs);
  const order = [...edges].sort((a, b) => a - b);
  const countIn = (edge: number) => {
    const i = order.indexOf(edge);
    // Repeated bins: only the first copy gets the interval.
    const lower = i > 0 ? order[i - 1] : -Infinity;
    if (i > 0 && lower === edge) return 0;
    return values.filter((v) => v > lower && v <= edge).length;
  };
  const seen = new Set<number>();
  const counts = edges.map((e) => {
    const c = seen.has(e) ? 0 : countIn(e);
    seen.add(e);
    return [c];
  });
  counts.push([values.filter((v) => v > (order.length ? order[order.length - 1] : -Infinity)).length]);
  return SimpleRangeValue.onlyValues(counts as never);
}

const ANY = { argumentType: FunctionArgumentType.ANY };
const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const RANGE = { argumentType: FunctionArgumentType.RANGE };

export class AggregatePlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    KURT: { method: 'kurt', parameters: [ANY], repeatLastArgs: 1 },
    PRODUCT: { method: 'product', parameters: [ANY], repeatLastArgs: 1 },
    AGGREGATE: { method: 'aggregate', parameters: [NUMBER, NUMBER, ANY], repeatLastArgs: 1 },
    FREQUENCY: { method: 'frequency', sizeOfResultArrayMethod: 'frequencySize', parameters: [RANGE, RANGE], vectorizationForbidden: true },
  };

  kurt(ast: unknown, state: unknown) {
    return this.run('KURT', ast, state, kurt);
  }

  product(ast: unknown, state: unknown) {
    // The engine hands a one-cell reference over as its value: the formula tells which arguments were references.
    const nodes = (ast as { args: { type: string; procedureName?: string }[] }).args;
    const isReference = (i: number) => nodes[i]?.type === 'CELL_REFERENCE' || (nodes[i]?.type === 'FUNCTION_CALL' && nodes[i].procedureName === 'INDIRECT');
    return this.run('PRODUCT', ast, state, (...args: unknown[]) => product(args, isReference));
  }

  aggregate(ast: unknown, state: unknown) {
    return this.run('AGGREGATE', ast, state, aggregate);
  }

  frequency(ast: unknown, state: unknown) {
    return this.run('FREQUENCY', ast, state, frequency);
  }

  /** One count per bin and one above them all. */
  frequencySize(ast: unknown, state: unknown) {
    const bins = (ast as { args: unknown[] }).args[1];
    if (!bins) return ArraySize.error();
    const s = this.arraySizeForAst(bins as never, state as never);
    return new ArraySize(1, s.width * s.height + 1);
  }
}
