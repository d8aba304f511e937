/**
 * Array functions the engine lacks: TAKE, DROP, CHOOSEROWS, CHOOSECOLS, TOCOL, TOROW, WRAPROWS,
 * WRAPCOLS, EXPAND, MUNIT, MINVERSE, MDETERM and MODE.MULT. The engine sizes an array result when
 * it reads the formula, before any value is known, so each declares its size from the arguments'
 * shapes and literal numbers; where a count is not a literal, the largest result it can give
 * (smaller results leave the rest of the area empty), or, when there is no such bound (EXPAND,
 * WRAPROWS, MUNIT), one cell.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, firstError, num, numbers, value } from './values';

type Grid = unknown[][];
type Node = { type: string; value?: unknown; args?: Node[] };

const gridOf = (arg: unknown): Grid => (arg instanceof SimpleRangeValue ? arg.data.map((r) => [...r]) : [[arg]]);
const result = (grid: Grid) => SimpleRangeValue.onlyValues(grid as never);
const calc = (message: string) => value(message);
const NA = () => new CellError(ErrorType.NA);

/** A literal number in the formula (`3`, `-2`, `"4"`), or undefined. */
function literal(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'NUMBER') return node.value as number;
  if (node.type === 'STRING') {
    const n = Number(node.value);
    return node.value !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (node.type === 'MINUS_UNARY_OP' || node.type === 'PLUS_UNARY_OP') {
    const n = literal(node.value as Node);
    return n === undefined ? undefined : node.type === 'MINUS_UNARY_OP' ? -n : n;
  }
  if (node.type === 'PARENTHESES') return literal((node as unknown as { expression: Node }).expression);
  return undefined;
}

const omitted = (node: Node | undefined) => node === undefined || node.type === 'EMPTY';

/** TAKE / DROP on one axis: the rows (or columns) kept, as a start and a count. */
function cut(length: number, n: number | undefined, take: boolean): { start: number; count: number } | CellError {
  if (n === undefined) return { start: 0, count: length };
  const k = Math.trunc(n);
  if (take) {
    if (k === 0) return calc('TAKE of no rows or columns is empty.');
    const count = Math.min(Math.abs(k), length);
    return { start: k > 0 ? 0 : length - count, count };
  }
  const count = length - Math.min(Math.abs(k), length);
  if (count === 0) return calc('DROP left nothing.');
  return { start: k > 0 ? Math.min(k, length) : 0, count };
}

function takeDrop(take: boolean) {
  return (arg: unknown, rows?: number, cols?: number) => {
    const grid = gridOf(arg);
    const r = cut(grid.length, rows, take);
    const c = cut(grid[0].length, cols, take);
    if (r instanceof CellError) return r;
    if (c instanceof CellError) return c;
    return result(grid.slice(r.start, r.start + r.count).map((row) => row.slice(c.start, c.start + c.count)));
  };
}

/** CHOOSEROWS / CHOOSECOLS indices: 1-based, negative from the end; 0 or beyond the array is #VALUE!. */
function pick(length: number, picks: unknown[]): number[] | CellError {
  const out: number[] = [];
  for (const p of picks.flatMap(cellsOf)) {
    if (p instanceof CellError) return p;
    const k = Math.trunc(Number(p));
    if (typeof p !== 'number' && typeof p !== 'boolean' && (typeof p !== 'string' || p.trim() === '' || Number.isNaN(Number(p)))) return calc('The index is not a number.');
    if (k === 0 || Math.abs(k) > length) return calc('The index is outside the array.');
    out.push(k > 0 ? k - 1 : length + k);
  }
  return out;
}

function chooseRows(arg: unknown, ...picks: unknown[]) {
  const grid = gridOf(arg);
  const rows = pick(grid.length, picks);
  return rows instanceof CellError ? rows : result(rows.map((r) => grid[r]));
}

function chooseCols(arg: unknown, ...picks: unknown[]) {
  const grid = gridOf(arg);
  const cols = pick(grid[0].length, picks);
  return cols instanceof CellError ? cols : result(grid.map((row) => cols.map((c) => row[c])));
}

