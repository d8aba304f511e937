/**
 * Check cells: formulas that answer `"OK"`, `"ERR"` (a hard reconciliation failure) or `"⚠ …"`
 * (advisory), as the templates' modeling convention has them. A cell is a check when one of its
 * formula's string literals is such an answer, so a user's own `=IF(…,"OK","ERR")` counts too.
 * The notebook shows one summary of all of them; each renders as a badge.
 */
import { isCellError, isFormula } from './cell';
import type { CellValue, RawContent } from './cell';
import { parseA1 } from './address';
import type { Notebook, Sheet } from './notebook';
import type { Bilingual } from './bilingual';
import type { StructureCommand } from './structure';
import { moveAddressMap } from './structure';

export type CheckState = 'ok' | 'warn' | 'err';


export interface CheckCell {
  sheet: string;
  addr: string;
  /** The row's labels: column A (中文) and column B (English); either stands in for a missing other. */
  label: Bilingual;
  /** The nearest section heading above (a row with labels in A:B only), when there is one. */
  section?: Bilingual;
}

/** The state a check answer stands for; `null` for anything that is not a check answer. */
export function checkState(value: CellValue | undefined): CheckState | null {
  if (typeof value !== 'string') return null;
  const text = value.trimStart();
  if (/^OK(?![A-Za-z])/.test(text)) return 'ok';
  if (/^ERR(?![A-Za-z])/.test(text)) return 'err';
  if (text.startsWith('⚠')) return 'warn';
  return null;
}

const STRING_LITERAL = /"((?:[^"]|"")*)"/g;

/** Whether a formula can answer with a check state (one of its string literals is an answer). */
export function isCheckFormula(raw: RawContent | undefined): boolean {
  // Most formulas hold no string literal at all: the scan of a whole notebook skips them cheaply.
  if (!isFormula(raw) || !raw.includes('"')) return false;
  for (const m of raw.matchAll(STRING_LITERAL)) if (checkState(m[1].replace(/""/g, '"')) !== null) return true;
  return false;
}

/** Literal label text; a formula (isFormula narrows too far here) is no label. */
function labelText(raw: RawContent | undefined): string {
  return typeof raw === 'string' && !(raw.startsWith('=') && raw.length > 1) ? raw.trim() : '';
}

function bilingual(zh: string, en: string): Bilingual | undefined {
  if (!zh && !en) return undefined;
  return { zh: zh || en, en: en || zh };
}

/** Rows of a sheet that hold something outside the label columns A:B. */
function rowsWithData(sheet: Sheet): Set<number> {
  const rows = new Set<number>();
  for (const addr of Object.keys(sheet.cells)) {
    const pos = parseA1(addr);
    if (pos && pos.col >= 2) rows.add(pos.row + 1);
  }
  return rows;
}

function sectionAbove(sheet: Sheet, row: number, dataRows: Set<number>): Bilingual | undefined {
  for (let r = row - 1; r >= 2; r--) {
    if (dataRows.has(r)) continue;
    const heading = bilingual(labelText(sheet.cells[`A${r}`]), labelText(sheet.cells[`B${r}`]));
    if (heading) return heading;
  }
  return undefined;
}

/** Every check cell of the notebook, sheet by sheet in tab order, then row by row. */
export function checkCells(nb: Notebook): CheckCell[] {
  const out: CheckCell[] = [];
  for (const sheet of nb.sheets) {
    const found = Object.entries(sheet.cells)
      .filter(([, raw]) => isCheckFormula(raw))
      .map(([addr]) => ({ addr, pos: parseA1(addr) }))
      .filter((c): c is { addr: string; pos: NonNullable<typeof c.pos> } => c.pos !== null)
      .sort((a, b) => a.pos.row - b.pos.row || a.pos.col - b.pos.col);
    if (found.length === 0) continue;
    const dataRows = rowsWithData(sheet);
    for (const { addr, pos } of found) {
      const row = pos.row + 1;
      const label = bilingual(labelText(sheet.cells[`A${row}`]), labelText(sheet.cells[`B${row}`])) ?? { zh: addr, en: addr };
      const section = sectionAbove(sheet, row, dataRows);
      out.push(section ? { sheet: sheet.name, addr, label, section } : { sheet: sheet.name, addr, label });
    }
  }
  return out;
}

export interface CheckResult extends CheckCell {
  state: CheckState;
  value: CellValue;
}

export interface CheckSummary {
  ok: number;
  warn: number;
  err: number;
  results: CheckResult[];
}

/**
 * The states of the given check cells under the current values. A check cell that answers
 * something else (an error such as `#REF!`, or no value) counts as `err`: a broken check fails.
 */
export function summarizeChecks(cells: readonly CheckCell[], valueOf: (sheet: string, addr: string) => CellValue | undefined): CheckSummary {
  const summary: CheckSummary = { ok: 0, warn: 0, err: 0, results: [] };
  for (const cell of cells) {
    const value = valueOf(cell.sheet, cell.addr) ?? null;
    const state = isCellError(value) ? 'err' : (checkState(value) ?? 'err');
    summary[state]++;
    summary.results.push({ ...cell, state, value });
  }
  return summary;
}

/**
 * The check list after rows or columns were inserted or deleted: each check moves with its cell,
 * one deleted drops out. Cheap (no formula is read), so it runs in the edit's own update; a full
 * scan later refreshes labels and sections.
 */
export function moveCheckCells(list: readonly CheckCell[], cmds: readonly StructureCommand[]): CheckCell[] {
  let out = [...list];
  for (const cmd of cmds) {
    const sheet = cmd.sheet.toLowerCase();
    const at: Record<string, number> = {};
    out.forEach((c, i) => {
      if (c.sheet.toLowerCase() === sheet) at[c.addr] = i;
    });
    const moved = moveAddressMap(at, cmd);
    const next = new Map(Object.entries(moved).map(([addr, i]) => [i, addr]));
    out = out.flatMap((c, i) => (c.sheet.toLowerCase() !== sheet ? [c] : next.has(i) ? [{ ...c, addr: next.get(i)! }] : []));
  }
  return out;
}
