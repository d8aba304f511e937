/**
 * Excel's rounding, in place of the engine's. HyperFormula rounds the binary value
 * (`Math.round(x·10ⁿ)/10ⁿ`), so a near-half that is a hair under in binary goes down:
 * `ROUND(243.54/12, 2)` gives 20.29 where Excel gives 20.3, and `ROUNDUP(0.1+0.2, 1)` gives 0.4
 * where Excel gives 0.3. Excel first takes the value at 15 significant digits — what it stores
 * and shows — and rounds that decimal, half away from zero. The shifts by powers of ten go through
 * decimal exponents (`1.2345e2`), never through a binary multiplication.
 *
 * ROUND, ROUNDUP, ROUNDDOWN and MROUND are replaced through HyperFormula's plugin API, once, by
 * `engineCore.ts` before any engine is built (every engine of the app, the what-if workers and the
 * compat runner).
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';

type Mode = 'half' | 'up' | 'down';

/** `x × 10^k` computed on the decimal digits (exact for what 15 significant digits can hold). */
function shift(x: number, k: number): number {
  if (x === 0 || k === 0) return x;
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

/** The value as Excel holds it: 15 significant digits. */
export function excel15(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x;
}

/** Rounds `x` to `places` decimals (negative: to tens, hundreds, …) as Excel does. */
export function excelRound(x: number, places: number, mode: Mode = 'half'): number {
  if (!Number.isFinite(x)) return x;
  const n = Math.trunc(places);
  const sign = x < 0 ? -1 : 1;
  const scaled = shift(Math.abs(excel15(x)), n);
  const whole = mode === 'half' ? Math.floor(scaled + 0.5) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return sign * shift(whole, -n) || 0; // no −0
}

/** MROUND: the nearest multiple of `multiple`, half away from zero; #NUM! when the signs differ. */
export function excelMround(value: number, multiple: number): number | CellError {
  if (multiple === 0) return 0;
  if ((value > 0 && multiple < 0) || (value < 0 && multiple > 0)) return new CellError(ErrorType.NUM, 'MROUND needs a value and a multiple of the same sign.');
  const quotient = excelRound(excel15(value / multiple), 0);
  return excel15(quotient * multiple);
}

const number = { argumentType: FunctionArgumentType.NUMBER };
const places = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };

class ExcelRoundingPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    ROUND: { method: 'round', parameters: [number, places] },
    ROUNDUP: { method: 'roundup', parameters: [number, places] },
    ROUNDDOWN: { method: 'rounddown', parameters: [number, places] },
    MROUND: { method: 'mround', parameters: [number, number] },
  };

  round(ast: unknown, state: unknown) {
    return this.call('ROUND', ast, state, (x: number, n: number) => excelRound(x, n, 'half'));
  }

  roundup(ast: unknown, state: unknown) {
    return this.call('ROUNDUP', ast, state, (x: number, n: number) => excelRound(x, n, 'up'));
  }

  rounddown(ast: unknown, state: unknown) {
    return this.call('ROUNDDOWN', ast, state, (x: number, n: number) => excelRound(x, n, 'down'));
  }

  mround(ast: unknown, state: unknown) {
    return this.call('MROUND', ast, state, excelMround);
  }

  private call(name: string, ast: unknown, state: unknown, fn: (...args: never[]) => unknown) {
    const self = this as unknown as {
      runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown;
      metadata(name: string): unknown;
    };
    return self.runFunction((ast as { args: unknown }).args, state, self.metadata(name), fn);
  }
}

let installed = false;

/** Puts Excel's rounding in the engine's function registry (idempotent). */
export function installExcelRounding(): void {
  if (installed) return;
  installed = true;
  for (const id of Object.keys(ExcelRoundingPlugin.implementedFunctions)) HyperFormula.unregisterFunction(id);
  const names = Object.fromEntries(Object.keys(ExcelRoundingPlugin.implementedFunctions).map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(ExcelRoundingPlugin, { enGB: names });
}
