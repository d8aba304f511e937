/**
 * Excel's number-format codes in full, as TEXT() applies them (en-US): up to four sections
 * (positive; negative; zero; text) or sections chosen by conditions (`[>=100]`), colours and
 * locale tags ignored (`[Red]`, `[$-409]`), currency tags shown (`[$€-407]`), literals quoted, after
 * `\`, or plain (`$ - + / ( ) : 年 月`); digit placeholders `0 # ?`, thousands separators and
 * scaling commas, `%`, scientific `E+`/`E-`, `General`; dates and times (`d dd ddd dddd`,
 * `m mm mmm mmmm mmmmm`, `yy yyyy`, `h hh`, minutes `m mm` after hours or before seconds, `s ss`,
 * `.0` fractions of a second, `AM/PM`, `A/P`, elapsed `[h] [m] [s]`); `@` for text.
 * `src/i18n/numberFormat.ts` (the grid) hands date and scientific codes to it as well.
 */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token =
  | { t: 'lit'; v: string }
  | { t: 'digit'; v: '0' | '#' | '?' }
  | { t: 'dot' }
  | { t: 'comma' }
  | { t: 'percent' }
  | { t: 'exp'; plus: boolean }
  | { t: 'date'; v: string }
  | { t: 'ampm'; v: string }
  | { t: 'elapsed'; v: string }
  | { t: 'text' }
  | { t: 'general' };

interface Section {
  tokens: Token[];
  condition?: { op: string; value: number };
  isDate: boolean;
  /** Digit placeholders appear in a date section (`mm###`): Excel refuses the code. */
  invalid: boolean;
}

const compiled = new Map<string, Section[]>();

