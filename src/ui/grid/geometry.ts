/**
 * Grid geometry, framework-free: column offsets from widths, and the window of rows and columns
 * that a scroll position shows. The grid renders a tall spacer the size of the whole sheet and
 * absolutely positions only the visible cells (plus a little overscan) inside it.
 */
import { columnLabel } from '../../model/address';

export const ROW_HEIGHT = 26;
export const HEADER_HEIGHT = 26;
export const ROW_HEADER_WIDTH = 52;
export const DEFAULT_COL_WIDTH = 96;
const OVERSCAN = 4;

export class ColumnLayout {
  /** offsets[c] = x of column c's left edge; offsets[count] = total width. */
  readonly offsets: Float64Array;

  constructor(readonly count: number, widths: Record<string, number> | undefined) {
    this.offsets = new Float64Array(count + 1);
    for (let c = 0; c < count; c++) {
      this.offsets[c + 1] = this.offsets[c] + (widths?.[columnLabel(c)] ?? DEFAULT_COL_WIDTH);
    }
  }

  width(col: number): number {
    return this.offsets[col + 1] - this.offsets[col];
  }

  get total(): number {
    return this.offsets[this.count];
  }

  /** The column under x (binary search over offsets). */
  at(x: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  width: number;
  height: number;
}

export interface VisibleWindow {
  rowStart: number;
  rowEnd: number; // inclusive
  colStart: number;
  colEnd: number; // inclusive
}

export function visibleWindow(vp: Viewport, rows: number, cols: ColumnLayout): VisibleWindow {
  const top = Math.max(0, vp.scrollTop);
  const rowStart = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const rowEnd = Math.min(rows - 1, Math.ceil((top + vp.height) / ROW_HEIGHT) + OVERSCAN);
  const colStart = Math.max(0, cols.at(Math.max(0, vp.scrollLeft)) - 1);
  const colEnd = Math.min(cols.count - 1, cols.at(vp.scrollLeft + vp.width) + 1);
  return { rowStart, rowEnd, colStart, colEnd };
}

/** The scroll position that brings a cell fully into view (unchanged if it already is). */
export function scrollToReveal(vp: Viewport, row: number, col: number, cols: ColumnLayout, frozen: { top: number; left: number }): { top: number; left: number } {
  let top = vp.scrollTop;
  let left = vp.scrollLeft;
  const y = row * ROW_HEIGHT;
  const viewH = vp.height - HEADER_HEIGHT - frozen.top;
  if (y < top) top = y;
  else if (y + ROW_HEIGHT > top + viewH) top = y + ROW_HEIGHT - viewH;
  const x = cols.offsets[col];
  const w = cols.width(col);
  const viewW = vp.width - ROW_HEADER_WIDTH - frozen.left;
  if (x < left) left = x;
  else if (x + w > left + viewW) left = x + w - viewW;
  return { top: Math.max(0, top), left: Math.max(0, left) };
}
