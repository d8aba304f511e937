/**
 * Applying parsed actuals to a plan's G_Monthly: found through the workbook names `ACTUALS`
 * (regions × lines down, region-major, months across) and `CLOSED_MONTHS`, never by address.
 * A file replaces the whole months it holds (a month's export is the month: cells of those months
 * without a row become empty), leaves the other months alone, and sets `CLOSED_MONTHS` to the
 * latest month imported — all as one list of commands, so one undo takes it back.
 * A file with a rep column also replaces those months of the rep actuals block (`REP_ACTUALS`,
 * roster order × 12): each rep's sum of its rows, empty for a rep without a row. A file without
 * one leaves the reps' actuals alone.
 */
import { columnLabel, parseRange, splitSheetRef } from '../model/address';
import type { CellWrite, EditCommand, SheetValues } from '../model/commands';
import type { Notebook } from '../model/notebook';
import type { ActualsLists, ParsedActuals } from './actualsParse';

export interface ActualsPreview {
  rows: number;
  /** The file's total per month (12). */
  monthTotals: number[];
  /** 1-based months the file holds, and what the plan holds for them now (the values replaced). */
  months: number[];
  replacedTotals: number[];
  closedMonths: number;
  /** Whether the file has a rep column, and how many of its rows named a rep. */
  repColumn: boolean;
  repRows: number;
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
  const moreCommands: EditCommand[] = [];
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
  if (parsed.repColumn) {
    const repActuals = nameRef(nb, 'REP_ACTUALS');
    const repSheet = repActuals && nb.sheets.find((s) => s.name === repActuals.sheet);
    if (!repActuals || !repSheet) return { ok: false, key: 'actuals.noSheet' };
    const { start: rs, end: re } = repActuals.range;
    if (re.row - rs.row + 1 !== parsed.repSums.length || re.col - rs.col + 1 !== 12) return { ok: false, key: 'actuals.shape' };
    const repWrites: CellWrite[] = [];
    for (const m of months)
      parsed.repSums.forEach((sums, k) => repWrites.push({ addr: `${columnLabel(rs.col + m)}${rs.row + k + 1}`, raw: parsed.repPresent[k][m] ? sums[m] : null }));
    if (repSheet.name === sheet.name) writes.push(...repWrites);
    else moreCommands.push({ type: 'setCells', sheet: repSheet.name, writes: repWrites });
  }
  const commands: EditCommand[] = [{ type: 'setCells', sheet: sheet.name, writes }, ...moreCommands];
  const closedAddr = `${columnLabel(closed.range.start.col)}${closed.range.start.row + 1}`;
  if (parsed.latestMonth > 0) commands.push({ type: 'setCells', sheet: closed.sheet, writes: [{ addr: closedAddr, raw: parsed.latestMonth }] });
  return {
    ok: true,
    preview: {
      rows: parsed.rows,
      monthTotals: parsed.monthTotals,
      months: months.map((m) => m + 1),
      replacedTotals,
      closedMonths: parsed.latestMonth,
      repColumn: parsed.repColumn,
      repRows: parsed.repRows,
    },
    commands,
  };
}

/**
 * The regions, product lines and fiscal year a file of actuals is checked against, read from the
 * plan's own actuals block (column A = region label, B = line, region-major as `ACTUALS` is), so
 * renamed lists and any shape need nothing else; the roster likewise from the rep actuals block
 * (`REP_ACTUALS`: column A = rep, B = its region), when the plan has one. Null when the notebook
 * has no `ACTUALS`.
 */
export function actualsLists(nb: Notebook, values: SheetValues, fiscalYear?: number): ActualsLists | null {
  const actuals = nameRef(nb, 'ACTUALS');
  if (!actuals) return null;
  const got = values[actuals.sheet] ?? {};
  const label = (col: string, row0: number) => String(got[`${col}${row0 + 1}`] ?? '').trim();
  const rows = Array.from({ length: actuals.range.end.row - actuals.range.start.row + 1 }, (_x, i) => actuals.range.start.row + i);
  const first = label('A', rows[0]);
  const P = Math.max(1, rows.filter((r) => label('A', r) === first).length);
  const products = rows.slice(0, P).map((r) => label('B', r));
  const regions = rows.filter((_r, i) => i % P === 0).map((r) => label('A', r));
  const year = fiscalYear ?? Number(/FY\s?(\d{4})/i.exec(nb.title)?.[1] ?? new Date().getFullYear());
  const repActuals = nameRef(nb, 'REP_ACTUALS');
  if (!repActuals) return { regions, products, fiscalYear: year };
  const repValues = values[repActuals.sheet] ?? {};
  const repLabel = (col: string, row0: number) => String(repValues[`${col}${row0 + 1}`] ?? '').trim();
  const reps = Array.from({ length: repActuals.range.end.row - repActuals.range.start.row + 1 }, (_x, i) => {
    const row = repActuals.range.start.row + i;
    return { name: repLabel('A', row), region: regions.indexOf(repLabel('B', row)) };
  });
  return { regions, products, fiscalYear: year, reps };
}

/** The monthly tracking's outputs, in the order a summary shows them. */
export const MONTHLY_OUTPUTS = ['CLOSED_MONTHS', 'YTD_TARGET', 'YTD_ACTUAL', 'ATTAINMENT_YTD', 'FY_FORECAST', 'FY_GAP', 'YTD_STATUS'] as const;

/** The current value of each single-cell output name (undefined where the notebook lacks it). */
export function monthlyOutputs(nb: Notebook, values: SheetValues): Record<(typeof MONTHLY_OUTPUTS)[number], unknown> {
  const out = {} as Record<(typeof MONTHLY_OUTPUTS)[number], unknown>;
  for (const name of MONTHLY_OUTPUTS) {
    const ref = nameRef(nb, name);
    out[name] = ref ? values[ref.sheet]?.[`${columnLabel(ref.range.start.col)}${ref.range.start.row + 1}`] : undefined;
  }
  return out;
}
