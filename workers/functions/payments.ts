/**
 * IPMT and PPMT with Excel's check of the period: one whose whole part is below 1 or beyond the
 * number of periods is #NUM! (the engine computed a value for it). The payments themselves are
 * the engine's (its plugin is extended).
 */
import { HyperFormula } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { ExcelPlugin } from './values';
import { num } from './values';

const EngineFinancial = HyperFormula.getFunctionPlugin('IPMT') as unknown as typeof ExcelPlugin & { implementedFunctions: ImplementedFunctions };
const VALID = '\u0000valid';

interface Engine {
  ipmt(ast: unknown, state: unknown): unknown;
  ppmt(ast: unknown, state: unknown): unknown;
  runFunction(args: unknown, state: unknown, metadata: unknown, fn: unknown): unknown;
  metadata(name: string): unknown;
}

export class PaymentsPlugin extends EngineFinancial {
  static implementedFunctions: ImplementedFunctions = {
    IPMT: EngineFinancial.implementedFunctions.IPMT,
    PPMT: EngineFinancial.implementedFunctions.PPMT,
  };

  private periodChecked(name: string, ast: unknown, state: unknown, compute: (self: Engine) => unknown) {
    const self = this as unknown as Engine;
    const checked = self.runFunction((ast as { args: unknown }).args, state, self.metadata(name), (_rate: number, per: number, nper: number) => {
      const p = Math.trunc(per);
      return p < 1 || p > nper ? num('The period must lie between 1 and the number of periods.') : VALID;
    });
    return checked === VALID ? compute(self) : checked;
  }

  ipmt(ast: unknown, state: unknown) {
    return this.periodChecked('IPMT', ast, state, (self) => (EngineFinancial.prototype as unknown as Engine).ipmt.call(self, ast, state));
  }

  ppmt(ast: unknown, state: unknown) {
    return this.periodChecked('PPMT', ast, state, (self) => (EngineFinancial.prototype as unknown as Engine).ppmt.call(self, ast, state));
  }
}
