/**
 * Least-squares fits the engine lacks: LINEST and LOGEST (coefficients, and on request Excel's
 * five rows of statistics), TREND and GROWTH (the fitted line or curve at new x values). One or
 * more x variables: the columns of known_x when known_y is a column, its rows when known_y is a row.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, num, rowsOf, value } from './values';

type Node = { type: string; procedureName?: string; value?: unknown; args?: Node[] };
const NA = () => new CellError(ErrorType.NA);

/** A grid of numbers: any other value is #VALUE! (an error, itself). */
function numericGrid(arg: unknown): number[][] | CellError {
  const grid = rowsOf(arg);
  for (const row of grid)
    for (const v of row) {
      if (v instanceof CellError) return v;
      if (typeof v !== 'number') return value('The data must be numbers.');
    }
  return grid as number[][];
}

interface Data {
  ys: number[];
  /** Observation by observation, the x variables in order. */
  xs: number[][];
  byColumn: boolean;
}

/** The observations; `newX` laid out like known_x (or 1, 2, … when known_x is omitted). */
function observations(yArg: unknown, xArg: unknown): Data | CellError {
  const yg = numericGrid(yArg);
  if (yg instanceof CellError) return yg;
  const byColumn = yg[0].length === 1;
  if (!byColumn && yg.length !== 1) return value('known_y must be a row or a column.');
  const ys = yg.flat();
  if (xArg === undefined) return { ys, xs: ys.map((_y, i) => [i + 1]), byColumn };
  const xg = numericGrid(xArg);
  if (xg instanceof CellError) return xg;
  const n = ys.length;
  if (xg.length * xg[0].length === n) return { ys, xs: xg.flat().map((x) => [x]), byColumn };
  if (byColumn && xg.length === n) return { ys, xs: xg, byColumn };
  if (!byColumn && xg[0].length === n) return { ys, xs: xg[0].map((_x, j) => xg.map((row) => row[j])), byColumn };
  return new CellError(ErrorType.REF, 'known_x does not match known_y.');
}

/** Solves the normal equations (X'X)β = X'y; undefined when they are singular. */
function solve(a: number[][], b: number[]): { beta: number[]; inverse: number[][] } | undefined {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_v, j) => (i === j ? 1 : 0)), b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-300) return undefined;
    [m[p], m[c]] = [m[c], m[p]];
    const d = m[c][c];
    for (let k = 0; k < m[c].length; k++) m[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c || m[r][c] === 0) continue;
      const f = m[r][c];
      for (let k = 0; k < m[r].length; k++) m[r][k] -= f * m[c][k];
    }
  }
  return { beta: m.map((row) => row[2 * n]), inverse: m.map((row) => row.slice(n, 2 * n)) };
}

interface Fit {
  /** Slopes in the order of the x variables. */
  slopes: number[];
  intercept: number;
  stats: { se: number[]; seB: number | CellError; r2: number; seY: number; f: number; df: number; ssReg: number; ssResid: number };
}

function fit(d: Data, withConstant: boolean): Fit | CellError {
  const n = d.ys.length;
  const k = d.xs[0].length;
  const rows = d.xs.map((x) => (withConstant ? [...x, 1] : x));
  const p = rows[0].length;
  const xtx = Array.from({ length: p }, (_r, i) => Array.from({ length: p }, (_c, j) => rows.reduce((s, row) => s + row[i] * row[j], 0)));
  const xty = Array.from({ length: p }, (_r, i) => rows.reduce((s, row, t) => s + row[i] * d.ys[t], 0));
  const solved = solve(xtx, xty);
  if (!solved) return num('The x values are collinear.');
  const { beta, inverse } = solved;
  const predicted = rows.map((row) => row.reduce((s, v, i) => s + v * beta[i], 0));
  const meanY = d.ys.reduce((s, y) => s + y, 0) / n;
  const ssResid = d.ys.reduce((s, y, t) => s + (y - predicted[t]) ** 2, 0);
  const ssReg = withConstant ? predicted.reduce((s, y) => s + (y - meanY) ** 2, 0) : predicted.reduce((s, y) => s + y * y, 0);
  const df = n - p;
  const seY = df > 0 ? Math.sqrt(ssResid / df) : NaN;
  const se = inverse.map((row, i) => Math.sqrt(row[i]) * seY);
  return {
    slopes: beta.slice(0, k),
    intercept: withConstant ? beta[k] : 0,
    stats: { se: se.slice(0, k), seB: withConstant ? se[k] : NA(), r2: ssReg / (ssReg + ssResid), seY, f: (ssReg / k) / (ssResid / df), df, ssReg, ssResid },
  };
}

const finite = (x: number): number | CellError => (Number.isFinite(x) ? x : num());

/** LINEST / LOGEST's table: the slopes last variable first, then the intercept; statistics below. */
function table(f: Fit, stats: boolean, exp: boolean): unknown[][] {
  const t = (x: number) => (exp ? Math.exp(x) : x);
  const width = f.slopes.length + 1;
  const first = [...f.slopes.map(t).reverse(), t(f.intercept)];
  if (!stats) return [first];
  const pad = (xs: unknown[]) => [...xs, ...Array(width - xs.length).fill(null).map(NA)];
  const s = f.stats;
  return [first, [...s.se.map(finite).reverse(), s.seB instanceof CellError ? s.seB : finite(s.seB)], pad([finite(s.r2), finite(s.seY)]), pad([finite(s.f), s.df]), pad([s.ssReg, s.ssResid])];
}

