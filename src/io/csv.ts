/**
 * CSV of a sheet's values (RFC 4180: CRLF rows, fields with a comma, quote or line break quoted,
 * quotes doubled), with a UTF-8 byte-order mark so Excel reads Chinese text correctly.
 *
 * Safe against formula injection: a spreadsheet opening the file would run a field that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`, `=cmd|…`), so
 * such fields get a leading `'`, which Excel and LibreOffice show as text. Numbers are left alone,
 * including formatted negatives such as `-1,234.50` or `-12%`, which cannot carry a formula.
 */
import { parseA1 } from '../model/address';
import { isCellError } from '../model/cell';
import type { CellValue } from '../model/cell';

export type CsvField = string | number | boolean | null | undefined | CellValue;

export interface CsvOptions {
  /** Prefix the UTF-8 byte-order mark (default true). */
  bom?: boolean;
  delimiter?: ',' | ';' | '\t';
}

const BOM = '\uFEFF';
const TRIGGERS = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[¥￥$€£]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

export function toCsv(rows: CsvField[][], opts: CsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const body = rows.map((row) => row.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n');
  return (opts.bom ?? true ? BOM : '') + body + (rows.length ? '\r\n' : '');
}

/** One field: the text a cell shows, neutralised if a spreadsheet would run it, then quoted. */
export function csvField(value: CsvField, delimiter = ','): string {
  const text = fieldText(value);
  const safe = TRIGGERS.test(text) && !(/\d/.test(text) && NUMBER_LIKE.test(text)) ? `'${text}` : text;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function fieldText(value: CsvField): string {
  if (value === null || value === undefined) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value;
}

/** A sheet's sparse values (A1 → value) as the dense rows `toCsv` takes, from A1 to the last used cell. */
export function valuesToRows(values: Record<string, CellValue>): CellValue[][] {
  const rows: CellValue[][] = [];
  let width = 0;
  for (const [addr, v] of Object.entries(values)) {
    const pos = parseA1(addr);
    if (!pos || v === null) continue;
    (rows[pos.row] ??= [])[pos.col] = v;
    width = Math.max(width, pos.col + 1);
  }
  return Array.from(rows, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
}
