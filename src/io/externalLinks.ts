/**
 * References into other workbooks (`[1]Sheet1!A1`, `'[1]My sheet'!A1:B2`) and data tables.
 *
 * A notebook cannot open another file, but Excel keeps a copy of every value a workbook reads from
 * another one (`xl/externalLinks/externalLinkN.xml`, its `sheetDataSet`): `[n]` is the n-th
 * `<externalReference>` of the workbook. Each external reference in a formula becomes the value
 * Excel last read there (a range becomes an array of them), so the formula computes what Excel
 * showed, and the cell is reported as a link. A reference whose values Excel did not keep (a
 * whole column, a defined name in the other book) leaves the cell with Excel's own cached value.
 *
 * A data table (What-If Analysis, `<f t="dataTable">`) is computed by Excel's table machinery,
 * which the engine lacks: its cells keep Excel's values, and the table is reported.
 */
import { parseA1, parseRange, toA1 } from '../model/address';
import type { CellValue } from '../model/cell';
import { decodeXml, unescapeOoxml, xmlAttributes } from './workbookXml';

export interface ExternalBook {
  /** The other workbook's file, as the link's relationship names it (for the report). */
  target: string;
  /** Sheet name upper-cased → A1 → the value Excel kept. */
  sheets: Map<string, Map<string, CellValue>>;
}

/** The `rId`s of the workbook's `<externalReference>`s, in order (`[1]` is the first). */
export function externalReferenceIds(workbookXml: string): string[] {
  const block = /<(?:\w+:)?externalReferences\b[^>]*>([\s\S]*?)<\/(?:\w+:)?externalReferences>/.exec(workbookXml);
  if (!block) return [];
  return [...block[1].matchAll(/<(?:\w+:)?externalReference\b([^>]*?)\/?>/g)].map((m) => xmlAttributes(m[1]).id ?? '');
}

/** One `externalLinkN.xml` → its sheets' kept values. */
export function parseExternalLink(xml: string, target = ''): ExternalBook {
  const names = [...xml.matchAll(/<(?:\w+:)?sheetName\b([^>]*?)\/?>/g)].map((m) => xmlAttributes(m[1]).val ?? '');
  const sheets = new Map<string, Map<string, CellValue>>();
  for (const m of xml.matchAll(/<(?:\w+:)?sheetData\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/g)) {
    const id = Number(xmlAttributes(m[1]).sheetId);
    const name = names[id];
    if (name === undefined) continue;
    const cells = new Map<string, CellValue>();
    for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?cell>)/g)) {
      const a = xmlAttributes(c[1]);
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c[2] ?? '');
      if (!a.r || !v) continue;
      const text = decodeXml(v[1]);
      let value: CellValue;
      if (a.t === 'str' || a.t === 's' || a.t === 'inlineStr') value = unescapeOoxml(text);
      else if (a.t === 'b') value = text.trim() === '1';
      else if (a.t === 'e') value = { error: text.trim() };
      else value = Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : unescapeOoxml(text);
      cells.set(a.r.replace(/\$/g, '').toUpperCase(), value);
    }
    sheets.set(name.toUpperCase(), cells);
  }
  return { target, sheets };
}

/** The most cells one external range may bring into a formula as an array. */
const MAX_ARRAY_CELLS = 10_000;

/** A value as formula text the engine parses (strings without doubled quotes: CHAR(34) instead). */
function literal(v: CellValue): string {
  if (v === null || v === undefined) return '0';
  if (typeof v === 'number') return v < 0 ? `(${v})` : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE()' : 'FALSE()';
  if (typeof v === 'object') return v.error;
  return v.includes('"') ? `("${v.split('"').join('"&CHAR(34)&"')}")` : `"${v}"`;
}

/** In an array literal only constants are allowed: quotes inside text are dropped rather than spelled as CHAR(34). */
function arrayItem(v: CellValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `"${v.replace(/"/g, '')}"`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return literal(v);
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
/**
 * An external reference (group 2: quoted book+sheet, 3: book of an unquoted one, 4: its sheet,
 * 5: the cell or range; 6: a book-level name `[1]!Name`), after strings (group 1), which are skipped.
 */
const EXTERNAL = new RegExp(
  String.raw`("(?:[^"]|"")*"?)` +
    String.raw`|(?:'\[(\d+)\]((?:[^']|'')+)'|\[(\d+)\]([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!(${CELL}(?::${CELL})?)(?![\w(])` +
    String.raw`|\[(\d+)\]!?([A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)` +
    String.raw`|'(?:[^']|'')*'?`,
  'g',
);

export type ExternalTranslation = { formula: string; external: boolean; complete: boolean };

/**
 * Replaces each external reference of a formula as stored in a file (no `=`) by the values Excel
 * kept. `complete` is false when a reference's values are not all there (the cell should then keep
 * Excel's value); `external` says whether the formula read another workbook at all.
 */
export function translateExternalRefs(text: string, books: readonly ExternalBook[]): ExternalTranslation {
  if (!text.includes('[')) return { formula: text, external: false, complete: true };
  let external = false;
  let complete = true;
  const formula = text.replace(EXTERNAL, (m: string, str?: string, qBook?: string, qSheet?: string, uBook?: string, uSheet?: string, ref?: string, nBook?: string) => {
    if (str !== undefined) return m;
    if (nBook !== undefined) {
      external = true;
      complete = false;
      return m;
    }
    if (ref === undefined) return m;
    external = true;
    const book = books[Number(qBook ?? uBook) - 1];
    const sheetName = qBook !== undefined ? (qSheet ?? '').replace(/''/g, "'") : (uSheet ?? '');
    const cells = book?.sheets.get(sheetName.toUpperCase());
    if (!cells) {
      complete = false;
      return '#REF!';
    }
    const plain = ref.replace(/\$/g, '').toUpperCase();
    if (!plain.includes(':')) {
      if (!parseA1(plain)) complete = false;
      return literal(cells.get(plain) ?? null);
    }
    const range = parseRange(plain);
    if (!range) {
      complete = false;
      return '#REF!';
    }
    const rows = range.end.row - range.start.row + 1;
    const cols = range.end.col - range.start.col + 1;
    if (rows * cols > MAX_ARRAY_CELLS) {
      complete = false;
      return '#REF!';
    }
    const lines: string[] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const items: string[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) items.push(arrayItem(cells.get(toA1({ row: r, col: c })) ?? null));
      lines.push(items.join(','));
    }
    return `{${lines.join(';')}}`;
  });
  return { formula, external, complete };
}

/** The `ref`s of a worksheet's data tables (`<f t="dataTable" ref="B5:B11" …>`). */
export function dataTableRanges(sheetXml: string): string[] {
  if (!sheetXml.includes('dataTable')) return [];
  const out: string[] = [];
  for (const m of sheetXml.matchAll(/<(?:\w+:)?f\b([^>]*?)\/?>/g)) {
    const a = xmlAttributes(m[1]);
    if (a.t === 'dataTable' && a.ref) out.push(a.ref);
  }
  return out;
}
