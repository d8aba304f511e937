/**
 * ROMAN with Excel's range: the number is truncated; 0 (and anything in [0, 1)) is "", negative
 * numbers and 4000 or more are #VALUE! (the engine answers #NUM! and refuses 0). The numerals
 * themselves are the engine's (its plugin is extended, its forms 0–4 kept).
 */
import { FunctionArgumentType, HyperFormula } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { ExcelPlugin } from './values';
import { value } from './values';

const EngineRoman = HyperFormula.getFunctionPlugin('ROMAN') as unknown as typeof ExcelPlugin;
const VALID = '\u0000valid';

export class RomanPlugin extends EngineRoman {
  static implementedFunctions: ImplementedFunctions = {
    ROMAN: { method: 'roman', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NOERROR, optionalArg: true, defaultValue: 0 }] },
  };

  roman(ast: unknown, state: unknown) {
    const self = this as unknown as { runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown; metadata(name: string): unknown };
    const checked = self.runFunction((ast as { args: unknown }).args, state, self.metadata('ROMAN'), (x: number) => {
      const n = Math.trunc(x);
      if (n < 0 || n >= 4000) return value('ROMAN takes 0 to 3999.');
      return n === 0 ? '' : VALID;
    });
    if (checked !== VALID) return checked;
    return (EngineRoman.prototype as unknown as { roman(ast: unknown, state: unknown): unknown }).roman.call(this, ast, state);
  }
}