/** Splits a code on `;` outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j;
      cur += code.slice(i, end + 1);
      i = end;
    } else if (c === '\\') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const j = code.indexOf(']', i);
      const end = j < 0 ? code.length : j;
      cur += code.slice(i, end + 1);
      i = end;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function parseSection(code: string): Section {
  const tokens: Token[] = [];
  let condition: Section['condition'];
  const lower = code.toLowerCase();
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const lc = lower[i];
    if (c === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j;
      tokens.push({ t: 'lit', v: code.slice(i + 1, end) });
      i = end;
    } else if (c === '\\') {
      tokens.push({ t: 'lit', v: code[i + 1] ?? '' });
      i++;
    } else if (c === '[') {
      const j = code.indexOf(']', i);
      const end = j < 0 ? code.length : j;
      const inner = code.slice(i + 1, end);
      i = end;
      const cond = /^(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:e[+-]?\d+)?)$/i.exec(inner);
      if (cond) condition = { op: cond[1], value: Number(cond[2]) };
      else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ t: 'elapsed', v: inner.toLowerCase() });
      else if (inner.startsWith('$')) {
        const symbol = inner.slice(1).split('-')[0];
        if (symbol) tokens.push({ t: 'lit', v: symbol });
      }
      // colours ([Red], [Color 10]) and other tags show nothing
    } else if (c === '_') {
      tokens.push({ t: 'lit', v: ' ' });
      i++;
    } else if (c === '*') {
      i++; // a fill character: TEXT repeats it zero times
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ t: 'digit', v: c });
    } else if (c === '.') {
      tokens.push({ t: 'dot' });
    } else if (c === ',') {
      tokens.push({ t: 'comma' });
    } else if (c === '%') {
      tokens.push({ t: 'percent' });
    } else if (lc === 'e' && (code[i + 1] === '+' || code[i + 1] === '-')) {
      tokens.push({ t: 'exp', plus: code[i + 1] === '+' });
      i++;
    } else if (lower.startsWith('general', i)) {
      tokens.push({ t: 'general' });
      i += 6;
    } else if (lower.startsWith('am/pm', i)) {
      tokens.push({ t: 'ampm', v: code.slice(i, i + 5) });
      i += 4;
    } else if (lower.startsWith('a/p', i)) {
      tokens.push({ t: 'ampm', v: code.slice(i, i + 3) });
      i += 2;
    } else if ('ymdhse'.includes(lc)) {
      let j = i;
      while (lower[j] === lc) j++;
      tokens.push({ t: 'date', v: lower.slice(i, j) });
      i = j - 1;
    } else if (c === '@') {
      tokens.push({ t: 'text' });
    } else {
      tokens.push({ t: 'lit', v: c });
    }
  }
  const isDate = tokens.some((t) => t.t === 'date' || t.t === 'elapsed' || t.t === 'ampm');
  // In a date section `0` after `.` is a fraction of a second; other digit placeholders are refused.
  let invalid = false;
  if (isDate) {
    for (let k = 0; k < tokens.length; k++) {
      const tk = tokens[k];
      if (tk.t !== 'digit') continue;
      let back = k - 1;
      while (back >= 0 && tokens[back].t === 'digit' && (tokens[back] as { v: string }).v === '0') back--;
      if (tk.v !== '0' || back < 0 || tokens[back].t !== 'dot') invalid = true;
    }
  }
  return { tokens, condition, isDate, invalid };
}

function compile(code: string): Section[] {
  let c = compiled.get(code);
  if (!c) {
    c = splitSections(code).map(parseSection);
    if (compiled.size > 500) compiled.clear();
    compiled.set(code, c);
  }
  return c;
}

function test(cond: { op: string; value: number }, n: number): boolean {
  switch (cond.op) {
    case '<': return n < cond.value;
    case '<=': return n <= cond.value;
    case '>': return n > cond.value;
    case '>=': return n >= cond.value;
    case '=': return n === cond.value;
    default: return n !== cond.value;
  }
}

/** The section a number uses, and whether its own sign is dropped (the negative section shows its own). */
function pick(sections: Section[], n: number): { section: Section; abs: boolean } | null {
  const numeric = sections.filter((s, i) => i < 3 || !s.tokens.some((t) => t.t === 'text'));
  if (numeric.some((s) => s.condition)) {
    const [a, b, rest] = numeric;
    if (a?.condition && test(a.condition, n)) return { section: a, abs: false };
    if (b?.condition) {
      if (test(b.condition, n)) return { section: b, abs: false };
      return rest ? { section: rest, abs: false } : null;
    }
    return b ? { section: b, abs: n < 0 } : null;
  }
  if (numeric.length >= 3 && n === 0) return { section: numeric[2], abs: false };
  if (numeric.length >= 2 && n < 0) return { section: numeric[1], abs: true };
  return { section: numeric[0], abs: false };
}

/** |x| in full decimal notation from its 15 significant digits ("0.0000000000000001", "12345600000000000000"). */
function fullDigits(x: number): string {
  return Math.abs(x).toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
}

/** The digits of |x| rounded half away from zero to `decimals` places: integer part ("" for 0) and fraction. */
function digitsOf(x: number, decimals: number): [string, string] {
  const [int0, frac0 = ''] = fullDigits(x).split('.');
  const digits = (int0 + frac0.padEnd(decimals + 1, '0')).split('').map(Number);
  const keep = int0.length + decimals;
  const up = digits[keep] >= 5;
  const kept = digits.slice(0, keep);
  if (up) {
    let k = kept.length - 1;
    while (k >= 0 && kept[k] === 9) kept[k--] = 0;
    if (k >= 0) kept[k]++;
    else kept.unshift(1);
  }
  const intLen = kept.length - decimals;
  const int = kept.slice(0, intLen).join('').replace(/^0+/, '');
  return [int, kept.slice(intLen).join('')];
}

/** Half away from zero at `decimals` places. */
function roundTo(x: number, decimals: number): number {
  const [int, frac] = digitsOf(x, decimals);
  const r = Number(`${int || '0'}.${frac || '0'}`);
  return x < 0 ? -r : r;
}

