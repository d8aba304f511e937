/**
 * GESTEP, ERF.PRECISE, ERFC.PRECISE and CONVERT, which the engine lacks, and COMPLEX, whose
 * suffix Excel takes as "i" when it is empty (an empty cell or ""), where the engine refuses it. Excel's engineering functions take
 * numeric text but refuse logicals (#VALUE!), so the arguments are read here, not coerced by the engine.
 */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { convert } from './convert';
import { ExcelPlugin, engineeringNumber, num, plain, value } from './values';

/** erfc(x) for x ≥ 0: the series of erf for small x, the continued fraction (relative accuracy) beyond. */
function erfcPositive(x: number): number {
  if (x < 2.5) {
    // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), every term positive.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export const erf = (x: number): number => (x >= 0 ? 1 - erfcPositive(x) : erfcPositive(-x) - 1);
export const erfc = (x: number): number => (x >= 0 ? erfcPositive(x) : 2 - erfcPositive(-x));

const ANY = { argumentType: FunctionArgumentType.ANY };

/**
 * A complex number's part as Excel writes it in COMPLEX: 15 significant digits, written out in
 * full while that takes at most 20 characters (1E-18 is "0.000000000000000001"), else in Excel's
 * scientific form ("1.2E-45", "1E-20").
 */
export function complexPart(x: number): string {
  const n = Number(x.toPrecision(15));
  const abs = Math.abs(n);
  const full = abs.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
  const sign = n < 0 ? '-' : '';
  if (full.length <= 20) return sign + full;
  return sign + abs.toExponential().replace(/e\+?/, 'E').replace(/\.?0+E/, 'E');
}

/** COMPLEX(real, imaginary, suffix): "a+bi" as Excel writes it; "" or an empty cell is "i"; other suffixes than i and j are #VALUE!. */
function complex(re: number, im: number, suffix: unknown): string | CellError {
  const s = suffix === undefined || suffix === null || suffix === '' ? 'i' : suffix;
  if (s !== 'i' && s !== 'j') return value('The suffix must be "i" or "j".');
  if (!Number.isFinite(re) || !Number.isFinite(im)) return num();
  if (im === 0) return complexPart(re);
  const imText = `${im === 1 || im === -1 ? '' : complexPart(Math.abs(im))}${s}`;
  if (re === 0) return `${im < 0 ? '-' : ''}${imText}`;
  return `${complexPart(re)}${im < 0 ? '-' : '+'}${imText}`;
}

/** Applies `fn` to the arguments read as engineering numbers, or answers the first error. */
function numeric(fn: (...xs: number[]) => number | CellError) {
  return (...args: unknown[]) => {
    const xs = args.map((a) => (a === undefined ? undefined : engineeringNumber(a)));
    const error = xs.find((x): x is CellError => x instanceof CellError);
    return error ?? fn(...xs.filter((x): x is number => typeof x === 'number'));
  };
}

export class EngineeringPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    GESTEP: { method: 'gestep', parameters: [ANY, { argumentType: FunctionArgumentType.ANY, optionalArg: true }] },
    'ERF.PRECISE': { method: 'erfPrecise', parameters: [ANY] },
    'ERFC.PRECISE': { method: 'erfcPrecise', parameters: [ANY] },
    COMPLEX: {
      method: 'complex',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.SCALAR, optionalArg: true }],
    },
    CONVERT: { method: 'convert', parameters: [ANY, { argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }] },
  };

  gestep(ast: unknown, state: unknown) {
    return this.run('GESTEP', ast, state, numeric((x, step = 0) => (x >= step ? 1 : 0)));
  }

  erfPrecise(ast: unknown, state: unknown) {
    return this.run('ERF.PRECISE', ast, state, numeric(erf));
  }

  erfcPrecise(ast: unknown, state: unknown) {
    return this.run('ERFC.PRECISE', ast, state, numeric(erfc));
  }

  complex(ast: unknown, state: unknown) {
    return this.run('COMPLEX', ast, state, (re: number, im: number, suffix: unknown) => complex(re, im, plain(suffix)));
  }

  convert(ast: unknown, state: unknown) {
    return this.run('CONVERT', ast, state, (x: unknown, from: string, to: string) => {
      const n = engineeringNumber(x);
      return n instanceof CellError ? n : convert(n, from, to);
    });
  }
}