/** TOCOL / TOROW: ignore 0 keeps all, 1 skips blanks, 2 errors, 3 both; by rows unless by column. */
function flatten(arg: unknown, ignore: number, byColumn: boolean): unknown[] | CellError {
  if (![0, 1, 2, 3].includes(ignore)) return value('Ignore must be 0 to 3.');
  const grid = gridOf(arg);
  const cells = byColumn ? grid[0].flatMap((_c, j) => grid.map((row) => row[j])) : grid.flat();
  const kept = cells.filter((v) => !((ignore & 1 && v === EmptyValue) || (ignore & 2 && v instanceof CellError)));
  return kept.length ? kept : calc('Nothing is left.');
}

function wrap(byRows: boolean) {
  return (arg: unknown, count: number, pad: unknown) => {
    const grid = gridOf(arg);
    if (grid.length > 1 && grid[0].length > 1) return value('Only a row or a column can be wrapped.');
    const cells = grid.flat();
    const n = Math.trunc(count);
    if (n < 1) return num('The wrap count must be at least 1.');
    const lines: Grid = [];
    for (let i = 0; i < cells.length; i += n) {
      const line = cells.slice(i, i + n);
      while (line.length < n) line.push(pad === undefined ? NA() : pad);
      lines.push(line);
    }
    return result(byRows ? lines : lines[0].map((_c, j) => lines.map((l) => l[j])));
  };
}

function expand(arg: unknown, rows: number | undefined, cols: number | undefined, pad: unknown) {
  const grid = gridOf(arg);
  const h = rows === undefined ? grid.length : Math.trunc(rows);
  const w = cols === undefined ? grid[0].length : Math.trunc(cols);
  if (h < grid.length || w < grid[0].length) return value('EXPAND cannot shrink the array.');
  const filler = pad === undefined ? NA() : pad;
  return result(Array.from({ length: h }, (_r, i) => Array.from({ length: w }, (_c, j) => (i < grid.length && j < grid[0].length ? grid[i][j] : filler))));
}

function munit(n: number) {
  const k = Math.trunc(n);
  if (k < 1) return value('The dimension must be at least 1.');
  return result(Array.from({ length: k }, (_r, i) => Array.from({ length: k }, (_c, j) => (i === j ? 1 : 0))));
}

/** A square matrix of numbers (empty cells, text and logicals are #VALUE!, as in Excel). */
function matrix(arg: unknown): number[][] | CellError {
  const grid = gridOf(arg);
  if (grid.length !== grid[0].length) return value('The matrix must be square.');
  const error = firstError(grid.flat() as never);
  if (error) return error;
  if (grid.flat().some((v) => typeof v !== 'number')) return value('The matrix must hold numbers only.');
  return grid as number[][];
}

/** Gaussian elimination with partial pivoting: the determinant and, on request, the inverse. */
function eliminate(m: number[][], invert: boolean): { det: number; inverse?: number[][] } {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...(invert ? row.map((_v, j) => (i === j ? 1 : 0)) : [])]);
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (a[p][c] === 0) return { det: 0 };
    if (p !== c) {
      [a[p], a[c]] = [a[c], a[p]];
      det = -det;
    }
    det *= a[c][c];
    for (let r = 0; r < n; r++) {
      if (r === c || (!invert && r < c)) continue;
      const f = a[r][c] / a[c][c];
      if (f !== 0) for (let k = c; k < a[r].length; k++) a[r][k] -= f * a[c][k];
    }
  }
  return { det, inverse: invert ? a.map((row, i) => row.slice(n).map((v) => v / a[i][i])) : undefined };
}

function mdeterm(arg: unknown) {
  const m = matrix(arg);
  return m instanceof CellError ? m : eliminate(m, false).det;
}

function minverse(arg: unknown) {
  const m = matrix(arg);
  if (m instanceof CellError) return m;
  const { det, inverse } = eliminate(m, true);
  return det === 0 || !inverse ? num('The matrix has no inverse.') : result(inverse);
}

/** MODE.MULT: every most frequent number, in order of first appearance, as a column. */
function modeMult(...args: unknown[]) {
  const cells = args.flatMap(cellsOf);
  const error = firstError(cells);
  if (error) return error;
  const xs = numbers(cells);
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  if (most < 2) return NA();
  return result([...counts].filter(([, c]) => c === most).map(([x]) => [x]));
}

const ANY = { argumentType: FunctionArgumentType.ANY };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPT_NUMBER = { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, emptyAsDefault: true };
const OPT_ANY = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
const ARRAY = { vectorizationForbidden: true };

