/** A jump lands on a cell the user can see: clear of the header and of the frozen rows and columns. */
import { describe, expect, it } from 'vitest';
import { ColumnLayout, HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, scrollToReveal } from '../../src/ui/grid/geometry';

const cols = new ColumnLayout(30, { A: 200, B: 240 }); // wide label columns, as in the templates
const vp = (scrollTop: number, scrollLeft: number) => ({ scrollTop, scrollLeft, width: 1000, height: 500 });
const frozen = { top: 2 * ROW_HEIGHT, left: cols.offsets[2] }; // 2 rows, columns A–B frozen

/** Whether a cell is fully inside the free (unfrozen, unheadered) part of the viewport. */
function fullyFree(v: ReturnType<typeof vp>, row: number, col: number): boolean {
  const y = row * ROW_HEIGHT - v.scrollTop;
  const x = cols.offsets[col] - v.scrollLeft;
  return y >= frozen.top && y + ROW_HEIGHT <= v.height - HEADER_HEIGHT && x >= frozen.left && x + cols.width(col) <= v.width - ROW_HEADER_WIDTH;
}

describe('scrollToReveal', () => {
  it('a cell scrolled under the frozen rows and columns comes out from under them', () => {
    // scrolled so that row 5 / column E sit exactly under the frozen panes
    const start = vp(4 * ROW_HEIGHT - frozen.top + 1, cols.offsets[4] - frozen.left + 1);
    expect(fullyFree(start, 4, 4)).toBe(false);
    const to = scrollToReveal(start, 4, 4, cols, frozen);
    expect(fullyFree({ ...start, scrollTop: to.top, scrollLeft: to.left }, 4, 4)).toBe(true);
  });

  it('a cell past the bottom right is brought to the edge, not beyond', () => {
    const start = vp(0, 0);
    const to = scrollToReveal(start, 78, 7, cols, frozen);
    const v = { ...start, scrollTop: to.top, scrollLeft: to.left };
    expect(fullyFree(v, 78, 7)).toBe(true);
    expect(to.top).toBe(79 * ROW_HEIGHT - (500 - HEADER_HEIGHT)); // the row ends at the bottom edge
  });

  it('a cell in view stays where it is', () => {
    const start = vp(300, 100);
    expect(fullyFree(start, 20, 5)).toBe(true);
    expect(scrollToReveal(start, 20, 5, cols, frozen)).toEqual({ top: 300, left: 100 });
  });

  it('every cell of a block reached from any scroll ends fully visible', () => {
    for (const st of [0, 37, 900, 5000]) for (const sl of [0, 55, 700]) for (const row of [2, 3, 10, 51, 120]) for (const col of [2, 3, 6, 12]) {
      const to = scrollToReveal(vp(st, sl), row, col, cols, frozen);
      expect(fullyFree({ ...vp(st, sl), scrollTop: to.top, scrollLeft: to.left }, row, col), `${row},${col} from ${st},${sl}`).toBe(true);
    }
  });
});
