/**
 * Priced bonds the engine lacks: PRICE, YIELD, DURATION, MDURATION (periodic coupons) and
 * PRICEMAT, YIELDMAT (interest at maturity), per 100 of face value on Excel's day counts.
 */
import { CellError, FunctionArgumentType } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { couponDates, couponDays, daysBetween, daysInYear } from './daycount';
import type { Basis, Ymd } from './daycount';
import { dated, frequencyOf, later } from './financial';
import { ExcelPlugin, num } from './values';

/** The coupon schedule's figures: coupons left, days from the last coupon, the period, days to the next. */
function schedule(settle: Ymd, maturity: Ymd, freq: number, basis: Basis) {
  const { pcd } = couponDates(settle, maturity, freq);
  const n = (((maturity.y - pcd.y) * 12 + (maturity.m - pcd.m)) * freq) / 12;
  const a = daysBetween(basis, pcd, settle);
  const e = couponDays(basis, settle, maturity, freq);
  return { n, a, e, dsc: e - a };
}

/** The clean price of the bond at yield `yld`. */
function priceAt(settle: Ymd, maturity: Ymd, rate: number, yld: number, redemption: number, freq: number, basis: Basis): number {
  const { n, a, e, dsc } = schedule(settle, maturity, freq, basis);
  const coupon = (100 * rate) / freq;
  const accrued = (coupon * a) / e;
  if (n === 1) return (redemption + coupon) / (1 + ((dsc / e) * yld) / freq) - accrued;
  const discount = (k: number) => (1 + yld / freq) ** (k - 1 + dsc / e);
  let coupons = 0;
  for (let k = 1; k <= n; k++) coupons += coupon / discount(k);
  return redemption / discount(n) + coupons - accrued;
}