export class ArrayFunctionsPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    TAKE: { method: 'take', sizeOfResultArrayMethod: 'takeSize', parameters: [RANGE, OPT_NUMBER, OPT_NUMBER], ...ARRAY },
    DROP: { method: 'drop', sizeOfResultArrayMethod: 'dropSize', parameters: [RANGE, OPT_NUMBER, OPT_NUMBER], ...ARRAY },
    CHOOSEROWS: { method: 'chooseRows', sizeOfResultArrayMethod: 'chooseRowsSize', parameters: [RANGE, ANY], repeatLastArgs: 1, ...ARRAY },
    CHOOSECOLS: { method: 'chooseCols', sizeOfResultArrayMethod: 'chooseColsSize', parameters: [RANGE, ANY], repeatLastArgs: 1, ...ARRAY },
    TOCOL: { method: 'tocol', sizeOfResultArrayMethod: 'tocolSize', parameters: [RANGE, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 }, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false }], ...ARRAY },
    TOROW: { method: 'torow', sizeOfResultArrayMethod: 'torowSize', parameters: [RANGE, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 }, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false }], ...ARRAY },
    WRAPROWS: { method: 'wraprows', sizeOfResultArrayMethod: 'wraprowsSize', parameters: [RANGE, { argumentType: FunctionArgumentType.NUMBER }, OPT_ANY], ...ARRAY },
    WRAPCOLS: { method: 'wrapcols', sizeOfResultArrayMethod: 'wrapcolsSize', parameters: [RANGE, { argumentType: FunctionArgumentType.NUMBER }, OPT_ANY], ...ARRAY },
    EXPAND: { method: 'expand', sizeOfResultArrayMethod: 'expandSize', parameters: [RANGE, OPT_NUMBER, OPT_NUMBER, OPT_ANY], ...ARRAY },
    MUNIT: { method: 'munit', sizeOfResultArrayMethod: 'munitSize', parameters: [{ argumentType: FunctionArgumentType.NUMBER }], ...ARRAY },
    MINVERSE: { method: 'minverse', sizeOfResultArrayMethod: 'minverseSize', parameters: [RANGE], ...ARRAY },
    MDETERM: { method: 'mdeterm', parameters: [RANGE], ...ARRAY },
    'MODE.MULT': { method: 'modeMult', sizeOfResultArrayMethod: 'modeMultSize', parameters: [ANY], repeatLastArgs: 1, ...ARRAY },
  };

  private sizeOf(node: Node | undefined, state: unknown): ArraySize {
    return node ? this.arraySizeForAst(node as never, state as never) : ArraySize.scalar();
  }

  private args(ast: unknown): Node[] {
    return (ast as { args: Node[] }).args;
  }

  take(ast: unknown, state: unknown) {
    return this.run('TAKE', ast, state, takeDrop(true));
  }

  takeSize(ast: unknown, state: unknown) {
    const [a, r, c] = this.args(ast);
    const s = this.sizeOf(a, state);
    const along = (length: number, node: Node | undefined) => (omitted(node) ? length : Math.max(1, Math.min(length, Math.abs(Math.trunc(literal(node) ?? length)))));
    return new ArraySize(along(s.width, c), along(s.height, r));
  }

  drop(ast: unknown, state: unknown) {
    return this.run('DROP', ast, state, takeDrop(false));
  }

  dropSize(ast: unknown, state: unknown) {
    const [a, r, c] = this.args(ast);
    const s = this.sizeOf(a, state);
    const along = (length: number, node: Node | undefined) => (omitted(node) ? length : Math.max(1, length - Math.abs(Math.trunc(literal(node) ?? 0))));
    return new ArraySize(along(s.width, c), along(s.height, r));
  }

  chooseRows(ast: unknown, state: unknown) {
    return this.run('CHOOSEROWS', ast, state, chooseRows);
  }

  private picked(ast: unknown, state: unknown): number {
    return this.args(ast)
      .slice(1)
      .reduce((n, node) => {
        const s = this.sizeOf(node, state);
        return n + s.width * s.height;
      }, 0);
  }

  chooseRowsSize(ast: unknown, state: unknown) {
    return new ArraySize(this.sizeOf(this.args(ast)[0], state).width, Math.max(1, this.picked(ast, state)));
  }

  chooseCols(ast: unknown, state: unknown) {
    return this.run('CHOOSECOLS', ast, state, chooseCols);
  }

  chooseColsSize(ast: unknown, state: unknown) {
    return new ArraySize(Math.max(1, this.picked(ast, state)), this.sizeOf(this.args(ast)[0], state).height);
  }

  tocol(ast: unknown, state: unknown) {
    return this.run('TOCOL', ast, state, (arg: unknown, ignore: number, byColumn: boolean) => {
      const cells = flatten(arg, ignore, byColumn);
      return cells instanceof CellError ? cells : result(cells.map((v) => [v]));
    });
  }

  tocolSize(ast: unknown, state: unknown) {
    const s = this.sizeOf(this.args(ast)[0], state);
    return new ArraySize(1, s.width * s.height);
  }

  torow(ast: unknown, state: unknown) {
    return this.run('TOROW', ast, state, (arg: unknown, ignore: number, byColumn: boolean) => {
      const cells = flatten(arg, ignore, byColumn);
      return cells instanceof CellError ? cells : result([cells]);
    });
  }

  torowSize(ast: unknown, state: unknown) {
    const s = this.sizeOf(this.args(ast)[0], state);
    return new ArraySize(s.width * s.height, 1);
  }

  wraprows(ast: unknown, state: unknown) {
    return this.run('WRAPROWS', ast, state, wrap(true));
  }

  /** The wrapped shape; a count that is not a literal cannot be sized, so it answers one cell. */
  private wrapped(ast: unknown, state: unknown): { across: number; down: number } | undefined {
    const [a, count] = this.args(ast);
    const s = this.sizeOf(a, state);
    const n = Math.trunc(literal(count) ?? 0);
    if (n < 1) return undefined;
    return { across: n, down: Math.ceil((s.width * s.height) / n) };
  }

  wraprowsSize(ast: unknown, state: unknown) {
    const w = this.wrapped(ast, state);
    return w ? new ArraySize(w.across, w.down) : ArraySize.scalar();
  }

  wrapcols(ast: unknown, state: unknown) {
    return this.run('WRAPCOLS', ast, state, wrap(false));
  }

  wrapcolsSize(ast: unknown, state: unknown) {
    const w = this.wrapped(ast, state);
    return w ? new ArraySize(w.down, w.across) : ArraySize.scalar();
  }

  expand(ast: unknown, state: unknown) {
    return this.run('EXPAND', ast, state, expand);
  }

  expandSize(ast: unknown, state: unknown) {
    const [a, r, c] = this.args(ast);
    const s = this.sizeOf(a, state);
    // A size that is not a literal could exceed any guess: such a call answers in one cell.
    if ((!omitted(r) && literal(r) === undefined) || (!omitted(c) && literal(c) === undefined)) return ArraySize.scalar();
    const along = (length: number, node: Node | undefined) => (omitted(node) ? length : Math.max(length, Math.trunc(literal(node) as number)));
    return new ArraySize(along(s.width, c), along(s.height, r));
  }

  munit(ast: unknown, state: unknown) {
    return this.run('MUNIT', ast, state, munit);
  }

  munitSize(ast: unknown) {
    const n = Math.trunc(literal(this.args(ast)[0]) ?? 1);
    return n >= 1 ? new ArraySize(n, n) : ArraySize.scalar();
  }

  minverse(ast: unknown, state: unknown) {
    return this.run('MINVERSE', ast, state, minverse);
  }

  minverseSize(ast: unknown, state: unknown) {
    const s = this.sizeOf(this.args(ast)[0], state);
    return new ArraySize(s.width, s.height);
  }

  mdeterm(ast: unknown, state: unknown) {
    return this.run('MDETERM', ast, state, mdeterm);
  }

  modeMult(ast: unknown, state: unknown) {
    return this.run('MODE.MULT', ast, state, modeMult);
  }

  /** At most half the numbers can each occur twice or more. */
  modeMultSize(ast: unknown, state: unknown) {
    const cells = this.args(ast).reduce((n, node) => {
      const s = this.sizeOf(node, state);
      return n + s.width * s.height;
    }, 0);
    return new ArraySize(1, Math.max(1, Math.floor(cells / 2)));
  }
}
