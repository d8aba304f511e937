/**
 * What differs between two versions of a notebook, cell by cell (raw contents), for previewing a
 * version before restoring it.
 */
import type { RawContent } from './cell';
import type { Notebook } from './notebook';

export interface CellDifference {
  sheet: string;
  addr: string;
  /** In the version compared against (`undefined`: empty there). */
  then?: RawContent;
  /** Now (`undefined`: empty now). */
  now?: RawContent;
}

export interface NotebookDifference {
  cells: CellDifference[];
  sheetsOnlyThen: string[];
  sheetsOnlyNow: string[];
}

export function diffNotebooks(then: Notebook, now: Notebook): NotebookDifference {
  const cells: CellDifference[] = [];
  const nowSheets = new Map(now.sheets.map((s) => [s.id, s]));
  const thenIds = new Set(then.sheets.map((s) => s.id));
  for (const a of then.sheets) {
    const b = nowSheets.get(a.id);
    if (!b) continue;
    for (const addr of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
      if (a.cells[addr] !== b.cells[addr]) cells.push({ sheet: b.name, addr, then: a.cells[addr], now: b.cells[addr] });
    }
  }
  return {
    cells,
    sheetsOnlyThen: then.sheets.filter((s) => !nowSheets.has(s.id)).map((s) => s.name),
    sheetsOnlyNow: now.sheets.filter((s) => !thenIds.has(s.id)).map((s) => s.name),
  };
}
