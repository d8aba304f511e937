/**
 * Computing key outputs under every scenario without touching the open notebook: a throwaway
 * engine worker loads the document as it is, then for each scenario applies that scenario's input
 * writes, reads the changed values, and writes the inputs back. One build, then one small edit per
 * scenario; the editor's own engine never blocks.
 */
import { startEngineWorker } from '../../engine/engineClient';
import type { CellValue } from '../../model/cell';
import type { EditCommand } from '../../model/commands';
import type { Notebook } from '../../model/notebook';
import { findSheet } from '../../model/notebook';
import { scenarioWrites } from '../../model/scenarios';

/** The commands that undo `writes` on `nb` (the current contents of the same cells). */
function revertOf(nb: Notebook, writes: EditCommand[]): EditCommand[] {
  return writes.flatMap((c) => {
    if (c.type !== 'setCells') return [];
    const sheet = findSheet(nb, c.sheet);
    return [{ type: 'setCells' as const, sheet: c.sheet, writes: c.writes.map((w) => ({ addr: w.addr, raw: sheet?.cells[w.addr] ?? null })) }];
  });
}

/** Values of `keys` (`Sheet!A1`) under each scenario id. */
export async function computeScenarioValues(nb: Notebook, ids: readonly string[], keys: readonly string[]): Promise<Record<string, Record<string, CellValue>>> {
  const client = startEngineWorker();
  const book = 'compare';
  try {
    const opened = await client.api.open(book, { sheets: nb.sheets.map((s) => ({ name: s.name, cells: s.cells })), names: nb.names });
    if (!opened.ok) throw new Error(opened.error.message);
    const all = opened.value;
    const read = (overlay: Map<string, CellValue>, key: string): CellValue => {
      if (overlay.has(key)) return overlay.get(key)!;
      const bang = key.lastIndexOf('!');
      return all[key.slice(0, bang)]?.[key.slice(bang + 1)] ?? null;
    };
    const out: Record<string, Record<string, CellValue>> = {};
    for (const id of ids) {
      const writes = scenarioWrites(nb, id);
      const overlay = new Map<string, CellValue>();
      if (writes.length) {
        const r = await client.api.apply(book, writes);
        if (!r.ok) throw new Error(r.error.message);
        for (const ch of r.value) overlay.set(`${ch.sheet}!${ch.addr}`, ch.value);
        const back = await client.api.apply(book, revertOf(nb, writes));
        if (!back.ok) throw new Error(back.error.message);
      }
      out[id] = Object.fromEntries(keys.map((k) => [k, read(overlay, k)]));
    }
    return out;
  } finally {
    client.terminate();
  }
}
