/**
 * The notebook's check cells and their summary (OK / ⚠ / ERR). The list is recomputed when the
 * document settles, not on every keystroke (a scan reads every formula) — except when rows or
 * columns move, where it follows at once.
 */
import { createComputed, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { checkCells, summarizeChecks } from '../../model/checks';
import type { CheckCell } from '../../model/checks';
import type { Workbench } from './workbench';

export function createChecks(wb: Workbench) {
  const [cells, setCells] = createSignal<CheckCell[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Scan for check cells off the critical path: after opening, and after edits settle (a scan
  // reads every formula).
  const rescan = (delay = 300) => {
    clearTimeout(timer);
    timer = setTimeout(() => setCells(checkCells(wb.session.plain())), delay);
  };
  rescan(0);
  onCleanup(() => clearTimeout(timer));
  // Rows or columns inserted or deleted move the check cells: the list follows at once, or for
  // the wait the summary would read other cells at the old addresses (a flash of ERR on undo).
  createComputed(on(wb.session.shapeTick, () => {
    clearTimeout(timer);
    setCells(checkCells(wb.session.plain()));
  }, { defer: true }));
  const summary = createMemo(() => summarizeChecks(cells(), (s, a) => wb.session.values[s]?.[a]));
  return { summary, rescan: () => rescan() };
}

export type Checks = ReturnType<typeof createChecks>;
