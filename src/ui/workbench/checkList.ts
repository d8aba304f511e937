/**
 * The notebook's check cells and their summary (OK / ⚠ / ERR). The list is recomputed when the
 * document settles, not on every keystroke (a scan reads every formula) — except when rows or
 * columns move, where it moves with them at once, and when sheets change, where it is rescanned.
 */
import { createComputed, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { checkCells, isCheckFormula, moveCheckCells, summarizeChecks } from '../../model/checks';
import type { EditCommand } from '../../model/commands';
import type { CheckCell } from '../../model/checks';
import { isStructureCommand } from '../../model/structure';
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
  // Moving the list is cheap; the scan that refreshes labels and finds new checks follows when
  // the edit settles. Cells that only appear move no check (unless one is a check): the scan
  // follows too. A cleared cell may have been a check: scanned at once, as a sheet change is.
  const movesOnly = (cmds: readonly EditCommand[]) =>
    cmds.every((c) => isStructureCommand(c) || c.type === 'setFormats' || c.type === 'setColWidths' || (c.type === 'setCells' && c.writes.every((w) => w.raw !== null && !isCheckFormula(w.raw))));
  createComputed(on(wb.session.shapeTick, () => {
    const cmds = wb.session.lastReshape();
    if (cmds && movesOnly(cmds)) {
      const moves = cmds.filter(isStructureCommand);
      if (moves.length) setCells((list) => moveCheckCells(list, moves));
      rescan();
      return;
    }
    clearTimeout(timer);
    setCells(checkCells(wb.session.plain()));
  }, { defer: true }));
  const summary = createMemo(() => summarizeChecks(cells(), (s, a) => wb.session.values[s]?.[a]));
  return { summary, rescan: () => rescan() };
}

export type Checks = ReturnType<typeof createChecks>;
