/**
 * Excel tables (`xl/tables/*.xml`) and the structured references that point into them:
 * `tbBudget[Budget]`, `Table1[[#This Row],[Qty]]`, `[@Qty]`, `Table1[#Totals]`, `Table1[[A]:[C]]`
 * or a bare `Table1`. The engine has no tables, so each reference becomes the plain range it
 * denotes in the file (absolute, so a shared formula's copies keep it; "this row" keeps its row
 * relative). The engine grows such ranges when rows are inserted inside them, as Excel grows a table.
 * A reference that cannot be resolved (an unknown column, `#Totals` of a table without totals)
 * becomes `#REF!`, as Excel shows it.
 */
import { columnLabel, parseRange, qualify } from '../model/address';
import { xmlAttributes } from './workbookXml';

export interface TableInfo {
  /** The name formulas use (`displayName`). */
  name: string;
  sheet: string;
  /** 0-based bounds of the whole table, header and totals rows included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

/** One `xl/tables/tableN.xml` → the table it describes (without its sheet), or null. */
export function parseTableXml(xml: string): Omit<TableInfo, 'sheet'> | null {
  const head = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
  if (!head) return null;
  const a = xmlAttributes(head[1]);
  const range = a.ref ? parseRange(a.ref) : null;
  const name = a.displayName || a.name;
  if (!range || !name) return null;
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b([^>]*?)\/?>/g)].map((m) => xmlAttributes(m[1]).name ?? '');
  const count = (v: string | undefined, fallback: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback);
  return {
    name,
    top: range.start.row,
    left: range.start.col,
    bottom: range.end.row,
    right: range.end.col,
    headerRows: count(a.headerRowCount, 1),
    totalsRows: count(a.totalsRowCount, 0),
    columns,
  };
}

/** Where a formula sits: its sheet and 0-based row (for `[#This Row]` and unqualified `[Col]`). */
export interface FormulaSite {
  sheet: string;
  row: number;
  col: number;
}

const IDENT_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const IDENT_PART = /[\w.\\\u00C0-\uFFFF]/;
const REF_ERROR = '#REF!';

/**
 * Rewrites the structured references in a formula as stored in a file (no leading `=`).
 * String literals and quoted sheet names are left alone. Without tables the text is returned as is.
 */
