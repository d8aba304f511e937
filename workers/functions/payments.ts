/**
 * IPMT and PPMT with Excel's check of the period: one whose whole part is below 1 or beyond the
 * number of periods is #NUM! (the engine computed a value for it). The payments themselves are
 * the engine's (its plugin is extended). TBILLEQ for bills over half a year (more than 182 days)
 * by Excel's quadratic formula, where the engine applied the short-bill one to every bill.
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
  dateTimeHelper: { numberToSimpleDate(n: number): { year: number; month: number; day: number } };
}

/** TBILLEQ from whole days to maturity: the money-market form up to 182 days, Excel's quadratic beyond (a 366-day bill on a 366-day year). */
export function tbillEquivalent(days: number, discount: number): number {
  const denom = 360 - discount * days;
  if (days <= 182) return (365 * discount) / denom;
  const price = 100 * (1 - (discount * days) / 360);
  const t = days / (days > 365 ? 366 : 365);
  return (-t + Math.sqrt(t * t - (2 * t - 1) * (1 - 100 / price))) / (t - 0.5);
}

export class PaymentsPlugin extends EngineFinancial {
  static implementedFunctions: ImplementedFunctions = {
    IPMT: EngineFinancial.implementedFunctions.IPMT,
    PPMT: EngineFinancial.implementedFunctions.PPMT,
    TBILLEQ: EngineFinancial.implementedFunctions.TBILLEQ,
  };

  tbilleq(ast: unknown, state: unknown) {
    const self = this as unknown as Engine;
    return self.runFunction((ast as { args: unknown }).args, state, self.metadata('TBILLEQ'), (settlement: number, maturity: number, discount: number) => {
      const s = Math.round(settlement);
      const m = Math.round(maturity);
      if (s >= m) return num('Settlement must be before maturity.');
      const from = self.dateTimeHelper.numberToSimpleDate(s);
      const to = self.dateTimeHelper.numberToSimpleDate(m);
      const overAYear = to.year > from.year + 1 || (to.year === from.year + 1 && (to.month > from.month || (to.month === from.month && to.day > from.day)));
      if (overAYear) return num('Maturity is more than a year after settlement.');
      const denom = 360 - discount * (m - s);
      if (denom === 0) return 0;
      if (denom < 0) return num('The discount leaves no price.');
      return tbillEquivalent(m - s, discount);
    });
  }

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