/** General as TEXT writes it: at most 11 characters, fixed or scientific, whichever shows more digits. */
export function generalText(n: number): string {
  if (n === 0) return '0';
  if (!Number.isFinite(n)) return '#NUM!';
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const sig = Number(abs.toPrecision(15)).toExponential().split('e')[0].replace('.', '').length;
  const exp = Math.floor(Math.log10(abs));
  const expDigits = Math.abs(exp) >= 100 ? 3 : 2;
  const sciRoom = 11 - 2 - expDigits; // "E+" and the exponent
  const sciShown = Math.min(sig, sciRoom - 1);
  let fixedShown = -1;
  let decimals = 0;
  if (exp >= 0 && exp <= 10) {
    decimals = exp === 10 ? 0 : 9 - exp;
    fixedShown = Math.min(sig, exp + 1 + decimals);
  } else if (exp < 0) {
    decimals = 9;
    fixedShown = Math.max(0, Math.min(sig, 9 + exp + 1));
  }
  if (fixedShown >= sciShown && fixedShown > 0) {
    const text = roundTo(abs, decimals).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: decimals });
    if (text.replace('.', '').length <= 11) return sign + text;
  }
  const [mantissa, e] = abs.toExponential(Math.max(0, sciShown - 1)).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const ev = Number(e);
  return `${sign}${m}E${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
}

function formatNumberSection(section: Section, x: number, negativeSign: boolean): string {
  const tokens = section.tokens;
  if (tokens.some((t) => t.t === 'general')) {
    const body = generalText(Math.abs(x));
    return (negativeSign && x < 0 ? '-' : '') + tokens.map((t) => (t.t === 'general' ? body : t.t === 'lit' ? t.v : '')).join('');
  }
  const firstDigit = tokens.findIndex((t) => t.t === 'digit');
  if (firstDigit < 0) {
    // Only literals: the text, with a sign for a negative number in the first section.
    return (negativeSign && x < 0 ? '-' : '') + tokens.map((t) => (t.t === 'lit' ? t.v : t.t === 'percent' ? '%' : '')).join('');
  }
  const expAt = tokens.findIndex((t) => t.t === 'exp');
  const mantissaEnd = expAt >= 0 ? expAt : tokens.length;
  const dotAt = tokens.findIndex((t, i) => t.t === 'dot' && i < mantissaEnd);
  const intEnd = dotAt >= 0 ? dotAt : mantissaEnd;
  // Commas: between digit placeholders of the integer part they group; right after the last one, each divides by 1000.
  let grouping = false;
  let scaleCommas = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].t !== 'comma') continue;
    const before = tokens.slice(0, i).some((t) => t.t === 'digit');
    const nextDigit = tokens.slice(i + 1).findIndex((t) => t.t === 'digit' || t.t === 'dot' || t.t === 'exp');
    if (before && i < intEnd && nextDigit >= 0 && tokens[i + 1 + nextDigit].t === 'digit') grouping = true;
    else if (before && (nextDigit < 0 || tokens[i + 1 + nextDigit].t !== 'digit')) scaleCommas++;
  }
  const percents = tokens.filter((t) => t.t === 'percent').length;
  let value = Math.abs(x) * 100 ** percents / 1000 ** scaleCommas;
  const intSlots = tokens.slice(0, intEnd).filter((t) => t.t === 'digit') as { v: string }[];
  const fracSlots = (dotAt >= 0 ? tokens.slice(dotAt + 1, mantissaEnd) : []).filter((t) => t.t === 'digit') as { v: string }[];
  let exponent = 0;
  let expText = '';
  if (expAt >= 0) {
    const step = intSlots.length > 1 && intSlots.length <= 3 && intSlots[0].v === '#' ? intSlots.length : 1;
    if (value !== 0) {
      exponent = Math.floor(Math.log10(value) / step) * step;
      if (step === 1) exponent -= Math.max(0, intSlots.length - 1);
      value /= 10 ** exponent;
      if (roundTo(value, fracSlots.length) >= 10 ** Math.max(1, step === 1 ? intSlots.length : step)) {
        value /= 10 ** step;
        exponent += step;
      }
    }
    const expSlots = tokens.slice(expAt + 1).filter((t) => t.t === 'digit').length;
    const expTok = tokens[expAt] as { plus: boolean };
    expText = `E${exponent < 0 ? '-' : expTok.plus ? '+' : ''}${String(Math.abs(exponent)).padStart(expSlots, '0')}`;
  }
  const [intDigits, fracDigits] = digitsOf(value, fracSlots.length);
  // A negative number that rounds to nothing shows no sign.
  const negative = negativeSign && x < 0 && /[1-9]/.test(intDigits + fracDigits);

  // Integer part: digits right to left into the placeholders; extra digits go to the first one.
  const intText: string[] = new Array(intEnd).fill('');
  let d = intDigits.length;
  const slotsAt: number[] = [];
  for (let i = 0; i < intEnd; i++) if (tokens[i].t === 'digit') slotsAt.push(i);
  for (let k = slotsAt.length - 1; k >= 0; k--) {
    const slot = tokens[slotsAt[k]] as { v: string };
    if (d > 0) {
      intText[slotsAt[k]] = k === 0 ? intDigits.slice(0, d) : intDigits[d - 1];
      d = k === 0 ? 0 : d - 1;
    } else intText[slotsAt[k]] = slot.v === '0' ? '0' : slot.v === '?' ? ' ' : '';
  }
  if (grouping) {
    const joined = slotsAt.map((i) => intText[i]).join('');
    const lead = joined.match(/^ */)?.[0] ?? '';
    const grouped = lead + joined.slice(lead.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    slotsAt.forEach((i, k) => (intText[i] = k === 0 ? grouped : ''));
  }
  // Fraction part: trailing zeros dropped for `#`, spaces for `?`.
  const fracText = fracSlots.map((_slot, k) => fracDigits[k]);
  for (let k = fracSlots.length - 1; k >= 0 && fracText[k] === '0'; k--) {
    if (fracSlots[k].v === '#') fracText[k] = '';
    else if (fracSlots[k].v === '?') fracText[k] = ' ';
    else break;
  }
  let out = '';
  let frac = 0;
  let expDone = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i < intEnd) {
      if (t.t === 'digit') out += intText[i];
      else if (t.t === 'lit') out += t.v;
      else if (t.t === 'percent') out += '%';
      continue;
    }
    if (expAt >= 0 && i >= expAt) {
      if (!expDone) {
        out += expText;
        expDone = true;
      }
      if (t.t === 'lit') out += t.v;
      else if (t.t === 'percent') out += '%';
      continue;
    }
    if (t.t === 'dot') out += '.';
    else if (t.t === 'digit') out += fracText[frac++] ?? '';
    else if (t.t === 'lit') out += t.v;
    else if (t.t === 'percent') out += '%';
  }
  return (negative ? '-' : '') + out;
}

