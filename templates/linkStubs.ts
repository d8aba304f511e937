/**
 * Link stubs. A template started without the sheets it links to still computes: each absent sheet
 * is stood in for by a stub of the same name holding just the cells the template reads from it,
 * as plain inputs with the spec's sample values. Formulas are never rewritten, so a stub's
 * `B_Target!C36` is the same reference the real sheet answers once it is inserted.
 *
 * What a template reads from outside comes from two places: references in its formulas (single
 * cells and ranges such as `SUMIF(C_Ansoff!C18:C37,…)`, every cell of a range) and the names
 * its formulas use (`TARGET_TOTAL` → `B_Target!$G$45`).
 */
import { referencedCells } from '../src/model/formulaText';
import { namesInFormula } from '../src/model/formulaNames';
import { isFormula } from '../src/model/cell';
import type { RawContent } from '../src/model/cell';
import type { NamedExpression, Sheet } from '../src/model/notebook';
import { newId } from '../src/model/notebook';
import type { TemplateSheetName } from './catalog';
import { isTemplateSheetName, PLAN_NAMES, sampleValue, TEMPLATE_SHEET_NAMES, templateSheetData } from './catalog';

export interface ExternalNeeds {
  /** Names the sheets use or define, in spec order. */
  names: NamedExpression[];
  /** Cells on other template sheets, by sheet (in spec sheet order), addresses in first-use order. */
  cells: Map<TemplateSheetName, string[]>;
}

/**
 * What a set of template sheets needs from the other template sheets. The names include those
 * defined on the set's own sheets (`GOAL_REVENUE` for A_Market), so a notebook always carries the
 * named inputs and outputs of the sheets it holds.
 */
export function externalNeeds(sheets: readonly TemplateSheetName[]): ExternalNeeds {
  const own = new Set<string>(sheets);
  const cells = new Map<TemplateSheetName, Set<string>>();
  const usedNames = new Set<string>();
  const note = (refs: { sheet: string; addr: string }[]) => {
    for (const { sheet, addr } of refs) {
      if (own.has(sheet) || !isTemplateSheetName(sheet)) continue;
      let set = cells.get(sheet);
      if (!set) cells.set(sheet, (set = new Set()));
      set.add(addr);
    }
  };
  for (const name of sheets) {
    for (const raw of Object.values(templateSheetData(name).cells)) {
      if (!isFormula(raw)) continue;
      note(referencedCells(raw, name));
      for (const n of namesInFormula(raw, PLAN_NAMES)) usedNames.add(n.name);
    }
  }
  const names = PLAN_NAMES.filter((n) => usedNames.has(n.name) || referencedCells(n.expression, '').some((r) => own.has(r.sheet)));
  for (const n of names) note(referencedCells(n.expression, ''));
  const ordered = new Map<TemplateSheetName, string[]>();
  for (const sheet of TEMPLATE_SHEET_NAMES) {
    const set = cells.get(sheet);
    if (set) ordered.set(sheet, [...set]);
  }
  return { names, cells: ordered };
}

/** Sample contents (and the real sheet's formats) for the given cells of a template sheet. */
export function stubContents(sheet: TemplateSheetName, addrs: readonly string[]): Pick<Sheet, 'cells' | 'formats'> {
  const real = templateSheetData(sheet);
  const cells: Record<string, RawContent> = {};
  const formats: Record<string, string> = {};
  for (const addr of addrs) {
    const value = sampleValue(sheet, addr);
    if (value === undefined) continue; // an empty cell inside a referenced range stays empty
    cells[addr] = value;
    const format = real.formats[addr];
    if (format) formats[addr] = format;
  }
  return { cells, formats };
}

export function buildStubSheet(sheet: TemplateSheetName, addrs: readonly string[]): Sheet {
  return { id: newId('s'), name: sheet, ...stubContents(sheet, addrs), stub: true };
}
