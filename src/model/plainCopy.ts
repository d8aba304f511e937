/**
 * A deep copy of plain JSON data. JSON, not `structuredClone`: what is copied is often a Solid
 * store proxy (the document, a panel's settings), which `structuredClone` refuses — and a proxy
 * sent to a worker or kept in an undo inverse must be a plain object.
 */
export function plainCopy<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}
