/**
 * Bond and discount-security functions the engine lacks, on Excel's day counts (`daycount.ts`):
 * ACCRINT, ACCRINTM, INTRATE, DISC, RECEIVED, PRICEDISC, YIELDDISC and the coupon functions
 * COUPDAYS, COUPDAYBS, COUPDAYSNC, COUPNCD, COUPPCD, COUPNUM. Dates, frequency and basis are
 * truncated to integers; an out-of-range one (or settlement not before maturity) is #NUM!.
 */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { addMonths, couponDates, couponDays, days360Eu, days360Us, daysBetween, daysInYear, monthEnd, serial, stepCoupons, ymd } from './daycount';
import type { Basis, Ymd } from './daycount';
import { ExcelPlugin, num } from './values';

export const later = (a: Ymd, b: Ymd): boolean => serial(a) > serial(b);

export function basisOf(b: number): Basis | CellError {
  const t = Math.trunc(b);
  return t >= 0 && t <= 4 ? (t as Basis) : num('The basis must be 0 to 4.');
}

export function frequencyOf(f: number): number | CellError {
  const t = Math.trunc(f);
  return t === 1 || t === 2 || t === 4 ? t : num('The frequency must be 1, 2 or 4.');
}

const dateOf = (x: number): Ymd | CellError => (x < 0 ? num('A date cannot be negative.') : ymd(Math.trunc(x)));

/** Checks and converts the common arguments, then computes; the first bad one is the answer. */
export function dated(dates: number[], basis: number, fn: (dates: Ymd[], basis: Basis) => number | CellError) {
  const ds = dates.map(dateOf);
  const bad = ds.find((d): d is CellError => d instanceof CellError);
  if (bad) return bad;
  const b = basisOf(basis);
  return b instanceof CellError ? b : fn(ds as Ymd[], b);
}

/**
 * Interest accrued from issue to settlement: the fraction of each quasi-coupon period held,
 * walking back from the period of the first interest date (or, settling after it and counting
 * from issue, the period settlement falls in) to issue.
 */
function accrint(issueN: number, firstN: number, settleN: number, rate: number, par: number, frequency: number, basisN: number, fromIssue: boolean) {
  const freq = frequencyOf(frequency);
  if (freq instanceof CellError) return freq;
  return dated([issueN, firstN, settleN], basisN, ([issue, first, settle], basis) => {
    if (!later(settle, issue)) return num('Settlement must be after issue.');
    if (rate <= 0 || par <= 0) return num('The rate and the par value must be positive.');
    const months = 12 / freq;
    const toEnd = monthEnd(first);
    const pcd = later(settle, first) && fromIssue ? stepCoupons(first, settle, months, toEnd).front : addMonths(first, -months, toEnd);
    const start = later(issue, pcd) ? issue : pcd;
    const share = daysBetween(basis, start, settle) / couponDays(basis, pcd, first, freq);
    const earlier = (p: Ymd, n: Ymd) => {
      if (!later(issue, p)) return fromIssue ? 1 : 0; // a whole period after issue
      const held = basis === 0 ? days360Us(issue, n, false) : daysBetween(basis, issue, n);
      const length = basis === 0 ? days360Us(p, n, true) : basis === 3 ? 365 / freq : daysBetween(basis, p, n, true);
      return held / length;
    };
    const { sum } = stepCoupons(pcd, issue, -months, toEnd, earlier, share);
    return ((par * rate) / freq) * sum;
  });
}

function accrintm(issueN: number, settleN: number, rate: number, par: number, basisN: number) {
  return dated([issueN, settleN], basisN, ([issue, settle], basis) => {
    if (!later(settle, issue)) return num('Settlement must be after issue.');
    if (rate <= 0 || par <= 0) return num('The rate and the par value must be positive.');
    return par * rate * (daysBetween(basis, issue, settle) / daysInYear(basis, issue, settle));
  });
}

