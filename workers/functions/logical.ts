/**
 * AND, OR and XOR as Excel reads their arguments, LCM and GCD, which skip empty cells, and CHAR with Windows-1252 (Excel's code page
 * for CHAR on Windows) for 128–159. In a reference (a cell or a range) only logicals and numbers
 * count — text, even "TRUE", and empty cells are skipped; given directly, "TRUE"/"FALSE" are
 * logicals and "" is skipped; other text is #VALUE!. With nothing left to test the answer is
 * #VALUE!; the first error is the answer.
 */
import { CellError, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, num, plain, value } from './values';

const REFERENCE_NODES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE', 'NAMED_EXPRESSION']);

/** The logical values of the arguments, or the error that answers the call. */
function logicals(args: unknown[], fromReference: boolean[]): boolean[] | CellError {
  const out: boolean[] = [];
  for (const [i, arg] of args.entries()) {
    const cells = arg instanceof SimpleRangeValue ? arg.valuesFromTopLeftCorner().map(plain) : [plain(arg)];
    const reference = arg instanceof SimpleRangeValue || fromReference[i];
    for (const v of cells) {
      if (v instanceof CellError) return v;
      if (typeof v === 'boolean') out.push(v);
      else if (typeof v === 'number') out.push(v !== 0);
      else if (typeof v === 'string' && !reference) {
        const t = v.toUpperCase();
        if (t === 'TRUE' || t === 'FALSE') out.push(t === 'TRUE');
        else if (v !== '') return value('Text is not a logical value.');
      }
    }
  }
  return out.length ? out : value('There is no logical value to test.');
}

const CP1252: Record<number, number> = {
  128: 0x20ac, 130: 0x201a, 131: 0x0192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x02c6, 137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017d,
  145: 0x2018, 146: 0x2019, 147: 0x201c, 148: 0x201d, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x02dc, 153: 0x2122, 154: 0x0161, 155: 0x203a, 156: 0x0153, 158: 0x017e, 159: 0x0178,
};

/** CHAR: codes 1–255 of Windows-1252 (the five it leaves undefined stay their Latin-1 control characters). */
function char(x: number): string | CellError {
  const n = Math.trunc(x);
  if (n < 1 || n > 255) return value('CHAR takes 1 to 255.');
  return String.fromCharCode(CP1252[n] ?? n);
}

/**
 * The integers LCM and GCD take: empty cells skipped, numbers (and numeric text) truncated,
 * logicals and other text #VALUE!, negatives or 2^53 and beyond #NUM!; none at all is #VALUE!.
 */
function integers(args: unknown[]): number[] | CellError {
  const out: number[] = [];
  for (const arg of args) {
    const cells = arg instanceof SimpleRangeValue ? arg.valuesFromTopLeftCorner().map(plain) : [plain(arg)];
    for (const v of cells) {
      if (v instanceof CellError) return v;
      if (v === null || v === undefined) continue;
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n)) return value('LCM and GCD take numbers.');
      if (n < 0 || n >= 2 ** 53) return num('LCM and GCD take numbers from 0 to 2^53.');
      out.push(Math.trunc(n));
    }
  }
  return out.length ? out : value('LCM and GCD take numbers.');
}

const gcd2 = (a: number, b: number): number => (b === 0 ? a : gcd2(b, a % b));

function gcd(...args: unknown[]): number | CellError {
  const xs = integers(args);
  return xs instanceof CellError ? xs : xs.reduce(gcd2, 0);
}

function lcm(...args: unknown[]): number | CellError {
  const xs = integers(args);
  if (xs instanceof CellError) return xs;
  let r = 1;
  for (const x of xs) {
    if (x === 0) return 0;
    r = (r / gcd2(r, x)) * x;
    if (r >= 2 ** 53) return num('The least common multiple is 2^53 or more.');
  }
  return r;
}

const ANY = [{ argumentType: FunctionArgumentType.ANY }];

export class LogicalPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    AND: { method: 'and', parameters: ANY, repeatLastArgs: 1 },
    OR: { method: 'or', parameters: ANY, repeatLastArgs: 1 },
    XOR: { method: 'xor', parameters: ANY, repeatLastArgs: 1 },
    CHAR: { method: 'char', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    GCD: { method: 'gcd', parameters: ANY, repeatLastArgs: 1 },
    LCM: { method: 'lcm', parameters: ANY, repeatLastArgs: 1 },
  };

  gcd(ast: unknown, state: unknown) {
    return this.run('GCD', ast, state, gcd);
  }

  lcm(ast: unknown, state: unknown) {
    return this.run('LCM', ast, state, lcm);
  }

  private logical(name: string, ast: unknown, state: unknown, combine: (xs: boolean[]) => boolean) {
    const nodes = ((ast as { args?: { type?: string }[] }).args ?? []).map((a) => REFERENCE_NODES.has(String(a?.type)));
    return this.run(name, ast, state, (...args: unknown[]) => {
      const xs = logicals(args, nodes);
      return xs instanceof CellError ? xs : combine(xs);
    });
  }

  and(ast: unknown, state: unknown) {
    return this.logical('AND', ast, state, (xs) => xs.every(Boolean));
  }

  or(ast: unknown, state: unknown) {
    return this.logical('OR', ast, state, (xs) => xs.some(Boolean));
  }

  xor(ast: unknown, state: unknown) {
    return this.logical('XOR', ast, state, (xs) => xs.filter(Boolean).length % 2 === 1);
  }

  char(ast: unknown, state: unknown) {
    return this.run('CHAR', ast, state, char);
  }
}
