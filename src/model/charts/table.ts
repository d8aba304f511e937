/**
 * A user's own chart from a selected range: a first row of text becomes the series names, a
 * first column of text the category labels, the rest the values (series in columns); a waterfall
 * reads the first column of values, labelled by the label column.
 */
import { parseRange, qualify, rangeToA1, splitSheetRef, toA1 } from '../address';
import type { CellReader } from '../bindingCells';
import { resolveRange } from '../bindingCells';

/** Bindings (`values`, `rowLabels`, `colLabels`) for a chart of the table at `ref`, or null. */
export function tableRanges(ref: string, sheet: string, reader: CellReader): Record<string, string> | null {
  const resolved = resolveRange(ref, sheet, reader);
  if (!resolved || resolved.length !== 1) return null;
  const { sheet: s, range } = resolved[0];
  const prefix = s === sheet ? '' : `${s.includes(' ') ? `'${s}'` : s}!`;
  const isText = (row: number, col: number) => {
    const v = reader.value(s, toA1({ row, col }));
    return typeof v === 'string';
  };
  const { start, end } = range;
  let headerRow = false;
  for (let c = start.col + 1; c <= end.col; c++) if (isText(start.row, c)) headerRow = true;
  if (end.col === start.col && isText(start.row, start.col) && end.row > start.row) headerRow = true;
  let labelCol = false;
  for (let r = start.row + (headerRow ? 1 : 0); r <= end.row; r++) if (isText(r, start.col)) labelCol = true;
  if (end.col === start.col) labelCol = false;
  const v0 = { row: start.row + (headerRow ? 1 : 0), col: start.col + (labelCol ? 1 : 0) };
  if (v0.row > end.row || v0.col > end.col) return null;
  const a1 = (a: { row: number; col: number }, b: { row: number; col: number }) => prefix + (toA1(a) === toA1(b) ? toA1(a) : `${toA1(a)}:${toA1(b)}`);
  const out: Record<string, string> = { values: a1(v0, end) };
  if (labelCol) out.rowLabels = a1({ row: v0.row, col: start.col }, { row: end.row, col: start.col });
  if (headerRow) out.colLabels = a1({ row: start.row, col: v0.col }, { row: start.row, col: end.col });
  return out;
}

/** The bindings of a user's chart of `kind` over the table at `ref`, or null when it is not one. */
export function userChartRanges(kind: string, ref: string, sheet: string, reader: CellReader): Record<string, string> | null {
  const ranges = tableRanges(ref, sheet, reader);
  if (!ranges || kind !== 'waterfall') return ranges;
  // a waterfall reads one column: the first column of values, labelled by the first column
  const { sheet: s, ref: local } = splitSheetRef(ranges.values);
  const r = parseRange(local)!;
  ranges.values = (s ? `${qualify(s, '')}` : '') + rangeToA1({ start: r.start, end: { row: r.end.row, col: r.start.col } });
  if (ranges.rowLabels) ranges.labels = ranges.rowLabels;
  delete ranges.rowLabels;
  delete ranges.colLabels;
  return ranges;
}
