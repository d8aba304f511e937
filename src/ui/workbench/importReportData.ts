/**
 * The import report's data as the notebook keeps it (`layout.importReport`): what an `.xlsx`
 * import could not carry over, and the lookup the grid uses to mark cells that show Excel's value.
 * The panel that lists it is `src/ui/notebook/importReport.tsx`.
 */
import { createMemo } from 'solid-js';
import type { CellValue } from '../../model/cell';
import type { Notebook } from '../../model/notebook';

export const MAX_REPORTED_CELLS = 5000;

export interface ImportReportData {
  fileName: string;
  at: number;
  functions: string[];
  unsupported: { sheet: string; addr: string; functions: string[]; cached: CellValue }[];
  unsupportedCount: number;
  warnings: { code: string; detail: string }[];
}

export function importReportOf(nb: Pick<Notebook, 'layout'>): ImportReportData | null {
  const r = nb.layout.importReport as ImportReportData | undefined;
  return r && Array.isArray(r.unsupported) ? r : null;
}

/** `Sheet!A1` → the report entry, for cells that show Excel's cached value. */
export function createCachedLookup(report: () => ImportReportData | null) {
  return createMemo(() => {
    const map = new Map<string, ImportReportData['unsupported'][number]>();
    for (const u of report()?.unsupported ?? []) map.set(`${u.sheet}!${u.addr}`, u);
    return map;
  });
}