/** INTRATE, DISC, RECEIVED, PRICEDISC, YIELDDISC: the held days over the year's, settlement to maturity. */
function discount(kind: 'intrate' | 'disc' | 'received' | 'pricedisc' | 'yielddisc') {
  return (settleN: number, maturityN: number, a: number, b: number, basisN: number) =>
    dated([settleN, maturityN], basisN, ([settle, maturity], basis) => {
      if (!later(maturity, settle)) return num('Maturity must be after settlement.');
      if (a <= 0 || b <= 0) return num('The amounts must be positive.');
      const t = daysBetween(basis, settle, maturity) / daysInYear(basis, settle, maturity);
      if (kind === 'intrate') return (b - a) / a / t; // investment a, redemption b
      if (kind === 'disc') return (1 - a / b) / t; // price a, redemption b
      if (kind === 'yielddisc') return (b - a) / a / t; // price a, redemption b
      if (kind === 'pricedisc') return b - a * b * t; // discount a, redemption b
      const factor = 1 - b * t; // RECEIVED: investment a, discount b
      return factor <= 0 ? num('The discount is too large for the term.') : a / factor;
    });
}

type CouponKind = 'days' | 'daybs' | 'daysnc' | 'ncd' | 'pcd' | 'num';

function coupon(kind: CouponKind) {
  return (settleN: number, maturityN: number, frequency: number, basisN: number) => {
    const freq = frequencyOf(frequency);
    if (freq instanceof CellError) return freq;
    return dated([settleN, maturityN], basisN, ([settle, maturity], basis) => {
      if (!later(maturity, settle)) return num('Maturity must be after settlement.');
      const { pcd, ncd } = couponDates(settle, maturity, freq);
      const actual = (a: Ymd, b: Ymd) => serial(b) - serial(a);
      switch (kind) {
        case 'days':
          return couponDays(basis, settle, maturity, freq);
        case 'daybs':
          return basis === 0 ? days360Us(pcd, settle, false) : basis === 4 ? days360Eu(pcd, settle) : actual(pcd, settle);
        case 'daysnc':
          return basis === 0 ? days360Us(pcd, ncd, true) - days360Us(pcd, settle, false) : basis === 4 ? days360Eu(settle, ncd) : actual(settle, ncd);
        case 'ncd':
          return serial(ncd);
        case 'pcd':
          return serial(pcd);
        case 'num':
          return (((maturity.y - pcd.y) * 12 + (maturity.m - pcd.m)) * freq) / 12;
      }
    });
  };
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const BASIS = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };
const PAR = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1000, emptyAsDefault: true };
const DISCOUNT_ARGS = [NUMBER, NUMBER, NUMBER, NUMBER, BASIS];
const COUPON_ARGS = [NUMBER, NUMBER, NUMBER, BASIS];

const discountFunctions = { INTRATE: 'intrate', DISC: 'disc', RECEIVED: 'received', PRICEDISC: 'pricedisc', YIELDDISC: 'yielddisc' } as const;
const couponFunctions = { COUPDAYS: 'days', COUPDAYBS: 'daybs', COUPDAYSNC: 'daysnc', COUPNCD: 'ncd', COUPPCD: 'pcd', COUPNUM: 'num' } as const;

export class FinancialPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    ACCRINT: { method: 'accrint', parameters: [NUMBER, NUMBER, NUMBER, NUMBER, PAR, NUMBER, BASIS, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true }] },
    ACCRINTM: { method: 'accrintm', parameters: [NUMBER, NUMBER, NUMBER, PAR, BASIS] },
    ...Object.fromEntries(Object.keys(discountFunctions).map((id) => [id, { method: 'discount', parameters: DISCOUNT_ARGS }])),
    ...Object.fromEntries(Object.keys(couponFunctions).map((id) => [id, { method: 'coupon', parameters: COUPON_ARGS }])),
  };

  accrint(ast: unknown, state: unknown) {
    return this.run('ACCRINT', ast, state, accrint);
  }

  accrintm(ast: unknown, state: unknown) {
    return this.run('ACCRINTM', ast, state, accrintm);
  }

  discount(ast: unknown, state: unknown) {
    const name = this.nameOf(ast) as keyof typeof discountFunctions;
    return this.run(name, ast, state, discount(discountFunctions[name]));
  }

  coupon(ast: unknown, state: unknown) {
    const name = this.nameOf(ast) as keyof typeof couponFunctions;
    return this.run(name, ast, state, coupon(couponFunctions[name]));
  }
}
