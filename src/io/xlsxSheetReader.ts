/**
 * One exceljs worksheet → the notebook's raw contents, formats and layout, plus Excel's cached
 * results of its formula cells. Reads `cell.model` rather than `cell.value`: the latter drops
 * falsy results (0, FALSE, "") of formulas.
 */
import type { Worksheet } from 'exceljs';
import { columnLabel, parseA1, parseRange, toA1 } from '../model/address';
import type { CellValue, RawContent } from '../model/cell';
import { shiftFormula } from '../model/formulaText';
import type { NamedExpression, Sheet } from '../model/notebook';
import { inlineNames, inlineRelativeNames, renameNames, resolveQualifiedNames } from './definedNames';
import { fromExcelFormula } from './excelFormula';
import { translateExternalRefs } from './externalLinks';
import type { ExternalBook } from './externalLinks';
import { cachedAsContent } from './engineCheck';
import { intersectImplicitly } from './implicitIntersection';
import type { ScalarArgument } from './implicitIntersection';
import { translateStructuredRefs } from './structuredRefs';
import type { TableInfo } from './structuredRefs';
import type { ImportWarning } from './problems';
import { unescapeOoxml } from './workbookXml';
import { dateToSerial, excelWidthToPixels } from './xlsxUnits';

/** exceljs's ValueType enum, restated so that this module needs no runtime import of exceljs. */
const ValueType = { Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

/** What exceljs's cell model holds (its typings omit the formula sharing fields). */
interface CellModel {
  type: number;
  value?: unknown;
  text?: string;
  formula?: string;
  /** On a shared-formula clone: the address of the master cell. */
  sharedFormula?: string;
  /** `array` on the anchor of an array formula, whose range is `ref`. */
  shareType?: string;
  ref?: string;
  result?: unknown;
}

/** What the workbook tells a sheet's reading: renamed names, linked workbooks, data tables. */
export interface SheetContext {
  renamed?: ReadonlyMap<string, string>;
  /** Names with relative references that this sheet's formulas may use (workbook ones and its own). */
  relativeNames?: readonly NamedExpression[];
  /** `Sheet!Name` → what replaces it (definedNames' `qualified`). */
  qualified?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  externalBooks?: readonly ExternalBook[];
  /** This sheet's data tables' ranges (`B5:B11`). */
  dataTables?: readonly string[];
  /** Given, ranges Excel intersects implicitly in ordinary formulas become their cell (implicitIntersection). */
  scalarArgument?: ScalarArgument;
}

export interface ReadSheet {
  sheet: Omit<Sheet, 'id'>;
  /** Excel's cached result of each formula cell (null where the file kept none). */
  cached: Record<string, CellValue>;
  /**
   * Formula cells whose cached result exceljs garbled or dropped: turned into a Date (any
   * date-formatted cell) or lost (an empty string). xlsxCachedResults re-reads them from the XML.
   */
  uncertainResults: string[];
  /** Formula cells to hold Excel's cached value instead of a formula (`keepCachedValues`, once the results are final). */
  keptValues: string[];
  formulaCount: number;
}

const MAX_TEXT = 32_767;

export function readWorksheet(
  ws: Worksheet,
  localNames: NamedExpression[],
  maxColumns: number,
  warnings: ImportWarning[],
  tables: readonly TableInfo[] = [],
  context: SheetContext = {},
): ReadSheet {
  const renamed = context.renamed ?? new Map<string, string>();
  const books = context.externalBooks ?? [];
  const relativeNames = context.relativeNames ?? [];
  const qualified = context.qualified ?? new Map<string, ReadonlyMap<string, string>>();
  const dataTables = (context.dataTables ?? []).map((ref) => parseRange(ref)).filter((r) => r !== null);
  const inDataTable = (addr: string) => {
    const p = parseA1(addr);
    return !!p && dataTables.some((r) => p.row >= r.start.row && p.row <= r.end.row && p.col >= r.start.col && p.col <= r.end.col);
  };
  const models = new Map<string, CellModel>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      models.set(cell.address, cell.model as unknown as CellModel);
    });
  });

  // Cells inside an array formula's range hold its spilled values; the engine spills them again.
  const spilled = new Set<string>();
  for (const [addr, m] of models) {
    const range = m.shareType === 'array' && m.ref ? parseRange(m.ref) : null;
    if (!range) continue;
    for (let row = range.start.row; row <= range.end.row; row++) {
      for (let col = range.start.col; col <= range.end.col; col++) spilled.add(toA1({ row, col }));
    }
    spilled.delete(addr);
  }

  // Formulas as written in the file (masters of shared formulas included), in our dialect.
  const translated = new Map<string, string>();
  /** Cells that read another workbook; `false`: not all its values were kept, so the cell keeps Excel's. */
  const linked = new Map<string, boolean>();
  const translate = (addr: string, text: string): string => {
    const pos = parseA1(addr);
    const site = pos ? { sheet: ws.name, ...pos } : undefined;
    const ext = translateExternalRefs(text, books);
    if (ext.external) linked.set(addr, ext.complete);
    const formula = renameNames(resolveQualifiedNames(fromExcelFormula(translateStructuredRefs(ext.formula, tables, site)), qualified), renamed);
    return inlineNames(pos ? inlineRelativeNames(formula, relativeNames, pos.row, pos.col) : formula, localNames);
  };
  const formulaAt = (addr: string): string | undefined => {
    let formula = translated.get(addr);
    const text = models.get(addr)?.formula;
    if (formula === undefined && text !== undefined) {
      formula = translate(addr, text);
      translated.set(addr, formula);
    }
    return formula;
  };
  /** A shared formula's copy; one that reads another workbook is moved before its values are looked up. */
  const cloneAt = (addr: string, masterAddr: string): string | undefined => {
    const text = models.get(masterAddr)?.formula;
    const from = parseA1(masterAddr);
    const to = parseA1(addr);
    if (text !== undefined && from && to && /\[\d+\]/.test(text)) return translate(addr, shiftFormula(`=${text}`, to.row - from.row, to.col - from.col).slice(1));
    return sharedClone(addr, masterAddr, formulaAt);
  };

  const cells: Record<string, RawContent> = {};
  const formats: Record<string, string> = {};
  const cached: Record<string, CellValue> = {};
  const uncertainResults: string[] = [];
  /** Formula cells that keep Excel's value (data tables, links without kept values): set once the values are final. */
  const keptValues: string[] = [];
  let formulaCount = 0;
  for (const [addr, m] of models) {
    if (m.type === ValueType.Merge || spilled.has(addr)) continue;
    const numFmt = (m as { style?: { numFmt?: string } }).style?.numFmt;
    if (numFmt && numFmt !== 'General' && numFmt.length <= 255) formats[addr] = numFmt;
    if (m.type === ValueType.Formula) {
      formulaCount++;
      cached[addr] = toCellValue(m.result);
      if (m.result instanceof Date || m.result === undefined) uncertainResults.push(addr);
      if (inDataTable(addr)) {
        // Excel's what-if table machinery computed it: the value stays (re-read with the others below).
        keptValues.push(addr);
        continue;
      }
      cells[addr] = (m.sharedFormula ? cloneAt(addr, m.sharedFormula) : formulaAt(addr)) ?? '=#REF!';
      const at = context.scalarArgument && m.shareType !== 'array' ? parseA1(addr) : null;
      if (at && context.scalarArgument) cells[addr] = intersectImplicitly(cells[addr] as string, at.row, at.col, context.scalarArgument);
      const link = linked.get(addr);
      if (link !== undefined) {
        warnings.push({ code: 'externalLink', detail: `${ws.name}!${addr}: ${m.sharedFormula ? cells[addr] : `=${m.formula ?? ''}`}` });
        if (!link) keptValues.push(addr);
      }
      continue;
    }
    const raw = rawContent(m, `${ws.name}!${addr}`, warnings);
    if (raw !== undefined) cells[addr] = raw;
  }

  for (const ref of context.dataTables ?? []) warnings.push({ code: 'dataTable', detail: `${ws.name}!${ref}` });

  const sheet: Omit<Sheet, 'id'> = { name: ws.name, cells, formats };
  const widths: Record<string, number> = {};
  (ws.columns ?? []).slice(0, maxColumns).forEach((col, i) => {
    if (col.isCustomWidth && typeof col.width === 'number') widths[columnLabel(i)] = excelWidthToPixels(col.width);
  });
  if (Object.keys(widths).length) sheet.colWidths = widths;
  const view = ws.views?.[0];
  if (view?.state === 'frozen' && ((view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0)) {
    sheet.frozen = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
  }
  return { sheet, cached, uncertainResults, keptValues, formulaCount };
}

