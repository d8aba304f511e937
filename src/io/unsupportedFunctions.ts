/**
 * Which formula cells call functions the engine lacks. The engine evaluates those to #NAME?, so
 * the UI shows Excel's cached result beside them and lists the functions after an import.
 */
import { isFormula } from '../model/cell';
import type { CellValue } from '../model/cell';
import type { SheetValues } from '../model/commands';
import type { Notebook } from '../model/notebook';
import { functionsCalled } from './excelFormula';

export interface UnsupportedFormula {
  sheet: string;
  addr: string;
  /** Upper-cased names of the functions the engine lacks. */
  functions: string[];
  /** What Excel had computed (from the file's cache), or null when unknown. */
  cached: CellValue;
}

export function findUnsupportedFunctions(nb: Notebook, supported: Iterable<string>, cached: SheetValues = {}): UnsupportedFormula[] {
  const known = new Set([...supported].map((n) => n.toUpperCase()));
  const out: UnsupportedFormula[] = [];
  for (const sheet of nb.sheets) {
    for (const [addr, raw] of Object.entries(sheet.cells)) {
      if (!isFormula(raw)) continue;
      const missing = functionsCalled(raw).filter((f) => !known.has(f));
      if (missing.length) out.push({ sheet: sheet.name, addr, functions: missing, cached: cached[sheet.name]?.[addr] ?? null });
    }
  }
  return out;
}
