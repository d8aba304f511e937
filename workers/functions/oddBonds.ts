/**
 * Bonds with an odd first or last period: ODDFPRICE, ODDFYIELD, ODDLPRICE, ODDLYIELD, per 100 of
 * face value. The odd period is cut into quasi-coupon periods (whole periods of the regular
 * schedule, stepped from the first coupon back to issue, or from the last coupon on to maturity);
 * each contributes the share of a coupon it covers, as in Excel's documented formulas.
 */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { addMonths, daysBetween, monthEnd, serial } from './daycount';
import type { Basis, Ymd } from './daycount';
import { dated, frequencyOf, later } from './financial';
import { solveYield } from './bonds';
import { ExcelPlugin, num } from './values';

/**
 * A quasi-coupon period's normal length in days: 360/frequency on the 30/360 bases, else its actual
 * days — except actual/365 in an odd first period, which Excel counts as 365/frequency.
 */
function periodLength(basis: Basis, start: Ymd, end: Ymd, freq: number, oddFirst: boolean): number {
  if (basis === 0 || basis === 4) return 360 / freq;
  if (basis === 3 && oddFirst) return 365 / freq;
  return serial(end) - serial(start);
}

const earliest = (a: Ymd, b: Ymd): Ymd => (later(a, b) ? b : a);
const latest = (a: Ymd, b: Ymd): Ymd => (later(a, b) ? a : b);
/** Days from a to b, or 0 when b is not after a. */
const span = (basis: Basis, a: Ymd, b: Ymd): number => (later(b, a) ? daysBetween(basis, a, b) : 0);

interface OddFirst {
  /** Σ DCᵢ/NLᵢ: the first coupon as a multiple of a regular one. */
  dc: number;
  /** Σ Aᵢ/NLᵢ: the interest accrued at settlement, in coupons. */
  a: number;
  /** Periods from settlement to the first coupon (whole quasi-periods plus DSC/E). */
  toFirst: number;
  /** Regular coupons after the first, to maturity. */
  after: number;
}

function oddFirst(settle: Ymd, maturity: Ymd, issue: Ymd, first: Ymd, freq: number, basis: Basis): OddFirst {
  const months = 12 / freq;
  const end = monthEnd(first);
  let dc = 0;
  let a = 0;
  let toFirst = 0;
  let qEnd = first;
  for (let i = 1; i < 10_000 && later(qEnd, issue); i++) {
    const qStart = addMonths(first, -i * months, end);
    const nl = periodLength(basis, qStart, qEnd, freq, true);
    const from = latest(qStart, issue);
    dc += span(basis, from, qEnd) / nl;
    a += span(basis, from, earliest(settle, qEnd)) / nl;
    if (later(qEnd, settle)) {
      // Settlement's own period counts its remaining fraction, each later one a whole period.
      toFirst += later(qStart, settle) || serial(qStart) === serial(settle) ? 1 : span(basis, settle, qEnd) / nl;
    }
    qEnd = qStart;
  }
  const gap = (maturity.y - first.y) * 12 + (maturity.m - first.m);
  return { dc, a, toFirst, after: Math.max(0, Math.round(gap / months)) };
}

function oddfPriceAt(f: OddFirst, rate: number, yld: number, redemption: number, freq: number): number {
  const coupon = (100 * rate) / freq;
  const v = 1 + yld / freq;
  let price = redemption / v ** (f.after + f.toFirst) + (coupon * f.dc) / v ** f.toFirst - coupon * f.a;
  for (let k = 1; k <= f.after; k++) price += coupon / v ** (k + f.toFirst);
  return price;
}

function oddfChecked(settleN: number, maturityN: number, issueN: number, firstN: number, frequency: number, basisN: number, fn: (f: OddFirst, freq: number) => number | CellError) {
  const freq = frequencyOf(frequency);
  if (freq instanceof CellError) return freq;
  return dated([settleN, maturityN, issueN, firstN], basisN, ([settle, maturity, issue, first], basis) => {
    if (!(later(maturity, first) && later(first, settle) && later(settle, issue))) return num('The dates must run issue, settlement, first coupon, maturity.');
    return fn(oddFirst(settle, maturity, issue, first, freq, basis), freq);
  });
}

