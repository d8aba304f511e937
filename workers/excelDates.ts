/**
 * Text that Excel reads as a date or a time where a number is wanted (`="2026-08-08"+1`,
 * `DATEVALUE("2021/01/01")`, `DATEVALUE("8-Aug-2026")`): the engine's own parser reads only the
 * formats in its config (DD/MM/YYYY and DD/MM/YY by default) and refuses ISO dates and month names.
 * Here, before it, the forms every Excel reads alike: ISO dates (`2026-08-08`, `2021/01/01`, with
 * an optional time after `T` or a space) and dates with an English month name (`8-Aug-2026`,
 * `8 August 2026`, `Aug 8, 2026`, `August 8 2026`), each optionally followed by a time (`14:30`,
 * `2:30 pm`, `14:30:15.5`). All-number dates (`2/3/2023`) depend on the Windows locale of the Excel
 * that saved the file; the engine's day/month order stays, which is what the Excel of the
 * excel-calc-tests set read (`10-12-1999` = 10 December, `2/3/2023` = 2 March). Text with spaces
 * before or after it is not a date (`" 2024-01-10 "` is #VALUE! in Excel). Cell input is never
 * affected: the document hands text to the engine as literal text.
 *
 * Spread into the engine's config: `{ ...ENGINE_CONFIG_REST, ...EXCEL_DATE_CONFIG }`.
 */
import { HyperFormula } from 'hyperformula';
import type { ConfigParams } from 'hyperformula';

type ParseDateTime = ConfigParams['parseDateTime'];
type DateTime = NonNullable<ReturnType<ParseDateTime>>;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const TIME = String.raw`(?:[ t](\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?\s*([ap]m?)?)?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})[- ]${MONTH}\.?[- ,]\s*(\d{4}|\d{2})${TIME}$`);
const MONTH_DAY = new RegExp(String.raw`^${MONTH}\.?[- ](\d{1,2}),?[- ]\s*(\d{4}|\d{2})${TIME}$`);

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length > 2 ? y : y < 30 ? 2000 + y : 1900 + y;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function withTime(date: { year: number; month: number; day: number }, t: (string | undefined)[]): DateTime | undefined {
  const [h, m, s, ampm] = t;
  if (date.year < 1900 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysIn(date.year, date.month)) return undefined;
  if (h === undefined) return date;
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = s === undefined ? 0 : Number(s);
  if (ampm !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (ampm.startsWith('p') ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return { ...date, hours, minutes, seconds };
}

/** Excel's reading of an ISO or month-name date (and time) as text, or undefined. */
export function parseExcelDateText(text: string): DateTime | undefined {
  const s = text.replace(/\s+/g, ' ').toLowerCase();
  if (s.length < 6 || s.length > 40) return undefined;
  let m = ISO.exec(s);
  if (m) return withTime({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m.slice(4));
  m = DAY_MONTH.exec(s);
  if (m) return withTime({ year: fullYear(m[3]), month: monthOf(m[2]), day: Number(m[1]) }, m.slice(4));
  m = MONTH_DAY.exec(s);
  if (m) return withTime({ year: fullYear(m[3]), month: monthOf(m[1]), day: Number(m[2]) }, m.slice(4));
  return undefined;
}

const defaultParse: ParseDateTime = HyperFormula.defaultConfig.parseDateTime;

/** The engine config for Excel's date text: these forms first, then the engine's own formats; padded text is no date. */
export const EXCEL_DATE_CONFIG: Pick<ConfigParams, 'parseDateTime'> = {
  parseDateTime: (text, dateFormat, timeFormat) => (text !== text.trim() ? undefined : (parseExcelDateText(text) ?? defaultParse(text, dateFormat, timeFormat))),
};
