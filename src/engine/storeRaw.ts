/**
 * Solid's `createStore` and every `setStore` first unwrap what they are given: a deep walk over
 * every nested object (to strip store proxies out), with `Object.getOwnPropertyDescriptors` on
 * each. A sheet's cell, format and value maps are plain objects of primitives that never hold a
 * proxy, and a large client's hold 100k entries: the walk was a few hundred milliseconds on every
 * open and first paint. Solid's unwrap stops at an object that names itself as its own raw target
 * (`$RAW`, what a store proxy answers), so such maps are marked once and skipped; the store still
 * wraps them and tracks each cell as before.
 */
import { $RAW } from 'solid-js/store';
import type { SheetValues } from '../model/commands';
import type { Notebook } from '../model/notebook';
import type { DraftAccess } from '../model/structure';

function markRaw(map: object | undefined): void {
  // A store proxy (or a map marked already) answers `$RAW` itself: left as it is.
  if (map && !(map as Record<symbol, unknown>)[$RAW]) Object.defineProperty(map, $RAW, { value: map, configurable: true });
}

/**
 * How a structure edit reads and stores a `produce` draft of the document (see `DraftAccess`):
 * reads go to the object behind the proxy, and the maps it builds are marked before they are stored.
 */
export const STORE_DRAFT: DraftAccess = {
  raw: <T extends object>(value: T): T => ((value as Record<symbol, unknown>)[$RAW] as T | undefined) ?? value,
  fresh<T extends object>(map: T): T {
    markRaw(map);
    return map;
  },
};

/** Marks each sheet's flat maps (cells, formats, widths) of a notebook about to become a store. */
export function markNotebookMaps(nb: Notebook): Notebook {
  for (const s of nb.sheets) {
    markRaw(s.cells);
    markRaw(s.formats);
    markRaw(s.colWidths);
  }
  return nb;
}

/** Marks each sheet's value map of an engine answer about to be set into the value store. */
export function markValueMaps(values: SheetValues): SheetValues {
  for (const k of Object.keys(values)) markRaw(values[k]);
  return values;
}
