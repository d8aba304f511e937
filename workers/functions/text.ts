/** TEXT with Excel's format codes, CONCAT (the engine has CONCATENATE, which takes no ranges), VALUETOTEXT, TEXTBEFORE, TEXTAFTER, DOLLAR, FIXED, NUMBERVALUE and ARRAYTOTEXT, which the engine lacks. */
import { CellError, FunctionArgumentType, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { formatExcelNumber, formatExcelText } from '../../src/i18n/excelFormat';
import { excelRound } from '../excelRounding';
import { ExcelPlugin, cellsOf, firstError, na, plain, value } from './values';
import type { Scalar } from './values';

/** Excel's text for a value in CONCAT: numbers as General shows them, TRUE/FALSE, empty as nothing. */
function asText(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15))).replace('e', 'E');
  return String(v);
}

function concat(...args: unknown[]) {
  const cells = args.flatMap(cellsOf);
  const error = firstError(cells);
  if (error) return error;
  const text = cells.map(asText).join('');
  return text.length > 32767 ? value('The text is longer than 32,767 characters.') : text;
}

const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!', NA: '#N/A', NAME: '#NAME?', NUM: '#NUM!', REF: '#REF!', VALUE: '#VALUE!', NULL: '#NULL!', SPILL: '#SPILL!', CYCLE: '#CYCLE!', ERROR: '#ERROR!', LIC: '#LIC!',
};

/**
 * VALUETOTEXT: numbers to 15 significant digits written out in full (7.123456E-9 is
 * "0.000000007123456"), logicals TRUE/FALSE, an error as its code; format 1 quotes text.
 */
function valueToText(v: unknown, format: number): string | CellError {
  if (format !== 0 && format !== 1) return value('The format must be 0 or 1.');
  const x = plain(v);
  if (x instanceof CellError) return ERROR_TEXT[x.type] ?? '#VALUE!';
  if (typeof x === 'number') return x.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
  if (typeof x === 'string') return format === 1 ? `"${x.replace(/"/g, '""')}"` : x;
  return asText(x);
}

/**
 * TEXTBEFORE / TEXTAFTER: the text before (after) the nth delimiter — any of several when given
 * an array — counted from the end when n is negative; match mode 1 ignores case; match end 1
 * lets the text's end (start, counting back) stand for a delimiter. Not found: `ifNotFound`, else #N/A.
 */
function textAround(after: boolean) {
  return (text: string, delimiters: unknown, instance: number, matchMode: number, matchEnd: number, ifNotFound: unknown) => {
    const delims = cellsOf(delimiters);
    const error = firstError(delims);
    if (error) return error;
    const list = delims.map((d) => asText(d));
    if (instance === 0 || Math.abs(instance) > Math.max(1, text.length)) return value('The instance must not be 0 or beyond the text.');
    if (matchMode !== 0 && matchMode !== 1) return value('The match mode must be 0 or 1.');
    if (matchEnd !== 0 && matchEnd !== 1) return value('Match end must be 0 or 1.');
    const hay = matchMode === 1 ? text.toLowerCase() : text;
    const needles = matchMode === 1 ? list.map((d) => d.toLowerCase()) : list;
    // Every match, left to right, not overlapping; the longest delimiter wins at one position.
    const found: { at: number; length: number }[] = [];
    if (needles.some((d) => d === '')) {
      const cut = instance > 0 ? 0 : text.length;
      return after ? text.slice(cut) : text.slice(0, cut);
    }
    for (let i = 0; i < hay.length; ) {
      const hits = needles.filter((d) => hay.startsWith(d, i));
      if (hits.length) {
        const length = Math.max(...hits.map((d) => d.length));
        found.push({ at: i, length });
        i += length;
      } else i++;
    }
    if (matchEnd === 1) {
      if (instance > 0) found.push({ at: text.length, length: 0 });
      else found.unshift({ at: 0, length: 0 });
    }
    const hit = instance > 0 ? found[instance - 1] : found[found.length + instance];
    if (!hit) return ifNotFound === undefined ? na('The delimiter is not in the text.') : ifNotFound;
    return after ? text.slice(hit.at + hit.length) : text.slice(0, hit.at);
  };
}

/** ARRAYTOTEXT: format 0 lists the values with ", "; format 1 writes an array constant, text quoted. */
function arrayToText(arg: unknown, format: number): string | CellError {
  if (format !== 0 && format !== 1) return value('The format must be 0 or 1.');
  const grid = arg instanceof SimpleRangeValue ? arg.data : [[arg]];
  const text = (v: unknown) => {
    const x = plain(v);
    return x === null || x === undefined ? '' : (valueToText(x, format) as string);
  };
  if (format === 0) return grid.flat().map(text).join(', ');
  return `{${grid.map((row) => row.map(text).join(',')).join(';')}}`;
}

