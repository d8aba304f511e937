/**
 * Notebook → .xlsx that opens in Excel and LibreOffice with live formulas. Each formula carries
 * our computed value as its cached result (what previewers and scripts read without calculating),
 * and the workbook asks for a full recalculation on load, so Excel shows its own results of the
 * very same formulas. Inputs, formulas and cross-sheet links keep the modeling colours.
 */
import type { Cell, Fill, Font, Workbook, Worksheet } from 'exceljs';
import { toA1 } from '../model/address';
import { cellRole, displayText, isCellError, isFormula } from '../model/cell';
import type { CellRole, CellValue, RawContent } from '../model/cell';
import type { SheetValues } from '../model/commands';
import type { NamedExpression, Notebook, Sheet } from '../model/notebook';
import { toExcelFormula } from './excelFormula';
import { loadExcelJs } from './exceljs';
import { pixelsToExcelWidth } from './xlsxUnits';
import { NOTEBOOK_PART_SHEET, notebookPart, notebookPartRows } from './xlsxNotebookPart';

/** A sheet of plain values appended after the notebook's own (a scenario table, a decision log). */
export interface PlainSheet {
  name: string;
  rows: (string | number | boolean | null)[][];
}

/** The modeling convention's colours (see `cellRole`): inputs blue on a light fill, formulas black, links green. */
const ROLE_STYLE: Record<CellRole, { font?: Partial<Font>; fill?: Fill }> = {
  input: { font: { color: { argb: 'FF0000FF' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } },
  formula: { font: { color: { argb: 'FF000000' } } },
  link: { font: { color: { argb: 'FF008000' } } },
  label: {},
  empty: {},
};

export async function exportXlsx(nb: Notebook, values: SheetValues, extraSheets: PlainSheet[] = []): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Opsbook';
  wb.title = nb.title;
  wb.created = new Date(nb.createdAt);
  wb.modified = new Date(nb.updatedAt);
  wb.calcProperties.fullCalcOnLoad = true;

  for (const sheet of nb.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet, values[sheet.name] ?? {});
  const taken = new Set([...nb.sheets.map((s) => s.name.toLowerCase()), NOTEBOOK_PART_SHEET]);
  const derived: string[] = [];
  for (const extra of extraSheets) {
    const name = uniqueSheetName(extra.name, taken);
    derived.push(name);
    const ws = wb.addWorksheet(name);
    for (const row of extra.rows) ws.addRow(row.map((v) => v ?? null));
  }
  // The rest of the notebook (scenarios, decisions, layout, ids), so the file reimports as it.
  const part = wb.addWorksheet(NOTEBOOK_PART_SHEET, { state: 'veryHidden' });
  for (const row of notebookPartRows(notebookPart(nb, derived))) part.addRow(row);
  setDefinedNames(wb, nb.names);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeSheet(ws: Worksheet, sheet: Sheet, values: Record<string, CellValue>): void {
  const addresses = new Set([...Object.keys(sheet.cells), ...Object.keys(sheet.formats)]);
  for (const addr of addresses) {
    const cell = ws.getCell(addr);
    const raw = sheet.cells[addr];
    const numFmt = sheet.formats[addr];
    if (raw === undefined) {
      if (numFmt) cell.numFmt = numFmt;
      continue;
    }
    writeCell(cell, raw, values[addr]);
    cell.style = { ...ROLE_STYLE[cellRole(raw, sheet.name)], ...(numFmt ? { numFmt } : {}) };
  }
  for (const [label, px] of Object.entries(sheet.colWidths ?? {})) ws.getColumn(label).width = pixelsToExcelWidth(px);
  const frozen = sheet.frozen;
  if (frozen && (frozen.rows > 0 || frozen.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: frozen.cols, ySplit: frozen.rows, topLeftCell: toA1({ row: frozen.rows, col: frozen.cols }) }];
  }
}

function writeCell(cell: Cell, raw: RawContent, value: CellValue | undefined): void {
  if (!isFormula(raw)) {
    cell.value = typeof raw === 'string' ? displayText(raw) : raw;
  } else if (isCellError(value) && value.error === '#ERROR!') {
    // The engine could not parse it, so neither could Excel, which would call the file damaged:
    // keep the text visible instead.
    cell.value = raw;
  } else {
    cell.value = { formula: toExcelFormula(raw), result: toExcelResult(value) } as Cell['value'];
  }
}

/** Error codes every Excel since 2007 reads in a cached result. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/** Our computed value as an Excel cached result; engine-only errors (#CYCLE!, #SPILL!, …) become #VALUE!. */
function toExcelResult(value: CellValue | undefined): number | string | boolean | { error: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (isCellError(value)) return { error: EXCEL_ERRORS.has(value.error) ? value.error : '#VALUE!' };
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value;
}

/**
 * exceljs only writes defined names that are plain cell ranges; a name may be any formula or a
 * constant. Its writer emits each entry's `ranges` joined by commas as the name's text, so the
 * model is replaced (on this instance only) with one entry per name holding the whole text.
 */
function setDefinedNames(wb: Workbook, names: NamedExpression[]): void {
  const model = names.map((n) => ({ name: n.name, ranges: [definedNameText(n.expression)] }));
  Object.defineProperty(wb.definedNames, 'model', { get: () => model, set: () => {}, configurable: true });
}

/** The text of `<definedName>`: a formula without `=`, or a constant (text quoted). */
function definedNameText(expression: string): string {
  if (expression.startsWith('=')) return toExcelFormula(expression);
  const t = expression.trim();
  if (t !== '' && Number.isFinite(Number(t))) return t;
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase();
  return `"${expression.replace(/"/g, '""')}"`;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique regardless of case. */
function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}
