/**
 * Numbers as the notebook shows them: a result is formatted with the number format of the cell it
 * came from (万元 with two decimals, 0.0 % …), so the panel reads like the sheet. Also the parsing
 * of what users type into the panel's fields (`10%`, `1,200`, `0.7:0.9:5`).
 */
import { splitSheetRef } from '../../model/address';
import { parseInput } from '../../model/cell';
import type { Notebook } from '../../model/notebook';
import { findSheet } from '../../model/notebook';
import { steps } from '../../model/whatif';
import { formatGeneral, formatNumber } from '../../i18n/numberFormat';

/** The number format of `Sheet!A1` (undefined for names, other sheets, General). */
export function formatOf(nb: Notebook, key: string): string | undefined {
  const { sheet, ref } = splitSheetRef(key);
  if (!sheet) {
    const name = nb.names.find((n) => n.name.toUpperCase() === key.toUpperCase());
    return name ? formatOf(nb, name.expression.replace(/^=/, '').replace(/\$/g, '')) : undefined;
  }
  return findSheet(nb, sheet)?.formats[ref.replace(/\$/g, '').toUpperCase()];
}

export function fmt(nb: Notebook, key: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const code = formatOf(nb, key);
  return code ? formatNumber(v, code) : formatGeneral(Number(v.toPrecision(6)));
}

/** A short signed number for deltas and swings in the output's format. */
export function fmtDelta(nb: Notebook, key: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = fmt(nb, key, Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}

/** One number as a user types it (`10%`, `1,200`, `-0.5`); null when it is not one. */
export function parseNumber(text: string): number | null {
  const p = parseInput(text.trim());
  return typeof p.raw === 'number' && Number.isFinite(p.raw) ? p.raw : null;
}

/** `0.7, 0.8, 0.9`, `70%, 80%` or `0.7:0.9:5` (from:to:count) → numbers; the bad part otherwise. */
export function parseNumberList(text: string): number[] | { bad: string } {
  const t = text.trim();
  const range = /^([^:]+):([^:]+):\s*(\d+)\s*$/.exec(t);
  if (range) {
    const a = parseNumber(range[1]);
    const b = parseNumber(range[2]);
    const n = Number(range[3]);
    if (a === null) return { bad: range[1] };
    if (b === null) return { bad: range[2] };
    if (!(n >= 1 && n <= 1000)) return { bad: range[3] };
    return steps(a, b, n);
  }
  const out: number[] = [];
  for (const part of t.split(/[,，;；\s]+/).filter(Boolean)) {
    const n = parseNumber(part);
    if (n === null) return { bad: part };
    out.push(n);
  }
  return out;
}

export function listText(values: number[]): string {
  return values.map((v) => String(Number(v.toPrecision(12)))).join(', ');
}

/** Refs typed as `A!B1, NAME` → trimmed, non-empty. */
export function parseRefList(text: string): string[] {
  return text.split(/[,，;；\s]+/).map((s) => s.trim()).filter(Boolean);
}
