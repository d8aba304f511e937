/**
 * Vets an .xlsx before exceljs sees it. exceljs inflates every entry into memory and builds an
 * object per cell, so a zip bomb or a million-row sheet would hang or crash the tab. Here the
 * archive is checked cheaply first: declared sizes from the central directory, then one streaming
 * pass that inflates each entry (stopping if it outgrows its declared size) and counts rows and
 * cells in each worksheet, stopping at the first limit passed.
 */
import { columnIndex } from '../model/address';
import { xlsxProblem } from './problems';
import type { XlsxProblem } from './problems';
import { parseWorkbookRels, parseWorkbookXml } from './workbookXml';
import type { WorkbookInfo } from './workbookXml';
import { inflateEntry, inflateEntryText, readZipDirectory } from './zipReader';

export interface XlsxLimits {
  maxFileBytes: number;
  /** Sum of the inflated sizes of all entries. */
  maxInflatedBytes: number;
  maxEntries: number;
  maxSheets: number;
  /** Per sheet; the engine's grid is this tall (ENGINE_LIMITS.maxRows in workers/engineCore.ts). */
  maxRows: number;
  /** Per sheet; the engine's grid is this wide (ENGINE_LIMITS.maxColumns). */
  maxColumns: number;
  /** All sheets together; bounds exceljs's memory (an object per cell). */
  maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxSheets: 200,
  maxRows: 200_000,
  maxColumns: 16_384,
  maxCells: 1_000_000,
};

/** A vetted archive answers with what exceljs would lose of `xl/workbook.xml`. */
type Vetting = { ok: true; workbook: WorkbookInfo } | { ok: false; problem: XlsxProblem };

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export async function precheckXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<Vetting> {
  if (bytes.length > limits.maxFileBytes) {
    return xlsxProblem('tooLarge', `${bytes.length} bytes; the limit is ${limits.maxFileBytes}`);
  }
  const dir = readZipDirectory(bytes, limits.maxEntries);
  if (!dir.ok) return dir;
  if (!dir.entries.some((e) => e.name === WORKBOOK)) return xlsxProblem('notWorkbook', `no ${WORKBOOK} among ${dir.entries.length} entries`);
  const declared = dir.entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxInflatedBytes) {
    return xlsxProblem('zipBomb', `${declared} bytes when unpacked; the limit is ${limits.maxInflatedBytes}`);
  }

  // The workbook part first, so that worksheet problems can name the sheet.
  const texts = new Map<string, string>();
  for (const entry of dir.entries.filter((e) => e.name === WORKBOOK || e.name === WORKBOOK_RELS)) {
    const read = await inflateEntryText(bytes, entry);
    if (!read.ok) return read;
    texts.set(entry.name, read.text);
  }
  const workbook = parseWorkbookXml(texts.get(WORKBOOK) ?? '');
  if (workbook.sheets.length === 0) return xlsxProblem('notWorkbook', `${WORKBOOK} lists no sheets`);
  if (workbook.sheets.length > limits.maxSheets) return xlsxProblem('tooManySheets', `${workbook.sheets.length} sheets; the limit is ${limits.maxSheets}`);
  const rels = parseWorkbookRels(texts.get(WORKBOOK_RELS) ?? '');
  for (const s of workbook.sheets) s.path = rels.get(s.relId);
  const sheetByPath = new Map(workbook.sheets.map((s) => [s.path ?? '', s.name]));

  // Then every other entry: exceljs inflates them all, so all must be within their declared sizes.
  const totalCells = { count: 0 };
  for (const entry of dir.entries) {
    if (texts.has(entry.name)) continue;
    const sheetName = WORKSHEET.test(entry.name) ? sheetByPath.get(entry.name) ?? entry.name : undefined;
    const counter = sheetName === undefined ? undefined : new SheetXmlCounter(sheetName, limits, totalCells);
    const decoder = new TextDecoder();
    const failure = await inflateEntry(bytes, entry, (chunk) => counter?.feed(decoder.decode(chunk, { stream: true })));
    if (failure) return { ok: false, problem: failure };
    if (counter?.problem) return { ok: false, problem: counter.problem };
  }
  return { ok: true, workbook };
}

/**
 * Counts `<row>` and `<c>` start tags in a worksheet's XML as it streams past, tracking the
 * highest row and column, and records a problem (and asks to stop) at the first limit passed.
 * Tags cut by a chunk boundary are carried over to the next chunk.
 */
class SheetXmlCounter {
  problem: XlsxProblem | null = null;
  private lastRow = 0;
  private carry = '';

  constructor(
    private readonly sheetName: string,
    private readonly limits: XlsxLimits,
    private readonly total: { count: number },
  ) {}

  feed(text: string): boolean {
    let s = this.carry + text;
    const open = s.lastIndexOf('<');
    if (open >= 0 && s.indexOf('>', open) < 0) {
      this.carry = s.slice(open);
      s = s.slice(0, open);
    } else {
      this.carry = '';
    }
    for (const m of s.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)) {
      const ref = /\sr\s*=\s*["']([^"']*)["']/.exec(m[2])?.[1];
      if (m[1] === 'row') {
        this.lastRow = ref ? Number(ref) : this.lastRow + 1;
        if (!(this.lastRow <= this.limits.maxRows)) return this.fail('tooManyRows', `row ${ref ?? this.lastRow}; the limit is ${this.limits.maxRows} rows`);
        continue;
      }
      if (++this.total.count > this.limits.maxCells) return this.fail('tooManyCells', `more than ${this.limits.maxCells} cells`);
      const letters = ref ? /^[A-Za-z]+/.exec(ref)?.[0] : undefined;
      if (letters && (letters.length > 3 || columnIndex(letters) >= this.limits.maxColumns)) {
        return this.fail('tooManyColumns', `cell ${ref}; the limit is ${this.limits.maxColumns} columns`);
      }
    }
    return true;
  }

  private fail(code: XlsxProblem['code'], detail: string): false {
    this.problem = { code, detail: `sheet ${this.sheetName}: ${detail}` };
    return false;
  }
}
