/**
 * Copy and paste as tab-separated text, the format Excel and Google Sheets put on the clipboard.
 * Copying also remembers the raw contents, so a paste inside Opsbook brings formulas with their
 * relative references shifted (as in Excel); text from elsewhere is read like typing.
 */
import { parseInput, isFormula } from '../../model/cell';
import type { RawContent } from '../../model/cell';
import { shiftFormula } from '../../model/formulaText';
import { toA1 } from '../../model/address';
import type { CellPos, RangePos } from '../../model/address';
import type { CellWrite } from '../../model/commands';
import { maxOf } from '../../model/arrays';

/** Parses TSV as Excel writes it: quoted fields may hold tabs, newlines and doubled quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n');
  let atFieldStart = true;
  while (i < src.length) {
    const ch = src[i];
    if (atFieldStart && ch === '"') {
      // quoted field
      let j = i + 1;
      let value = '';
      for (;;) {
        const k = src.indexOf('"', j);
        if (k < 0) { value += src.slice(j); j = src.length; break; }
        value += src.slice(j, k);
        if (src[k + 1] === '"') { value += '"'; j = k + 2; continue; }
        j = k + 1;
        break;
      }
      // a quote that does not close before a separator is literal text (Excel does the same)
      if (j < src.length && src[j] !== '\t' && src[j] !== '\n') {
        const end = nextSep(src, i);
        field = src.slice(i, end);
        i = end;
      } else {
        field = value;
        i = j;
      }
      atFieldStart = false;
      continue;
    }
    if (ch === '\t') { row.push(field); field = ''; atFieldStart = true; i++; continue; }
    if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; atFieldStart = true; i++; continue; }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (!atFieldStart || field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function nextSep(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (s[i] === '\t' || s[i] === '\n') return i;
  return s.length;
}

function quoteField(s: string): string {
  return /[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map(quoteField).join('\t')).join('\n');
}

export interface CopiedBlock {
  origin: CellPos;
  raws: (RawContent | undefined)[][];
  text: string;
}

/** What a copy puts on the clipboard: the values as text, and the raw contents for ourselves. */
export function copyBlock(range: RangePos, raw: (p: CellPos) => RawContent | undefined, shown: (p: CellPos) => string): CopiedBlock {
  const raws: (RawContent | undefined)[][] = [];
  const text: string[][] = [];
  for (let r = range.start.row; r <= range.end.row; r++) {
    const rr: (RawContent | undefined)[] = [];
    const tr: string[] = [];
    for (let c = range.start.col; c <= range.end.col; c++) {
      rr.push(raw({ row: r, col: c }));
      tr.push(shown({ row: r, col: c }));
    }
    raws.push(rr);
    text.push(tr);
  }
  return { origin: { ...range.start }, raws, text: toTsv(text) };
}

/**
 * The writes a paste makes at `target`. When the clipboard text is our own copy, formulas are
 * pasted with references shifted by the move; otherwise each field is read like typed input.
 */
export function pasteWrites(target: CellPos, text: string, own: CopiedBlock | null): { writes: CellWrite[]; rows: number; cols: number } {
  const writes: CellWrite[] = [];
  if (own && own.text === text.replace(/\r\n?/g, '\n').replace(/\n$/, '')) {
    const dRow = target.row - own.origin.row;
    const dCol = target.col - own.origin.col;
    own.raws.forEach((row, r) =>
      row.forEach((raw, c) => {
        const addr = toA1({ row: target.row + r, col: target.col + c });
        writes.push({ addr, raw: raw === undefined ? null : isFormula(raw) ? shiftFormula(raw, dRow, dCol) : raw });
      }),
    );
    return { writes, rows: own.raws.length, cols: maxOf(own.raws.map((r) => r.length), 0) };
  }
  const grid = parseTsv(text.replace(/\r?\n$/, ''));
  grid.forEach((row, r) =>
    row.forEach((field, c) => {
      writes.push({ addr: toA1({ row: target.row + r, col: target.col + c }), raw: parseInput(field).raw });
    }),
  );
  return { writes, rows: grid.length, cols: maxOf(grid.map((r) => r.length), 0) };
}

