/**
 * The selection: an active cell (where typing goes) and a range anchored at it. Moves follow
 * Excel: arrows move, Shift extends, Ctrl+arrow jumps to the edge of a block of data.
 */
import { createStore } from 'solid-js/store';
import type { CellPos, RangePos } from '../../model/address';
import { normaliseRange } from '../../model/address';

export interface SelectionState {
  active: CellPos;
  /** The far corner of the range; equals `active` for a single cell. */
  focus: CellPos;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const STEP: Record<Direction, CellPos> = {
  up: { row: -1, col: 0 },
  down: { row: 1, col: 0 },
  left: { row: 0, col: -1 },
  right: { row: 0, col: 1 },
};

export interface Bounds {
  rows: number;
  cols: number;
}

function clamp(p: CellPos, b: Bounds): CellPos {
  return { row: Math.max(0, Math.min(b.rows - 1, p.row)), col: Math.max(0, Math.min(b.cols - 1, p.col)) };
}

/**
 * Ctrl+arrow: from a filled cell whose neighbour is filled, go to the last filled cell of the
 * run; otherwise go to the next filled cell, or the sheet's edge when there is none.
 */
export function jump(from: CellPos, dir: Direction, filled: (p: CellPos) => boolean, b: Bounds): CellPos {
  const d = STEP[dir];
  const next = (p: CellPos) => ({ row: p.row + d.row, col: p.col + d.col });
  const inside = (p: CellPos) => p.row >= 0 && p.col >= 0 && p.row < b.rows && p.col < b.cols;
  let p = next(from);
  if (!inside(p)) return from;
  if (filled(from) && filled(p)) {
    while (inside(next(p)) && filled(next(p))) p = next(p);
    return p;
  }
  while (inside(p) && !filled(p)) {
    if (!inside(next(p))) return p;
    p = next(p);
  }
  return p;
}

export function createSelection() {
  const [sel, setSel] = createStore<SelectionState>({ active: { row: 0, col: 0 }, focus: { row: 0, col: 0 } });

  const range = (): RangePos => normaliseRange({ start: sel.active, end: sel.focus });

  return {
    sel,
    range,
    select(p: CellPos, extend = false) {
      if (extend) setSel('focus', { ...p });
      else setSel({ active: { ...p }, focus: { ...p } });
    },
    selectRange(r: RangePos) {
      setSel({ active: { ...r.start }, focus: { ...r.end } });
    },
    move(dir: Direction, b: Bounds, opts: { extend?: boolean; jumpWith?: (p: CellPos) => boolean } = {}) {
      const from = opts.extend ? sel.focus : sel.active;
      const to = opts.jumpWith ? jump(from, dir, opts.jumpWith, b) : clamp({ row: from.row + STEP[dir].row, col: from.col + STEP[dir].col }, b);
      if (opts.extend) setSel('focus', to);
      else setSel({ active: to, focus: { ...to } });
    },
    /** Enter/Tab inside a multi-cell range cycle within it, as in Excel. */
    advance(dir: Direction, b: Bounds) {
      const r = range();
      const single = r.start.row === r.end.row && r.start.col === r.end.col;
      if (single) {
        const to = clamp({ row: sel.active.row + STEP[dir].row, col: sel.active.col + STEP[dir].col }, b);
        setSel({ active: to, focus: { ...to } });
        return;
      }
      let { row, col } = sel.active;
      const h = dir === 'left' || dir === 'right';
      const fwd = dir === 'down' || dir === 'right';
      if (h) {
        col += fwd ? 1 : -1;
        if (col > r.end.col) { col = r.start.col; row = row >= r.end.row ? r.start.row : row + 1; }
        if (col < r.start.col) { col = r.end.col; row = row <= r.start.row ? r.end.row : row - 1; }
      } else {
        row += fwd ? 1 : -1;
        if (row > r.end.row) { row = r.start.row; col = col >= r.end.col ? r.start.col : col + 1; }
        if (row < r.start.row) { row = r.end.row; col = col <= r.start.col ? r.end.col : col - 1; }
      }
      setSel('active', { row, col });
    },
  };
}

export type Selection = ReturnType<typeof createSelection>;
