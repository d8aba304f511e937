/**
 * Marked maps (src/engine/storeRaw.ts) are skipped by Solid's deep unwrap, but the store must
 * still wrap and track them cell by cell, and the mark must never reach a saved copy.
 */
import { describe, expect, it } from 'vitest';
import { createEffect, createRoot } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import { markNotebookMaps, markValueMaps } from '../../src/engine/storeRaw';
import { emptyNotebook } from '../../src/model/notebook';
import type { Notebook } from '../../src/model/notebook';

function notebook(): Notebook {
  const nb = emptyNotebook('Marked', 'en');
  nb.sheets[0].cells = { A1: 1, B1: '=A1*2' };
  nb.sheets[0].formats = { A1: '0.0' };
  return nb;
}

describe('maps marked as raw for the store', () => {
  it('still track each cell: an effect reading one cell follows its change, and only its own', async () => {
    const seen: unknown[] = [];
    const others: unknown[] = [];
    const [doc, setDoc] = createRoot(() => {
      const store = createStore(markNotebookMaps(notebook()));
      createEffect(() => seen.push(store[0].sheets[0].cells.A1));
      createEffect(() => others.push(store[0].sheets[0].cells.B1));
      return store;
    });
    await Promise.resolve();
    setDoc(produce((d) => void (d.sheets[0].cells.A1 = 5)));
    await Promise.resolve();
    expect(seen).toEqual([1, 5]);
    expect(others).toEqual(['=A1*2']);
    expect(doc.sheets[0].cells.A1).toBe(5);
  });

  it('unwrap hands out the same map, and a reconcile onto a marked copy diffs by key', () => {
    const nb = markNotebookMaps(notebook());
    const cells = nb.sheets[0].cells;
    const [doc, setDoc] = createRoot(() => createStore(nb));
    expect(unwrap(doc).sheets[0].cells).toBe(cells);
    const next = markNotebookMaps(structuredClone(unwrap(doc)));
    next.sheets[0].cells = { A1: 7 };
    markNotebookMaps(next);
    setDoc(reconcile(next));
    expect({ ...doc.sheets[0].cells }).toEqual({ A1: 7 });
  });

  it('never reaches a saved or sent copy', () => {
    const nb = notebook();
    const before = JSON.stringify(nb);
    markNotebookMaps(nb);
    expect(Object.getOwnPropertySymbols(nb.sheets[0].cells)).toHaveLength(1);
    expect(Object.getOwnPropertySymbols(structuredClone(nb).sheets[0].cells)).toEqual([]);
    expect(JSON.stringify(nb)).toBe(before);
    const values = markValueMaps({ Sheet1: { A1: 1 } });
    expect(Object.keys(values.Sheet1)).toEqual(['A1']);
  });

  it('leaves a store proxy as it is (marking one would point the raw map at the proxy)', () => {
    const [doc] = createRoot(() => createStore(notebook()));
    markNotebookMaps(doc as Notebook);
    expect(unwrap(unwrap(doc).sheets[0].cells)).toBe(unwrap(doc).sheets[0].cells);
  });
});
