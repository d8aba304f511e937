/** LOOKUP (vector and array forms) and XMATCH, which the engine lacks. */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, cellsOf, na, plain, rowsOf, value } from './values';
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


/** Excel's wildcards (* any run, ? one character, ~ escapes) as a whole-text, case-blind pattern. */
function wildcard(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '~' && i + 1 < pattern.length) out += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

/** Order between values of one kind (numbers, text ignoring case, logicals); other pairs are not comparable. */
function compare(a: Scalar, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

/**
 * XMATCH: the 1-based position of the value in a row or column. Match mode 0 exact, −1 exact or
 * the next smaller, 1 exact or the next larger, 2 wildcards, 3 a regular expression; search mode 1
 * from the first, −1 from the last, 2 / −2 binary search on data sorted up / down.
 */
function xmatch(x: Scalar, arg: unknown, matchMode: number, searchMode: number): number | CellError {
  if (x instanceof CellError) return x;
  const grid = rowsOf(arg);
  if (grid.length > 1 && (grid[0]?.length ?? 0) > 1) return value('XMATCH looks in one row or one column.');
  const items = grid.length > 1 ? grid.map((r) => r[0]) : grid[0] ?? [];
  if (![0, -1, 1, 2, 3].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode)) return value('Unknown match or search mode.');
  const key: Scalar = x ?? 0;
  let test: (v: Scalar) => boolean;
  if (matchMode === 2 && typeof key === 'string') {
    const re = wildcard(key);
    test = (v) => typeof v === 'string' && re.test(v);
  } else if (matchMode === 3 && typeof key === 'string') {
    let re: RegExp;
    try {
      re = new RegExp(key);
    } catch {
      return value('The regular expression is not valid.');
    }
    test = (v) => typeof v === 'string' && re.test(v);
  } else test = (v) => compare(v, key) === 0;

  if (Math.abs(searchMode) === 2) {
    // Binary search over data sorted ascending (2) or descending (−2), as Excel does it.
    const dir = searchMode === 2 ? 1 : -1;
    let [lo, hi, best] = [0, items.length - 1, -1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(items[mid], key);
      if (c === undefined) return na('The value is not in the list.');
      if (c === 0) return mid + 1;
      if (c * dir < 0) {
        if (matchMode === -1 && dir === 1) best = mid;
        if (matchMode === 1 && dir === -1) best = mid;
        lo = mid + 1;
      } else {
        if (matchMode === 1 && dir === 1) best = mid;
        if (matchMode === -1 && dir === -1) best = mid;
        hi = mid - 1;
      }
    }
    return best >= 0 ? best + 1 : na('The value is not in the list.');
  }
  const order = items.map((_v, i) => i);
  if (searchMode === -1) order.reverse();
  for (const i of order) if (test(items[i])) return i + 1;
  if (matchMode === -1 || matchMode === 1) {
    // No exact match: the nearest smaller (−1) or larger (1) value, the first of equals in search order.
    let best = -1;
    for (const i of order) {
      const c = compare(items[i], key);
      if (c === undefined || (matchMode === -1 ? c > 0 : c < 0)) continue;
      if (best < 0 || (matchMode === -1 ? compare(items[i], items[best])! > 0 : compare(items[i], items[best])! < 0)) best = i;
    }
    if (best >= 0) return best + 1;
  }
  return na('The value is not in the list.');
}

const ANY = { argumentType: FunctionArgumentType.ANY };

export class LookupPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    LOOKUP: { method: 'lookup', parameters: [ANY, ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
    XMATCH: {
      method: 'xmatch',
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 }, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 1 }],
    },
  };

  lookup(ast: unknown, state: unknown) {
    return this.run('LOOKUP', ast, state, (x: unknown, keys: unknown, results?: unknown) => lookup(plain(x), keys, results));
  }

  xmatch(ast: unknown, state: unknown) {
    return this.run('XMATCH', ast, state, (x: unknown, arg: unknown, match: number, search: number) => xmatch(plain(x), arg, match, search));
  }
}