/** The yield at which the price is `pr`: Newton's method from 5 %, bisection if it strays. */
export function solveYield(price: (y: number) => number, pr: number): number | CellError {
  const f = (y: number) => price(y) - pr;
  let y = 0.05;
  for (let i = 0; i < 100; i++) {
    const h = 1e-7;
    const step = f(y) / ((f(y + h) - f(y - h)) / (2 * h));
    if (!Number.isFinite(step)) break;
    y -= step;
    if (Math.abs(step) < 1e-12) return y;
  }
  // The price falls as the yield rises: bracket the root, then halve.
  let [lo, hi] = [-0.999, 1];
  while (f(hi) > 0 && hi < 1e6) hi *= 2;
  if (!(f(lo) > 0 && f(hi) < 0)) return num('No yield gives this price.');
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function price(settleN: number, maturityN: number, rate: number, yld: number, redemption: number, frequency: number, basisN: number) {
  const freq = frequencyOf(frequency);
  if (freq instanceof CellError) return freq;
  return dated([settleN, maturityN], basisN, ([settle, maturity], basis) => {
    if (!later(maturity, settle)) return num('Maturity must be after settlement.');
    if (rate < 0 || yld < 0 || redemption <= 0) return num('The rate and yield cannot be negative, the redemption must be positive.');
    return priceAt(settle, maturity, rate, yld, redemption, freq, basis);
  });
}

function yieldOf(settleN: number, maturityN: number, rate: number, pr: number, redemption: number, frequency: number, basisN: number) {
  const freq = frequencyOf(frequency);
  if (freq instanceof CellError) return freq;
  return dated([settleN, maturityN], basisN, ([settle, maturity], basis) => {
    if (!later(maturity, settle)) return num('Maturity must be after settlement.');
    if (rate < 0 || pr <= 0 || redemption <= 0) return num('The rate cannot be negative, the price and redemption must be positive.');
    const { n, a, e, dsc } = schedule(settle, maturity, freq, basis);
    if (n <= 1) {
      // One coupon left: Excel's closed form (simple interest over the rest of the period).
      const paid = 1 + ((a / e) * rate) / freq;
      return ((redemption / 100 + rate / freq - paid) / paid) * ((freq * e) / dsc);
    }
    return solveYield((y) => priceAt(settle, maturity, rate, y, redemption, freq, basis), pr);
  });
}

/** Macaulay duration in years (modified: over 1 + yld/frequency). */
function duration(modified: boolean) {
  return (settleN: number, maturityN: number, coupon: number, yld: number, frequency: number, basisN: number) => {
    const freq = frequencyOf(frequency);
    if (freq instanceof CellError) return freq;
    return dated([settleN, maturityN], basisN, ([settle, maturity], basis) => {
      if (!later(maturity, settle)) return num('Maturity must be after settlement.');
      if (coupon < 0 || yld < 0) return num('The coupon and yield cannot be negative.');
      const { n, e, dsc } = schedule(settle, maturity, freq, basis);
      const growth = 1 + yld / freq;
      const first = dsc / e;
      // Cash flows: each coupon at k − 1 + first periods, the redemption with the last.
      let weighted = ((first + n - 1) * 100) / growth ** (first + n - 1);
      let total = 100 / growth ** (first + n - 1);
      for (let k = 1; k <= n; k++) {
        const t = k - 1 + first;
        const flow = (100 * coupon) / freq / growth ** t;
        weighted += flow * t;
        total += flow;
      }
      const years = weighted / total / freq;
      return modified ? years / growth : years;
    });
  };
}

/** PRICEMAT / YIELDMAT: interest from issue paid at maturity; days counted from issue. */
function maturityFactors(settle: Ymd, maturity: Ymd, issue: Ymd, basis: Basis) {
  const b = daysInYear(basis, issue, settle);
  const dim = daysBetween(basis, issue, maturity);
  const a = daysBetween(basis, issue, settle);
  return { b, dim, a, dsm: dim - a };
}

function pricemat(settleN: number, maturityN: number, issueN: number, rate: number, yld: number, basisN: number) {
  return dated([settleN, maturityN, issueN], basisN, ([settle, maturity, issue], basis) => {
    if (!later(maturity, settle) || !later(settle, issue)) return num('The dates must run issue, settlement, maturity.');
    if (rate < 0 || yld < 0) return num('The rate and yield cannot be negative.');
    const { b, dim, a, dsm } = maturityFactors(settle, maturity, issue, basis);
    return (100 + (dim / b) * rate * 100) / (1 + (dsm / b) * yld) - (a / b) * rate * 100;
  });
}

function yieldmat(settleN: number, maturityN: number, issueN: number, rate: number, pr: number, basisN: number) {
  return dated([settleN, maturityN, issueN], basisN, ([settle, maturity, issue], basis) => {
    if (!later(maturity, settle) || !later(settle, issue)) return num('The dates must run issue, settlement, maturity.');
    if (rate < 0 || pr <= 0) return num('The rate cannot be negative, the price must be positive.');
    const { b, dim, a, dsm } = maturityFactors(settle, maturity, issue, basis);
    return (((dim / b) * rate + 1 - pr / 100 - (a / b) * rate) / (pr / 100 + (a / b) * rate)) * (b / dsm);
  });
}

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const BASIS = { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 };
const SEVEN = [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS];
const SIX = [NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, BASIS];

export class BondsPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    PRICE: { method: 'price', parameters: SEVEN },
    YIELD: { method: 'yield', parameters: SEVEN },
    DURATION: { method: 'duration', parameters: SIX },
    MDURATION: { method: 'mduration', parameters: SIX },
    PRICEMAT: { method: 'pricemat', parameters: SIX },
    YIELDMAT: { method: 'yieldmat', parameters: SIX },
  };

  price(ast: unknown, state: unknown) {
    return this.run('PRICE', ast, state, price);
  }

  yield(ast: unknown, state: unknown) {
    return this.run('YIELD', ast, state, yieldOf);
  }

  duration(ast: unknown, state: unknown) {
    return this.run('DURATION', ast, state, duration(false));
  }

  mduration(ast: unknown, state: unknown) {
    return this.run('MDURATION', ast, state, duration(true));
  }

  pricemat(ast: unknown, state: unknown) {
    return this.run('PRICEMAT', ast, state, pricemat);
  }

  yieldmat(ast: unknown, state: unknown) {
    return this.run('YIELDMAT', ast, state, yieldmat);
  }
}