function oddfprice(settleN: number, maturityN: number, issueN: number, firstN: number, rate: number, yld: number, redemption: number, frequency: number, basisN: number) {
  if (rate < 0 || yld < 0 || redemption <= 0) return num('The rate and yield cannot be negative, the redemption must be positive.');
  return oddfChecked(settleN, maturityN, issueN, firstN, frequency, basisN, (f, freq) => oddfPriceAt(f, rate, yld, redemption, freq));
}

function oddfyield(settleN: number, maturityN: number, issueN: number, firstN: number, rate: number, pr: number, redemption: number, frequency: number, basisN: number) {
  if (rate < 0 || pr <= 0 || redemption <= 0) return num('The rate cannot be negative, the price and redemption must be positive.');
  return oddfChecked(settleN, maturityN, issueN, firstN, frequency, basisN, (f, freq) => solveYield((y) => oddfPriceAt(f, rate, y, redemption, freq), pr));
}

/** Σ DCᵢ/NLᵢ, Σ Aᵢ/NLᵢ and Σ DSCᵢ/NLᵢ over the quasi-coupon periods from the last coupon to maturity. */
function oddLast(settle: Ymd, maturity: Ymd, last: Ymd, freq: number, basis: Basis) {
  const months = 12 / freq;
  const end = monthEnd(last);
  let [dc, a, dsc] = [0, 0, 0];
  let qStart = last;
  for (let i = 1; i < 10_000 && later(maturity, qStart); i++) {
    const qEnd = addMonths(last, i * months, end);
    const nl = periodLength(basis, qStart, qEnd, freq, false);
    const stop = earliest(qEnd, maturity);
    dc += span(basis, qStart, stop) / nl;
    a += span(basis, qStart, earliest(settle, stop)) / nl;
    dsc += span(basis, latest(settle, qStart), stop) / nl;
    qStart = qEnd;
  }
  return { dc, a, dsc };
}

function oddlChecked(settleN: number, maturityN: number, lastN: number, frequency: number, basisN: number, fn: (s: { dc: number; a: number; dsc: number }, freq: number) => number | CellError) {
  const freq = frequencyOf(frequency);
  if (freq instanceof CellError) return freq;
  return dated([settleN, maturityN, lastN], basisN, ([settle, maturity, last], basis) => {
    if (!(later(maturity, settle) && later(settle, last))) return num('The dates must run last coupon, settlement, maturity.');
    return fn(oddLast(settle, maturity, last, freq, basis), freq);
  });
}

function oddlprice(settleN: number, maturityN: number, lastN: number, rate: number, yld: number, redemption: number, frequency: number, basisN: number) {
  if (rate < 0 || yld < 0 || redemption <= 0) return num('The rate and yield cannot be negative, the redemption must be positive.');
  return oddlChecked(settleN, maturityN, lastN, frequency, basisN, ({ dc, a, dsc }, freq) => {
    const coupon = (100 * rate) / freq;
    return (redemption + coupon * dc) / (1 + (dsc * yld) / freq) - coupon * a;
  });
}

function oddlyield(settleN: number, maturityN: number, lastN: number, rate: number, pr: number, redemption: number, frequency: number, basisN: number) {
  if (rate < 0 || pr <= 0 || redemption <= 0) return num('The rate cannot be negative, the price and redemption must be positive.');
  return oddlChecked(settleN, maturityN, lastN, frequency, basisN, ({ dc, a, dsc }, freq) => {
    const coupon = (100 * rate) / freq;
    const paid = pr + coupon * a;
    return ((redemption + coupon * dc - paid) / paid) * (freq / dsc);
  });
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const BASIS = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };

export class OddBondsPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    ODDFPRICE: { method: 'oddfprice', parameters: [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS] },
    ODDFYIELD: { method: 'oddfyield', parameters: [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS] },
    ODDLPRICE: { method: 'oddlprice', parameters: [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS] },
    ODDLYIELD: { method: 'oddlyield', parameters: [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS] },
  };

  oddfprice(ast: unknown, state: unknown) {
    return this.run('ODDFPRICE', ast, state, oddfprice);
  }

  oddfyield(ast: unknown, state: unknown) {
    return this.run('ODDFYIELD', ast, state, oddfyield);
  }

  oddlprice(ast: unknown, state: unknown) {
    return this.run('ODDLPRICE', ast, state, oddlprice);
  }

  oddlyield(ast: unknown, state: unknown) {
    return this.run('ODDLYIELD', ast, state, oddlyield);
  }
}
