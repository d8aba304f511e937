/**
 * Raw cell contents (what the user typed, as the document stores it) and computed values
 * (what the engine returns). The document never stores computed values.
 */
import { referencedSheets } from './formulaText';

/** A number, a boolean, literal text, or a formula (a string starting with `=`). */
export type RawContent = number | boolean | string;

/** An engine error as plain data: comlink cannot carry HyperFormula's error classes. */
export interface CellError {
  error: string; // '#DIV/0!', '#REF!', '#NAME?', '#CYCLE!', '#ERROR!', '#VALUE!', '#N/A', '#NUM!', …
  message?: string;
}

export type CellValue = number | boolean | string | null | CellError;

export function isFormula(raw: RawContent | undefined): raw is string {
  return typeof raw === 'string' && raw.startsWith('=') && raw.length > 1;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** The `data-value` text of the automation contract. */
export function valueToContract(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * How a cell is drawn, on screen and in exported workbooks — the modeling convention: inputs
 * (typed numbers and booleans) blue on a light fill, formulas black, formulas that read another
 * sheet green (links), text labels plain.
 */
export type CellRole = 'empty' | 'label' | 'input' | 'formula' | 'link';

export function cellRole(raw: RawContent | undefined, sheet: string): CellRole {
  if (raw === undefined) return 'empty';
  if (isFormula(raw)) {
    const own = sheet.toLowerCase();
    return referencedSheets(raw).some((s) => s.toLowerCase() !== own) ? 'link' : 'formula';
  }
  return typeof raw === 'string' ? 'label' : 'input';
}

/** What a formula bar shows for a raw content. */
export function rawToInput(raw: RawContent | undefined): string {
  if (raw === undefined) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'number') return String(raw);
  return raw;
}

/**
 * What typing `text` into a cell means, as Excel reads it: `=…` is a formula, numbers (with
 * thousands separators, a leading sign, `%`, or currency) become numbers, TRUE/FALSE booleans,
 * a leading `'` forces text, and everything else is text. `null` clears the cell.
 */
export interface ParsedInput {
  raw: RawContent | null;
  /** A format implied by the typing, e.g. `10%` implies a percentage. */
  impliedFormat?: 'percent';
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

export function parseInput(text: string): ParsedInput {
  if (text === '') return { raw: null };
  if (text.startsWith("'")) return { raw: text };
  if (text.startsWith('=') && text.length > 1) return { raw: text };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { raw: true };
  if (upper === 'FALSE') return { raw: false };
  let body = t.replace(/^[¥￥$]/, '');
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1).trim();
  if (body !== '' && /\d/.test(body) && NUMBER.test(body)) {
    const n = Number(body.replace(/,/g, ''));
    if (Number.isFinite(n)) {
      return percent ? { raw: roundFloat(n / 100), impliedFormat: 'percent' } : { raw: n };
    }
  }
  return { raw: text };
}

/** Undo the binary noise of a decimal division (12.3/100 → 0.123, not 0.12300000000000001). */
function roundFloat(n: number): number {
  return Number(n.toPrecision(15));
}

/** Literal text as HyperFormula must receive it, so "5", "10%" or "2024-01-01" stay text. */
export function textForEngine(raw: string): string {
  return raw.startsWith("'") ? raw : `'${raw}`;
}

/** The text a cell displays for literal text: a leading apostrophe only marks it as text. */
export function displayText(raw: string): string {
  return raw.startsWith("'") ? raw.slice(1) : raw;
}