export function translateStructuredRefs(text: string, tables: readonly TableInfo[], site?: FormulaSite): string {
  if (tables.length === 0 || !text.includes('[') && !tables.some((t) => text.toLowerCase().includes(t.name.toLowerCase()))) return text;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(text[j])) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(text[j])) j++;
      const ident = text.slice(i, j);
      const table = byName.get(ident.toLowerCase());
      const prev = out.trimEnd().slice(-1);
      if (table && prev !== '!' && text[j] !== '!' && text[j] !== '(') {
        if (text[j] === '[') {
          const end = matchingBracket(text, j);
          if (end > 0) {
            out += resolve(table, text.slice(j + 1, end), site);
            i = end + 1;
            continue;
          }
        } else {
          out += resolve(table, '', site);
          i = j;
          continue;
        }
      }
      out += ident;
      i = j;
      continue;
    }
    if (c === '[') {
      const end = matchingBracket(text, i);
      // `[1]Sheet1!A1`: an external workbook, not a table.
      const inner = end > 0 ? text.slice(i + 1, end) : '';
      const home = site && tables.find((t) => t.sheet === site.sheet && site.row >= t.top && site.row <= t.bottom && site.col >= t.left && site.col <= t.right);
      if (end > 0 && home && !/^\d+$/.test(inner)) {
        out += resolve(home, inner, site);
        i = end + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Index just past the literal or quoted name that opens at `start` (`""` and `''` are escapes). */
function closingQuote(text: string, start: number): number {
  const q = text[start];
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] === q) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

/** Index of the `]` that closes the `[` at `start`, or -1; `'` escapes the next character. */
function matchingBracket(text: string, start: number): number {
  let depth = 0;
  for (let j = start; j < text.length; j++) {
    const c = text[j];
    if (c === "'") {
      j++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  return -1;
}

type Part = 'all' | 'headers' | 'data' | 'totals' | 'thisrow';

/** The items of a reference's brackets: special items and column names (unescaped). */
function parseSpecifier(inner: string): { parts: Set<Part>; columns: string[][] } | null {
  const parts = new Set<Part>();
  const columns: string[][] = [];
  let s = inner.trim();
  if (s.startsWith('@')) {
    parts.add('thisrow');
    s = s.slice(1).trim();
  }
  if (s === '') return { parts, columns };
  if (!s.startsWith('[')) {
    const special = specialItem(s);
    if (special) parts.add(special);
    else columns.push([unescape(s)]);
    return { parts, columns };
  }
  // A list of bracketed items, separated by commas; `[A]:[B]` is a span of columns.
  let j = 0;
  let pendingSpan = false;
  while (j < s.length) {
    const ch = s[j];
    if (ch === ' ' || ch === ',') {
      j++;
      continue;
    }
    if (ch === ':') {
      pendingSpan = true;
      j++;
      continue;
    }
    if (ch !== '[') return null;
    const end = matchingBracket(s, j);
    if (end < 0) return null;
    const item = s.slice(j + 1, end);
    j = end + 1;
    const special = specialItem(item);
    if (special) {
      parts.add(special);
    } else if (pendingSpan && columns.length) {
      columns[columns.length - 1].push(unescape(item));
    } else {
      columns.push([unescape(item)]);
    }
    pendingSpan = false;
  }
  return { parts, columns };
}

function specialItem(item: string): Part | null {
  switch (item.trim().toLowerCase().replace(/\s+/g, ' ')) {
    case '#all':
      return 'all';
    case '#headers':
      return 'headers';
    case '#data':
      return 'data';
    case '#totals':
      return 'totals';
    case '#this row':
      return 'thisrow';
    default:
      return null;
  }
}

function unescape(name: string): string {
  return name.replace(/'(.)/g, '$1');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function columnOf(table: TableInfo, name: string): number {
  let i = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  if (i < 0) i = table.columns.findIndex((c) => squash(c) === squash(name));
  return i;
}

/** One reference's brackets (without the outer pair) → a range in A1 form, or `#REF!`. */
function resolve(table: TableInfo, inner: string, site?: FormulaSite): string {
  const spec = parseSpecifier(inner);
  if (!spec) return REF_ERROR;
  let left = table.left;
  let right = table.right;
  if (spec.columns.length > 1) return REF_ERROR; // a union of columns: no single range
  if (spec.columns.length === 1) {
    const [from, to = from] = spec.columns[0].map((c) => columnOf(table, c));
    if (from < 0 || to < 0) return REF_ERROR;
    left = table.left + Math.min(from, to);
    right = table.left + Math.max(from, to);
  }
  const dataTop = table.top + table.headerRows;
  const dataBottom = table.bottom - table.totalsRows;
  const cols = left === right ? `$${columnLabel(left)}` : null;
  const span = (top: number, bottom: number): string => {
    if (top > bottom) return REF_ERROR;
    const a = `$${columnLabel(left)}$${top + 1}`;
    const b = `$${columnLabel(right)}$${bottom + 1}`;
    return qualify(table.sheet, a === b ? a : `${a}:${b}`);
  };
  if (spec.parts.has('thisrow')) {
    if (!site) return REF_ERROR;
    const row = site.row + 1;
    return qualify(table.sheet, cols ? `${cols}${row}` : `$${columnLabel(left)}${row}:$${columnLabel(right)}${row}`);
  }
  const p = spec.parts;
  if (p.has('all')) return span(table.top, table.bottom);
  const headers = p.has('headers');
  const totals = p.has('totals');
  const data = p.has('data') || (!headers && !totals);
  if (headers && table.headerRows === 0) return REF_ERROR;
  if (totals && table.totalsRows === 0) return REF_ERROR;
  if (headers && totals && !data) return REF_ERROR;
  const top = headers ? table.top : data ? dataTop : dataBottom + 1;
  const bottom = totals ? table.bottom : data ? dataBottom : dataTop - 1;
  return span(top, bottom);
}