/** A number rounded half away from zero to `decimals` places (left of the point when negative), with thousands separators. */
function fixedText(x: number, decimals: number, commas: boolean): string {
  const places = Math.trunc(decimals);
  const r = excelRound(Math.abs(x), places);
  const digits = Math.max(0, places);
  const [int, frac] = r.toFixed(Math.min(digits, 100)).split('.');
  const grouped = commas ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** DOLLAR: currency text as Excel's en-US format shows it, negatives in parentheses. */
function dollar(x: number, decimals: number) {
  if (Math.trunc(decimals) > 127) return value('Too many decimals.');
  const text = `$${fixedText(x, decimals, true)}`;
  return x < 0 && excelRound(x, Math.trunc(decimals)) !== 0 ? `(${text})` : text;
}

/** FIXED: the number as text with a fixed number of decimals, with or without thousands separators. */
function fixed(x: number, decimals: number, noCommas: boolean) {
  if (Math.trunc(decimals) > 127) return value('Too many decimals.');
  const text = fixedText(x, decimals, !noCommas);
  return x < 0 && excelRound(x, Math.trunc(decimals)) !== 0 ? `-${text}` : text;
}

/**
 * NUMBERVALUE: text to a number with the given separators (default "." and ","): spaces and group
 * separators are dropped (none after the decimal one), each trailing % divides by 100; "" is 0.
 */
function numberValue(text: string, decimalSep?: string, groupSep?: string) {
  const dec = decimalSep === undefined ? '.' : decimalSep.charAt(0);
  const group = groupSep === undefined ? ',' : groupSep.charAt(0);
  if (decimalSep === '' || groupSep === '' || dec === group) return value('The separators must be one character and differ.');
  let t = text.replace(/\s+/g, '');
  if (t === '') return 0;
  let percents = 0;
  while (t.endsWith('%')) {
    percents++;
    t = t.slice(0, -1);
  }
  const at = t.indexOf(dec);
  if (at >= 0 && t.indexOf(dec, at + 1) >= 0) return value('More than one decimal separator.');
  const whole = (at >= 0 ? t.slice(0, at) : t).split(group).join('');
  const frac = at >= 0 ? t.slice(at + 1) : '';
  if (frac.includes(group)) return value('A group separator after the decimal one.');
  const body = at >= 0 ? `${whole}.${frac}` : whole;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return value('The text is not a number.');
  return Number(body) / 100 ** percents;
}

/**
 * TEXT(value, format): the value as Excel's format code shows it (src/i18n/excelFormat.ts);
 * numeric text is a number, other text goes through the code's text section, logicals stay
 * TRUE/FALSE; a code Excel refuses (or a date out of its range) is #VALUE!.
 */
function text(v: unknown, format: string): string | CellError {
  const x = plain(v);
  if (x instanceof CellError) return x;
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  let n: number | undefined = typeof x === 'number' ? x : x === null || x === undefined ? 0 : undefined;
  if (typeof x === 'string') {
    const t = x.trim();
    if (t !== '' && Number.isFinite(Number(t))) n = Number(t);
    else return formatExcelText(x, format);
  }
  const out = formatExcelNumber(n as number, format);
  return out === null ? value('The format cannot show this value.') : out;
}

const TEXT_AROUND = [
  { argumentType: FunctionArgumentType.STRING },
  { argumentType: FunctionArgumentType.ANY },
  { argumentType: FunctionArgumentType.INTEGER, defaultValue: 1, emptyAsDefault: true },
  { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0, emptyAsDefault: true },
  { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0, emptyAsDefault: true },
  { argumentType: FunctionArgumentType.SCALAR, optionalArg: true },
];

export class TextPlugin extends ExcelPlugin {
  static implementedFunctions: ImplementedFunctions = {
    CONCAT: { method: 'concat', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    ARRAYTOTEXT: { method: 'arrayToText', parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 }], vectorizationForbidden: true },
    DOLLAR: { method: 'dollar', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 }] },
    FIXED: { method: 'fixed', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 2 }, { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false }] },
    NUMBERVALUE: { method: 'numberValue', parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING, optionalArg: true }, { argumentType: FunctionArgumentType.STRING, optionalArg: true }] },
    TEXT: { method: 'text', parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }] },
    TEXTBEFORE: { method: 'textBefore', parameters: TEXT_AROUND },
    TEXTAFTER: { method: 'textAfter', parameters: TEXT_AROUND },
    VALUETOTEXT: { method: 'valueToText', parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0 }] },
  };

  concat(ast: unknown, state: unknown) {
    return this.run('CONCAT', ast, state, concat);
  }

  valueToText(ast: unknown, state: unknown) {
    return this.run('VALUETOTEXT', ast, state, valueToText);
  }

  text(ast: unknown, state: unknown) {
    return this.run('TEXT', ast, state, text);
  }

  textBefore(ast: unknown, state: unknown) {
    return this.run('TEXTBEFORE', ast, state, textAround(false));
  }

  textAfter(ast: unknown, state: unknown) {
    return this.run('TEXTAFTER', ast, state, textAround(true));
  }

  dollar(ast: unknown, state: unknown) {
    return this.run('DOLLAR', ast, state, dollar);
  }

  fixed(ast: unknown, state: unknown) {
    return this.run('FIXED', ast, state, fixed);
  }

  numberValue(ast: unknown, state: unknown) {
    return this.run('NUMBERVALUE', ast, state, numberValue);
  }

  arrayToText(ast: unknown, state: unknown) {
    return this.run('ARRAYTOTEXT', ast, state, arrayToText);
  }
}