/** Year, month, day, weekday of an Excel serial (1900 system, with its 29 February 1900). */
function dateParts(serial: number): { y: number; m: number; d: number; wd: number } {
  const day = Math.floor(serial);
  const wd = (((day + 6) % 7) + 7) % 7;
  if (day === 0) return { y: 1900, m: 1, d: 0, wd };
  if (day === 60) return { y: 1900, m: 2, d: 29, wd };
  const date = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86400000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), wd };
}

function formatDateSection(section: Section, serial: number): string | null {
  if (section.invalid) return null;
  const tokens = section.tokens;
  if (serial < 0 || serial >= 2958466) return null;
  // Fractions of a second shown: the number of 0s after the first `.` following seconds.
  let fracDigits = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].t === 'dot' && tokens[k + 1]?.t === 'digit') {
      let j = k + 1;
      while (tokens[j]?.t === 'digit') j++;
      fracDigits = Math.max(fracDigits, j - k - 1);
    }
  }
  const unit = 86400 * 10 ** fracDigits;
  let ticks = Math.round(serial * unit);
  const whole = Math.floor(ticks / unit);
  ticks -= whole * unit;
  const secondsAll = Math.floor(ticks / 10 ** fracDigits);
  const fraction = ticks - secondsAll * 10 ** fracDigits;
  const { y, m, d, wd } = dateParts(whole);
  const hours = Math.floor(secondsAll / 3600);
  const minutes = Math.floor((secondsAll % 3600) / 60);
  const seconds = secondsAll % 60;
  const twelve = tokens.some((t) => t.t === 'ampm');
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  // `m` is minutes after an hour or before a second (literals between them skipped).
  const kinds = tokens.map((t) => (t.t === 'date' ? t.v[0] : t.t === 'elapsed' ? t.v[0] : ''));
  const isMinute = (k: number): boolean => {
    for (let j = k - 1; j >= 0; j--) {
      if (kinds[j] === 'h') return true;
      if (kinds[j] && kinds[j] !== 'h') break;
    }
    for (let j = k + 1; j < tokens.length; j++) {
      if (kinds[j] === 's') return true;
      if (kinds[j] && kinds[j] !== 's') break;
    }
    return false;
  };
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.t === 'lit') out += t.v;
    else if (t.t === 'dot') {
      if (tokens[k + 1]?.t === 'digit') {
        let j = k + 1;
        while (tokens[j]?.t === 'digit') j++;
        out += `.${pad(fraction, fracDigits).slice(0, j - k - 1)}`;
        k = j - 1;
      } else out += '.';
    } else if (t.t === 'percent') out += '%';
    else if (t.t === 'comma') out += ',';
    else if (t.t === 'ampm') {
      const pm = hours >= 12;
      out += t.v.length === 5 ? (pm ? 'PM' : 'AM') : pm ? (t.v[2] === 'p' ? 'p' : 'P') : t.v[0] === 'a' ? 'a' : 'A';
    } else if (t.t === 'elapsed') {
      const total = whole * 86400 + secondsAll;
      const n = t.v[0] === 'h' ? Math.floor(total / 3600) : t.v[0] === 'm' ? Math.floor(total / 60) : total;
      out += pad(n, t.v.length);
    } else if (t.t === 'date') {
      const v = t.v;
      switch (v[0]) {
        case 'y':
          out += v.length <= 2 ? pad(y % 100, 2) : String(y);
          break;
        case 'e':
          out += String(y);
          break;
        case 'd':
          out += v.length === 1 ? String(d) : v.length === 2 ? pad(d, 2) : v.length === 3 ? DAY_NAMES[wd].slice(0, 3) : DAY_NAMES[wd];
          break;
        case 'h': {
          const h = twelve ? (hours % 12 || 12) : hours;
          out += v.length === 1 ? String(h) : pad(h, 2);
          break;
        }
        case 's':
          out += v.length === 1 ? String(seconds) : pad(seconds, 2);
          break;
        case 'm':
          if (v.length <= 2 && isMinute(k)) out += v.length === 1 ? String(minutes) : pad(minutes, 2);
          else out += v.length === 1 ? String(m) : v.length === 2 ? pad(m, 2) : v.length === 3 ? MONTH_NAMES[m - 1].slice(0, 3) : v.length === 5 ? MONTH_NAMES[m - 1][0] : MONTH_NAMES[m - 1];
          break;
        default:
          out += v;
      }
    } else if (t.t === 'digit') out += t.v;
  }
  return out;
}

/**
 * A number formatted with an Excel format code as TEXT() writes it; null where Excel answers
 * #VALUE! (a date out of range, digit placeholders in a date).
 */
export function formatExcelNumber(n: number, code: string): string | null {
  if (!Number.isFinite(n)) return null;
  const sections = compile(code);
  const chosen = pick(sections, n);
  if (!chosen) return null;
  const { section, abs } = chosen;
  if (section.isDate) return formatDateSection(section, abs ? Math.abs(n) : n);
  if (section.tokens.length === 0) return '';
  return formatNumberSection(section, n, !abs);
}

/** Text formatted with a code: its text section (the fourth, or one with `@`), else the text itself. */
export function formatExcelText(text: string, code: string): string {
  const sections = compile(code);
  const textSection = sections[3] ?? sections.find((s) => s.tokens.some((t) => t.t === 'text'));
  if (!textSection) return text;
  return textSection.tokens.map((t) => (t.t === 'text' ? text : t.t === 'lit' ? t.v : '')).join('');
}

/** Whether a code shows dates or times (the grid hands those to this formatter). */
export function isDateCode(code: string): boolean {
  return compile(code).some((s) => s.isDate);
}
