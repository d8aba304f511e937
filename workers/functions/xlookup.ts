/**
 * XLOOKUP as the engine computes it, with Excel's reading of arguments left empty:
 * `XLOOKUP(k,A:A,B:B,,,2)` takes the defaults (#N/A when not found, exact match), where the engine
 * took the empty if-not-found as a value to answer (0). The lookup itself is the engine's.
 */
import { HyperFormula } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { ExcelPlugin } from './values';

const EngineLookup = HyperFormula.getFunctionPlugin('XLOOKUP') as unknown as typeof ExcelPlugin & { implementedFunctions: ImplementedFunctions };
const engineXlookup = EngineLookup.implementedFunctions.XLOOKUP;

export class XlookupPlugin extends EngineLookup {
  static implementedFunctions: ImplementedFunctions = {
    XLOOKUP: { ...engineXlookup, parameters: (engineXlookup.parameters ?? []).map((p, i) => (i >= 3 ? { ...p, emptyAsDefault: true } : p)) },
  };

  // The engine's registry wants the methods on the plugin's own prototype.
  xlookup(ast: unknown, state: unknown): unknown {
    return (EngineLookup.prototype as unknown as Engine).xlookup.call(this, ast, state);
  }

  xlookupArraySize(ast: unknown, state: unknown): unknown {
    return (EngineLookup.prototype as unknown as Engine).xlookupArraySize.call(this, ast, state);
  }
}

interface Engine {
  xlookup(ast: unknown, state: unknown): unknown;
  xlookupArraySize(ast: unknown, state: unknown): unknown;
}
