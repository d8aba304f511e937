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
import { isTemplateSheetName, PLAN_NAMES, PLAN_SHEET_NAMES, sampleValue, templateSheetData } from './catalog';

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
  for (const sheet of PLAN_SHEET_NAMES) {
    const set = cells.get(sheet);
    if (set) ordered.set(sheet, [...set]);
  }
  return { names, cells: ordered };
}

/** The label cells of a template row: column A (中文) and B (English), as in every template. */
const LABEL_COLUMNS = ['A', 'B'] as const;
/** The title cell, which also names the sheet's unit (`…（单位：万元）`). */
const TITLE = 'A1';

/**
 * The cells a stub shows so that each of its inputs says what it stands for: the sheet's title
 * with its unit, and the 中文/English labels of every row it holds — copied from the source
 * template, so the stub reads like the real sheet and is replaced by the same text.
 */
export function stubLabelAddrs(sheet: TemplateSheetName, addrs: readonly string[]): string[] {
  const real = templateSheetData(sheet).cells;
  const rows = new Set(addrs.map((a) => a.replace(/^[A-Z]+/, '')));
  const out: string[] = [];
  const add = (addr: string) => {
    const raw = real[addr];
    if (typeof raw === 'string' && !isFormula(raw) && !addrs.includes(addr) && !out.includes(addr)) out.push(addr);
  };
  add(TITLE);
  for (const row of rows) for (const col of LABEL_COLUMNS) add(`${col}${row}`);
  return out;
}

/** What a template cell stands for: its row's labels and the unit its sheet or format gives. */
export interface CellMeaning {
  zh: string;
  en: string;
  unit: string;
}

const SHEET_UNIT = /[（(]\s*单位[：:]\s*([^；;）)]+)/;

export function cellMeaning(sheet: TemplateSheetName, addr: string): CellMeaning {
  const real = templateSheetData(sheet);
  const row = addr.replace(/^[A-Z]+/, '');
  const text = (a: string) => (typeof real.cells[a] === 'string' && !isFormula(real.cells[a]) ? String(real.cells[a]) : '');
  const format = real.formats[addr] ?? '';
  const title = text(TITLE);
  const unit = format.includes('%') ? '%' : /0\.00(?!0)/.test(format) ? (SHEET_UNIT.exec(title)?.[1].trim() ?? '') : '';
  return { zh: text(`A${row}`), en: text(`B${row}`), unit };
}

/** Sample contents (and the real sheet's formats) for the given cells of a template sheet, with the labels that say what they are. */
export function stubContents(sheet: TemplateSheetName, addrs: readonly string[], withLabels = true): Pick<Sheet, 'cells' | 'formats'> {
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
  if (withLabels) for (const addr of stubLabelAddrs(sheet, addrs)) cells[addr] = real.cells[addr];
  return { cells, formats };
}

/** A stub cell whose content is not the template's sample any more: the user typed it. */
export interface StubEdit {
  sheet: TemplateSheetName;
  addr: string;
  value: RawContent;
  /** What the real sheet holds there: a formula or its own value. */
  replacement: RawContent | undefined;
  meaning: CellMeaning;
}

/** The values typed into `stub` that inserting its real sheet would replace. */
export function stubEdits(stub: Sheet & { name: TemplateSheetName }): StubEdit[] {
  const real = templateSheetData(stub.name).cells;
  const out: StubEdit[] = [];
  for (const [addr, value] of Object.entries(stub.cells)) {
    if (value === sampleValue(stub.name, addr) || value === real[addr]) continue;
    out.push({ sheet: stub.name, addr, value, replacement: real[addr], meaning: cellMeaning(stub.name, addr) });
  }
  return out;
}

export function buildStubSheet(sheet: TemplateSheetName, addrs: readonly string[]): Sheet {
  return { id: newId('s'), name: sheet, ...stubContents(sheet, addrs), stub: true };
}
