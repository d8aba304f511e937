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

/**
 * The scroll position that brings a cell fully into view (unchanged if it already is), clear of
 * the sticky header and of the frozen panes: `frozen.top`/`frozen.left` are the frozen rows'
 * height and columns' width that cover the top and left of the scrolled area (0 for a cell inside
 * a frozen pane along that axis). A cell larger than the free area is aligned to its start.
 */
export function scrollToReveal(vp: Viewport, row: number, col: number, cols: ColumnLayout, frozen: { top: number; left: number }): { top: number; left: number } {
  let top = vp.scrollTop;
  let left = vp.scrollLeft;
  // In canvas coordinates without the header, the scroller shows rows from `top` to
  // `top + vp.height - HEADER_HEIGHT`; the frozen rows cover the first `frozen.top` of that.
  const y = row * ROW_HEIGHT;
  const freeH = vp.height - HEADER_HEIGHT;
  if (y + ROW_HEIGHT > top + freeH) top = y + ROW_HEIGHT - freeH;
  if (y < top + frozen.top) top = y - frozen.top;
  const x = cols.offsets[col];
  const w = cols.width(col);
  const freeW = vp.width - ROW_HEADER_WIDTH;
  if (x + w > left + freeW) left = x + w - freeW;
  if (x < left + frozen.left) left = x - frozen.left;
  return { top: Math.max(0, top), left: Math.max(0, left) };
}
