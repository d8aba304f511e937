/**
 * What a reference stands for in the model's own words: `年度目标 TARGET_TOTAL`,
 * `管理层判断增长率 P1 B_Target!C43`. Results of an analysis are read by people who think in the
 * sheet's labels, not in addresses; the reference stays in the text so it can still be found.
 *
 * The label comes from the row's label columns (A 中文, B English, as in every template), in the
 * UI language; a row of a table (values in more than one column) adds its column's heading (the
 * nearest text above the cell). A cell a workbook name points at is shown by that name.
 */
import { splitSheetRef } from './address';
import { localizedLabel } from './cellLabels';
import type { Locale, Notebook, Sheet } from './notebook';
import { findSheet } from './notebook';

const ADDR = /^([A-Z]+)(\d+)$/;

function text(sheet: Sheet, addr: string): string {
  const v = sheet.cells[addr];
  return typeof v === 'string' && !v.startsWith('=') ? v.trim() : '';
}

/** `Sheet!A1` a name points at (a single cell), or undefined. */
function nameTarget(nb: Notebook, name: string): string | undefined {
  const n = nb.names.find((x) => x.name.toUpperCase() === name.toUpperCase());
  if (!n) return undefined;
  const ref = n.expression.replace(/^=/, '').replace(/\$/g, '');
  return /^('?[^!]+'?)![A-Z]+\d+$/.test(ref) ? ref.replace(/^'(.*)'!/, '$1!') : undefined;
}

/** The workbook name that points exactly at `Sheet!A1`, if any. */
function nameOf(nb: Notebook, sheet: string, addr: string): string | undefined {
  return nb.names.find((n) => nameTarget(nb, n.name) === `${sheet}!${addr}`)?.name;
}

/** A column heading is short (`P1`, `华东 East`, `合计 Total`); a sentence above the cell is a note. */
function isHeading(t: string): boolean {
  return t !== '' && t.length <= 16 && !/[、，。；：,;]/.test(t);
}

/** The row label of a cell, with its column heading when the row is a table row. */
export function cellCaption(nb: Notebook, sheetName: string, addr: string, locale: Locale): string {
  const sheet = findSheet(nb, sheetName);
  const m = ADDR.exec(addr.replace(/\$/g, '').toUpperCase());
  if (!sheet || !m) return '';
  const [, col, rowText] = m;
  const row = Number(rowText);
  const label = rowLabel(nb, sheetName, `${col}${row}`, locale);
  if (!label || col === 'A' || col === 'B') return label;
  // a table row: more than one value column filled
  const filled = Object.keys(sheet.cells).filter((a) => {
    const x = ADDR.exec(a);
    return x && Number(x[2]) === row && x[1] !== 'A' && x[1] !== 'B';
  }).length;
  if (filled < 2) return label;
  for (let r = row - 1; r >= 1; r--) {
    const heading = localizedLabel(text(sheet, `${col}${r}`), locale);
    if (isHeading(heading)) return `${label} ${heading}`;
  }
  return label;
}

/** `年度目标 TARGET_TOTAL`, `预测奖金支出 E_Bonus!C48`; the reference alone when no label is found. */
export function refLabel(nb: Notebook, key: string, locale: Locale): string {
  const named = nameTarget(nb, key);
  const { sheet, ref } = splitSheetRef(named ?? key);
  if (!sheet) return key;
  const addr = ref.replace(/\$/g, '').toUpperCase();
  const name = named ? key : nameOf(nb, sheet, addr);
  // a name already says which column: its row label alone
  const caption = name ? rowLabel(nb, sheet, addr, locale) : cellCaption(nb, sheet, addr, locale);
  const id = name ?? key;
  return caption ? `${caption} ${id}` : id;
}

function rowLabel(nb: Notebook, sheetName: string, addr: string, locale: Locale): string {
  const sheet = findSheet(nb, sheetName);
  const row = ADDR.exec(addr)?.[2];
  if (!sheet || !row) return '';
  const zh = text(sheet, `A${row}`);
  const en = text(sheet, `B${row}`);
  return localizedLabel(locale === 'en' ? en || zh : zh || en, locale);
}
