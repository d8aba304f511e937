/**
 * A1-style cell addresses. Rows and columns are 0-based internally (as HyperFormula counts them);
 * the A1 text is what the document, the DOM contract and exported files use.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  start: CellPos;
  end: CellPos;
}

export function columnLabel(col: number): string {
  let label = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  }
  return label;
}

export function columnIndex(label: string): number {
  let n = 0;
  for (const ch of label.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(pos: CellPos): string {
  return columnLabel(pos.col) + (pos.row + 1);
}

const A1 = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Parses `C12` or `$C$12`; returns null for anything else. */
export function parseA1(text: string): CellPos | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

/** Parses `C12`, `C12:D20`; returns a normalised range (start is top-left) or null. */
export function parseRange(text: string): RangePos | null {
  const [a, b, extra] = text.split(':');
  if (extra !== undefined) return null;
  const start = parseA1(a ?? '');
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return normaliseRange({ start, end });
}

export function normaliseRange(r: RangePos): RangePos {
  return {
    start: { row: Math.min(r.start.row, r.end.row), col: Math.min(r.start.col, r.end.col) },
    end: { row: Math.max(r.start.row, r.end.row), col: Math.max(r.start.col, r.end.col) },
  };
}

export function rangeToA1(r: RangePos): string {
  const n = normaliseRange(r);
  const a = toA1(n.start);
  const b = toA1(n.end);
  return a === b ? a : `${a}:${b}`;
}

/** Splits `Sheet!A1`, `'My sheet'!A1:B2` or a bare `A1` (sheet undefined). */
export function splitSheetRef(text: string): { sheet?: string; ref: string } {
  const t = text.trim();
  const bang = t.lastIndexOf('!');
  if (bang < 0) return { ref: t };
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: t.slice(bang + 1) };
}

/** `Sheet!A1`, quoting the sheet name when a formula would need it. */
export function qualify(sheet: string, ref: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;
}

export function forEachInRange(r: RangePos, fn: (pos: CellPos) => void): void {
  const n = normaliseRange(r);
  for (let row = n.start.row; row <= n.end.row; row++) {
    for (let col = n.start.col; col <= n.end.col; col++) fn({ row, col });
  }
}
