/**
 * Applying parsed actuals to a plan's G_Monthly: found through the workbook names `ACTUALS`
 * (regions × lines down, region-major, months across) and `CLOSED_MONTHS`, never by address.
 * A file replaces the whole months it holds (a month's export is the month: cells of those months
 * without a row become empty), leaves the other months alone, and sets `CLOSED_MONTHS` to the
 * latest month imported — all as one list of commands, so one undo takes it back.
 */
import { columnLabel, parseRange, splitSheetRef } from '../model/address';
import type { CellWrite, EditCommand } from '../model/commands';
import type { Notebook } from '../model/notebook';
import type { ParsedActuals } from './actualsParse';

export interface ActualsPreview {
  rows: number;
  /** The file's total per month (12). */
  monthTotals: number[];
  /** 1-based months the file holds, and what the plan holds for them now (the values replaced). */
  months: number[];
  replacedTotals: number[];
  closedMonths: number;
}

export type ActualsPlan = { ok: true; preview: ActualsPreview; commands: EditCommand[] } | { ok: false; key: 'actuals.noSheet' | 'actuals.shape' };

function nameRef(nb: Notebook, name: string) {
  const e = nb.names.find((n) => n.name.toUpperCase() === name)?.expression.replace(/^=/, '');
  if (!e) return undefined;
  const { sheet, ref } = splitSheetRef(e);
  const range = parseRange(ref.replace(/\$/g, ''));
  return sheet && range ? { sheet: sheet.replace(/^'|'$/g, ''), range } : undefined;
}

export function actualsPlan(nb: Notebook, parsed: ParsedActuals): ActualsPlan {
  const actuals = nameRef(nb, 'ACTUALS');
  const closed = nameRef(nb, 'CLOSED_MONTHS');
  const sheet = actuals && nb.sheets.find((s) => s.name === actuals.sheet);
  if (!actuals || !closed || !sheet) return { ok: false, key: 'actuals.noSheet' };
  const R = parsed.sums.length;
  const P = R ? parsed.sums[0].length : 0;
  const { start, end } = actuals.range;
  if (end.row - start.row + 1 !== R * P || end.col - start.col + 1 !== 12) return { ok: false, key: 'actuals.shape' };

  const months = Array.from({ length: 12 }, (_x, m) => m).filter((m) => parsed.present.some((reg) => reg.some((line) => line[m])));
  const writes: CellWrite[] = [];
  const replacedTotals: number[] = [];
  for (const m of months) {
    let old = 0;
    for (let r = 0; r < R; r++)
      for (let p = 0; p < P; p++) {
        const addr = `${columnLabel(start.col + m)}${start.row + r * P + p + 1}`;
        const prev = sheet.cells[addr];
        if (typeof prev === 'number') old += prev;
        writes.push({ addr, raw: parsed.present[r][p][m] ? parsed.sums[r][p][m] : null });
      }
    replacedTotals.push(old);
  }
  const commands: EditCommand[] = [{ type: 'setCells', sheet: sheet.name, writes }];
  const closedAddr = `${columnLabel(closed.range.start.col)}${closed.range.start.row + 1}`;
  if (parsed.latestMonth > 0) commands.push({ type: 'setCells', sheet: closed.sheet, writes: [{ addr: closedAddr, raw: parsed.latestMonth }] });
  return {
    ok: true,
    preview: { rows: parsed.rows, monthTotals: parsed.monthTotals, months: months.map((m) => m + 1), replacedTotals, closedMonths: parsed.latestMonth },
    commands,
  };
}
