/**
 * Array helpers that never spread an array into a call's arguments: `Math.max(...xs)` and
 * `a.push(...xs)` put every element on the stack and throw "Maximum call stack size exceeded"
 * once an array has some 100,000 elements (a paste, a long dependent chain). These loop instead.
 */

/** `Math.max(floor, ...xs)`, for any number of values (NaN in, NaN out, as Math.max). */
export function maxOf(xs: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

/** `Math.min(ceiling, ...xs)`, for any number of values. */
export function minOf(xs: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const x of xs) m = Math.min(m, x);
  return m;
}

/** `target.push(...items)`, for any number of items; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
