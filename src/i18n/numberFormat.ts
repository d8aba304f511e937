/**
 * Displays values with Excel number-format codes — the subset planning models use:
 * `General`, `0`, `0.00`, `#,##0`, `#,##0.00`, `0%`, `0.0%`, literal prefixes/suffixes in quotes
 * or after a backslash (`"¥"#,##0`, `#,##0"万元"`), and `pos;neg;zero` sections.
 * Formatting runs for every visible cell on every change, so it caches one Intl formatter per code.
 */
import { isCellError } from '../model/cell';
import type { CellValue } from '../model/cell';
import { formatExcelNumber } from './excelFormat';

/**
 * Codes beyond this module's subset — dates and times, scientific notation, conditions, `?`
 * placeholders, text sections — go to the full formatter TEXT() uses (excelFormat.ts).
 */
function needsFullFormatter(code: string): boolean {
  const bare = code.replace(/"[^"]*"?|\\.|\[(?![<>=])[^\]]*\]|_.|\*./g, '');
  return /[ymdhs]|e[+-]|\[[<>=]|\?|@/i.test(bare.replace(/general/gi, ''));
}

interface Section {
  prefix: string;
  suffix: string;
  decimals: number;
  grouping: boolean;
  percent: boolean;
  /** A section with no digits (e.g. `"-"` for zero) prints just its text. */
  literalOnly: boolean;
}

interface Compiled {
  sections: Section[];
  formatters: Intl.NumberFormat[];
}

const cache = new Map<string, Compiled | null>();

function parseSection(code: string): Section {
  let prefix = '';
  let suffix = '';
  let body = '';
  let seenDigit = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    let lit: string | null = null;
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      lit = code.slice(i + 1, j < 0 ? code.length : j);
      i = j < 0 ? code.length : j;
    } else if (ch === '\\') {
      lit = code[++i] ?? '';
    } else if (ch === '[') {
      const j = code.indexOf(']', i);
      i = j < 0 ? code.length : j; // colours and conditions are ignored
      continue;
    } else if (ch === '_' || ch === '*') {
      i++; // padding directives
      continue;
    } else if ('0#?,.%'.includes(ch)) {
      body += ch;
      if ('0#?'.includes(ch)) seenDigit = true;
      continue;
    } else {
      lit = ch;
    }
    if (seenDigit) suffix += lit;
    else prefix += lit;
  }
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0#?]/g, '').length;
  return {
    prefix,
    suffix: suffix + (body.includes('%') ? '' : ''),
    decimals,
    grouping: body.slice(0, dot < 0 ? undefined : dot).includes(','),
    percent: body.includes('%'),
    literalOnly: !seenDigit,
  };
}

function compile(code: string): Compiled | null {
  if (!code || code.toLowerCase() === 'general') return null;
  const sections = code.split(';').slice(0, 3).map(parseSection);
  // Some Intl implementations (Node 20) take at most 20 fraction digits; Excel allows 30, and
  // digits past the 17th of a double are zeros anyway (see `formatNumber`).
  const formatters = sections.map((s) => {
    const digits = Math.min(s.decimals, MAX_INTL_DECIMALS);
    return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: s.grouping });
  });
  return { sections, formatters };
}

const MAX_INTL_DECIMALS = 20;

/**
 * General format: up to 10 significant digits, no exponent for everyday magnitudes; beyond them
 * Excel's scientific form, six significant digits and a signed two-digit exponent (`1.79769E+308`,
 * `1.5E-10`). Infinity and NaN are not numbers a cell can hold (engineCore's `engineNumber`).
 */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15)) {
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace(/e([+-])(\d+)$/, (_m, sign: string, exp: string) => `E${sign}${exp.padStart(2, '0')}`);
  }
  return String(Number(n.toPrecision(10)));
}

export function formatNumber(n: number, code: string | undefined): string {
  if (!code) return formatGeneral(n);
  // Excel fills a cell it cannot show a date in with #.
  if (needsFullFormatter(code)) return formatExcelNumber(n, code) ?? '########';
  let c = cache.get(code);
  if (c === undefined) {
    c = compile(code);
    cache.set(code, c);
  }
  if (!c) return formatGeneral(n);
  let idx = 0;
  if (c.sections.length > 1 && n < 0) idx = 1;
  else if (c.sections.length > 2 && n === 0) idx = 2;
  const s = c.sections[idx];
  if (s.literalOnly) return s.prefix + s.suffix;
  // A negative section prints its own sign (Excel's `#,##0;(#,##0)`).
  const shown = idx === 1 ? Math.abs(n) : n;
  const scaled = s.percent ? shown * 100 : shown;
  if (!Number.isFinite(scaled)) return '#NUM!';
  const padding = s.decimals > MAX_INTL_DECIMALS ? '0'.repeat(s.decimals - MAX_INTL_DECIMALS) : '';
  const text = c.formatters[idx].format(scaled) + padding;
  const sign = text.startsWith('-') ? '-' : '';
  return sign + s.prefix + text.replace(/^-/, '') + (s.percent ? '%' : '') + s.suffix;
}

/** The text a cell shows for a computed value. */
export function formatValue(v: CellValue | undefined, code: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, code);
  return v;
}

/** The formats offered in the toolbar, by purpose. */
export const FORMAT_PRESETS: { id: string; code: string }[] = [
  { id: 'general', code: 'General' },
  { id: 'integer', code: '#,##0' },
  { id: 'fixed2', code: '#,##0.00' },
  { id: 'percent0', code: '0%' },
  { id: 'percent1', code: '0.0%' },
  { id: 'percent2', code: '0.00%' },
  { id: 'wan', code: '#,##0.00"万元"' },
  { id: 'yuan', code: '"¥"#,##0' },
];
