/**
 * CEILING, FLOOR and their .MATH / .PRECISE / ISO forms as Excel computes them, replacing the
 * engine's: the quotient of number and significance is taken at 15 significant digits before it
 * is rounded (FLOOR.MATH(7.1,0.1) is 7.1, where 7.1/0.1 is 70.99999999999999 in binary); a zero
 * significance gives 0 in CEILING (FLOOR's is #DIV/0!); any non-zero mode of the .MATH forms
 * rounds negative numbers the other way (the engine honours only 1).
 */
import { CellError, ErrorType, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { ExcelPlugin, num } from './values';

/** The quotient as Excel sees it: 15 significant digits, so representation noise does not cross an integer. */
const quotient = (x: number, s: number): number => Number((x / s).toPrecision(15));
const clean = (r: number): number => (r === 0 ? 0 : r);

function ceiling(x: number, s: number): number | CellError {
  if (s === 0 || x === 0) return 0;
  if (x > 0 && s < 0) return num('The number and the significance have different signs.');
  return clean(Math.ceil(quotient(x, s)) * s);
}

function floor(x: number, s: number): number | CellError {
  if (x === 0) return 0;
  if (s === 0) return new CellError(ErrorType.DIV_BY_ZERO);
  if (x > 0 && s < 0) return num('The number and the significance have different signs.');
  return clean(Math.floor(quotient(x, s)) * s);
}

function ceilingMath(x: number, s: number, mode: number): number {
  if (s === 0 || x === 0) return 0;
  const m = Math.abs(s);
  return clean(x < 0 && mode !== 0 ? -Math.ceil(quotient(-x, m)) * m : Math.ceil(quotient(x, m)) * m);
}

function floorMath(x: number, s: number, mode: number): number {
  if (s === 0 || x === 0) return 0;
  const m = Math.abs(s);
  return clean(x < 0 && mode !== 0 ? -Math.floor(quotient(-x, m)) * m : Math.floor(quotient(x, m)) * m);
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const SIGNIFICANCE = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 };
const MODE = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };

export class RoundingPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    CEILING: { method: 'ceiling', parameters: [NUMBER, NUMBER] },
    FLOOR: { method: 'floor', parameters: [NUMBER, NUMBER] },
    'CEILING.MATH': { method: 'ceilingMath', parameters: [NUMBER, SIGNIFICANCE, MODE] },
    'FLOOR.MATH': { method: 'floorMath', parameters: [NUMBER, SIGNIFICANCE, MODE] },
    'CEILING.PRECISE': { method: 'ceilingPrecise', parameters: [NUMBER, SIGNIFICANCE] },
    'ISO.CEILING': { method: 'ceilingPrecise', parameters: [NUMBER, SIGNIFICANCE] },
    'FLOOR.PRECISE': { method: 'floorPrecise', parameters: [NUMBER, SIGNIFICANCE] },
  };

  ceiling(ast: unknown, state: unknown) {
    return this.run('CEILING', ast, state, ceiling);
  }

  floor(ast: unknown, state: unknown) {
    return this.run('FLOOR', ast, state, floor);
  }

  ceilingMath(ast: unknown, state: unknown) {
    return this.run('CEILING.MATH', ast, state, ceilingMath);
  }

  floorMath(ast: unknown, state: unknown) {
    return this.run('FLOOR.MATH', ast, state, floorMath);
  }

  ceilingPrecise(ast: unknown, state: unknown) {
    return this.run(this.nameOf(ast) === 'ISO.CEILING' ? 'ISO.CEILING' : 'CEILING.PRECISE', ast, state, (x: number, s: number) => ceilingMath(x, s, 0));
  }

  floorPrecise(ast: unknown, state: unknown) {
    return this.run('FLOOR.PRECISE', ast, state, (x: number, s: number) => floorMath(x, s, 0));
  }
}