function logData(d: Data): Data | CellError {
  if (d.ys.some((y) => y <= 0)) return num('LOGEST and GROWTH need positive y values.');
  return { ...d, ys: d.ys.map(Math.log) };
}

function linest(exp: boolean) {
  return (yArg: unknown, xArg: unknown, withConstant: boolean, stats: boolean) => {
    let d = observations(yArg, xArg);
    if (!(d instanceof CellError) && exp) d = logData(d);
    if (d instanceof CellError) return d;
    const f = fit(d, withConstant);
    return f instanceof CellError ? f : SimpleRangeValue.onlyValues(table(f, stats, exp) as never);
  };
}

function trend(exp: boolean) {
  return (yArg: unknown, xArg: unknown, newArg: unknown, withConstant: boolean) => {
    let d = observations(yArg, xArg);
    if (!(d instanceof CellError) && exp) d = logData(d);
    if (d instanceof CellError) return d;
    const f = fit(d, withConstant);
    if (f instanceof CellError) return f;
    const k = f.slopes.length;
    const at = (x: number[]) => {
      const y = x.reduce((s, v, i) => s + v * f.slopes[i], f.intercept);
      return exp ? Math.exp(y) : y;
    };
    let grid: number[][];
    if (newArg === undefined) grid = xArg === undefined ? rowsOf(yArg).map((row, i) => row.map((_v, j) => i + j + 1)) : (numericGrid(xArg) as number[][]);
    else {
      const g = numericGrid(newArg);
      if (g instanceof CellError) return g;
      grid = g;
    }
    if (k === 1) return SimpleRangeValue.onlyValues(grid.map((row) => row.map((x) => at([x]))) as never);
    // Several variables: one prediction per observation of new_x (its rows, or its columns).
    if (d.byColumn) return grid[0].length === k ? SimpleRangeValue.onlyValues(grid.map((row) => [at(row)]) as never) : new CellError(ErrorType.REF);
    return grid.length === k ? SimpleRangeValue.onlyValues([grid[0].map((_x, j) => at(grid.map((row) => row[j])))] as never) : new CellError(ErrorType.REF);
  };
}

const OPTIONAL_RANGE = { argumentType: FunctionArgumentType.RANGE, optionalArg: true };
const TRUE_DEFAULT = { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true, emptyAsDefault: true };
const LINEST_ARGS = [{ argumentType: FunctionArgumentType.RANGE }, OPTIONAL_RANGE, TRUE_DEFAULT, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false, emptyAsDefault: true }];
const TREND_ARGS = [{ argumentType: FunctionArgumentType.RANGE }, OPTIONAL_RANGE, OPTIONAL_RANGE, TRUE_DEFAULT];

/** A literal TRUE / FALSE / number in the formula, or undefined. */
function literalFlag(node: Node | undefined): boolean | undefined {
  if (!node || node.type === 'EMPTY') return undefined;
  if (node.type === 'NUMBER') return node.value !== 0;
  if (node.type === 'FUNCTION_CALL' && !node.args?.length && (node.procedureName === 'TRUE' || node.procedureName === 'FALSE')) return node.procedureName === 'TRUE';
  return undefined;
}

export class RegressionPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    LINEST: { method: 'linest', sizeOfResultArrayMethod: 'linestSize', parameters: LINEST_ARGS, vectorizationForbidden: true },
    LOGEST: { method: 'logest', sizeOfResultArrayMethod: 'linestSize', parameters: LINEST_ARGS, vectorizationForbidden: true },
    TREND: { method: 'trend', sizeOfResultArrayMethod: 'trendSize', parameters: TREND_ARGS, vectorizationForbidden: true },
    GROWTH: { method: 'growth', sizeOfResultArrayMethod: 'trendSize', parameters: TREND_ARGS, vectorizationForbidden: true },
  };

  private size(node: Node | undefined, state: unknown): ArraySize | undefined {
    return node && node.type !== 'EMPTY' ? this.arraySizeForAst(node as never, state as never) : undefined;
  }

  /** The number of x variables the shapes imply. */
  private variables(args: Node[], state: unknown): number {
    const y = this.size(args[0], state);
    const x = this.size(args[1], state);
    if (!y || !x || x.width * x.height === y.width * y.height) return 1;
    return y.width === 1 ? x.width : x.height;
  }

  linest(ast: unknown, state: unknown) {
    return this.run('LINEST', ast, state, linest(false));
  }

  logest(ast: unknown, state: unknown) {
    return this.run('LOGEST', ast, state, linest(true));
  }

  /** The coefficients' row, and the four rows of statistics unless they are literally off. */
  linestSize(ast: unknown, state: unknown) {
    const args = (ast as { args: Node[] }).args;
    const stats = literalFlag(args[3]);
    return new ArraySize(this.variables(args, state) + 1, stats === false || (stats === undefined && (!args[3] || args[3].type === 'EMPTY')) ? 1 : 5);
  }

  trend(ast: unknown, state: unknown) {
    return this.run('TREND', ast, state, trend(false));
  }

  growth(ast: unknown, state: unknown) {
    return this.run('GROWTH', ast, state, trend(true));
  }

  trendSize(ast: unknown, state: unknown) {
    const args = (ast as { args: Node[] }).args;
    const k = this.variables(args, state);
    const target = this.size(args[2], state) ?? this.size(args[1], state) ?? this.size(args[0], state) ?? ArraySize.scalar();
    if (k === 1) return new ArraySize(target.width, target.height);
    const y = this.size(args[0], state);
    return y && y.width === 1 ? new ArraySize(1, target.height) : new ArraySize(target.width, 1);
  }
}
