/**
 * Excel's day-count conventions for its bond functions (basis 0 US 30/360, 1 actual/actual,
 * 2 actual/360, 3 actual/365, 4 European 30/360) on date serials (1900 system). Coupon dates step
 * by whole months from maturity (or the first interest date), each step from the last one's date
 * (so a 31st becomes a 30th and stays so), or to month ends when the anchor is a month end.
 */

export type Basis = 0 | 1 | 2 | 3 | 4;

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30); // serial 0 for dates from March 1900 (Excel counts a 29 Feb 1900)

export function ymd(serial: number): Ymd {
  const t = new Date(EPOCH + Math.trunc(serial) * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export const serial = ({ y, m, d }: Ymd): number => Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const isMonthEnd = (t: Ymd): boolean => t.d === daysInMonth(t.y, t.m);
const isFebEnd = (t: Ymd): boolean => t.m === 2 && isMonthEnd(t);

/** `months` later (earlier when negative), the day clamped to the month's length, or its last day. */
export function addMonths(t: Ymd, months: number, toMonthEnd: boolean): Ymd {
  const index = t.y * 12 + (t.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = daysInMonth(y, m);
  return { y, m, d: toMonthEnd ? last : Math.min(t.d, last) };
}

const before = (a: Ymd, b: Ymd): number => serial(a) - serial(b);

/**
 * Steps from `start` by `months` until passing `end` (at or after it going forward, at or before it
 * going back), calling `each(front, trailing)` per step; answers the last two dates and the sum.
 */
export function stepCoupons(start: Ymd, end: Ymd, months: number, toMonthEnd: boolean, each: (front: Ymd, trailing: Ymd) => number = () => 0, initial = 0): { front: Ymd; trailing: Ymd; sum: number } {
  let [front, trailing, sum] = [start, end, initial];
  for (let i = 0; i < 100_000; i++) {
    const done = months > 0 ? before(front, end) >= 0 : before(front, end) <= 0;
    if (done) break;
    trailing = front;
    front = addMonths(front, months, toMonthEnd);
    sum += each(front, trailing);
  }
  return { front, trailing, sum };
}

const diff360 = (s: Ymd, sd: number, e: Ymd, ed: number): number => (e.y - s.y) * 360 + (e.m - s.m) * 30 + (ed - sd);

/** US (NASD) 30/360; `both` also moves a month-end February end date and a 31st end regardless of the start. */
export function days360Us(s: Ymd, e: Ymd, both: boolean): number {
  let [sd, ed] = [s.d, e.d];
  if (isFebEnd(e) && (isFebEnd(s) || both)) ed = 30;
  if (ed === 31 && (sd >= 30 || both)) ed = 30;
  if (sd === 31) sd = 30;
  if (isFebEnd(s)) sd = 30;
  return diff360(s, sd, e, ed);
}

export const days360Eu = (s: Ymd, e: Ymd): number => diff360(s, Math.min(s.d, 30), e, Math.min(e.d, 30));

/** Days from `s` to `e` as the basis counts them (`denominator`: as a period's length, actual/360 counting 30/360). */
export function daysBetween(basis: Basis, s: Ymd, e: Ymd, denominator = false): number {
  if (basis === 0) return days360Us(s, e, false);
  if (basis === 4) return days360Eu(s, e);
  if (basis === 2 && denominator) return days360Us(s, e, false);
  return before(e, s);
}

/** The year's length between two dates (actual/actual: 365 or 366 within a year, else the average). */
export function daysInYear(basis: Basis, s: Ymd, e: Ymd): number {
  if (basis === 3) return 365;
  if (basis !== 1) return 360;
  const withinAYear = s.y === e.y || (e.y === s.y + 1 && (s.m > e.m || (s.m === e.m && s.d >= e.d)));
  if (!withinAYear) {
    const years = e.y - s.y + 1;
    return before({ y: e.y + 1, m: 1, d: 1 }, { y: s.y, m: 1, d: 1 }) / years;
  }
  const feb29Between = s.y === e.y ? isLeap(s.y) && s.m <= 2 && e.m > 2 : (isLeap(s.y) && s.m <= 2) || (isLeap(e.y) && e.m > 2);
  return (s.y === e.y && isLeap(s.y)) || (e.m === 2 && e.d === 29) || feb29Between ? 366 : 365;
}

/** The coupon dates around settlement: the last at or before it, the next after it (maturity's schedule). */
export function couponDates(settle: Ymd, maturity: Ymd, frequency: number): { pcd: Ymd; ncd: Ymd } {
  const { front, trailing } = stepCoupons(maturity, settle, -12 / frequency, isMonthEnd(maturity));
  return { pcd: front, ncd: trailing };
}

/** A coupon period's length in days. */
export function couponDays(basis: Basis, settle: Ymd, maturity: Ymd, frequency: number): number {
  if (basis === 1) {
    const { pcd, ncd } = couponDates(settle, maturity, frequency);
    return before(ncd, pcd);
  }
  return (basis === 3 ? 365 : 360) / frequency;
}

export const monthEnd = isMonthEnd;