/** A shared-formula clone: the master's formula with its relative references moved along. */
function sharedClone(addr: string, masterAddr: string, formulaAt: (addr: string) => string | undefined): string | undefined {
  const master = formulaAt(masterAddr);
  const from = parseA1(masterAddr);
  const to = parseA1(addr);
  if (master === undefined || !from || !to) return undefined;
  return shiftFormula(master, to.row - from.row, to.col - from.col);
}

function rawContent(m: CellModel, addr: string, warnings: ImportWarning[]): RawContent | undefined {
  switch (m.type) {
    case ValueType.Number:
      return typeof m.value === 'number' && Number.isFinite(m.value) ? m.value : undefined;
    case ValueType.Date:
      return m.value instanceof Date ? dateToSerial(m.value) : undefined;
    case ValueType.Boolean:
      return m.value === true;
    case ValueType.Error: {
      const code = (m.value as { error?: string } | undefined)?.error ?? '#N/A';
      warnings.push({ code: 'errorConstant', detail: `${addr}: ${code}` });
      return `=${code}`;
    }
    case ValueType.String:
    case ValueType.SharedString:
    case ValueType.RichText:
    case ValueType.Hyperlink:
      return literalText(textOf(m), addr, warnings);
    default:
      return undefined;
  }
}

/** exceljs leaves OOXML's `_xHHHH_` escapes in text; they are undone here. */
function textOf(m: CellModel): string {
  const v = m.value as { richText?: { text: string }[]; text?: unknown } | string | undefined;
  if (typeof v === 'string') return unescapeOoxml(v);
  if (v?.richText) return unescapeOoxml(v.richText.map((r) => r.text).join(''));
  return unescapeOoxml(String(v?.text ?? m.text ?? ''));
}

/** Text as the document stores it: a leading `'` keeps text that starts with `'` or `=` literal. */
function literalText(text: string, addr: string, warnings: ImportWarning[]): string {
  let t = /^['=]/.test(text) ? `'${text}` : text;
  if (t.length > MAX_TEXT) {
    warnings.push({ code: 'textTruncated', detail: `${addr}: ${t.length} characters` });
    t = t.slice(0, MAX_TEXT);
  }
  return t;
}

/** A cached formula result as exceljs read it → a CellValue (null when none was saved). */
function toCellValue(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  if (result instanceof Date) return dateToSerial(result);
  if (typeof result === 'object' && 'error' in result) return { error: String((result as { error: unknown }).error) };
  if (typeof result === 'string') return unescapeOoxml(result);
  if (typeof result === 'number' || typeof result === 'boolean') return result;
  return String(result);
}

/** Puts Excel's cached value into each of the sheet's `keptValues` cells. */
export function keepCachedValues(read: ReadSheet): void {
  for (const addr of read.keptValues) {
    const content = cachedAsContent(read.cached[addr] ?? null);
    if (content === undefined) delete read.sheet.cells[addr];
    else read.sheet.cells[addr] = content;
  }
}
