/**
 * Labels read from cells in the UI language: the template cells hold both languages ("华东 East"),
 * a chart shows the words of one.
 */
import { isCellError } from './cell';
import type { Locale } from './notebook';
import type { Cell } from './bindingCells';

const HAN = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The template cells hold labels in both languages ("华东 East", "P1 血管介入耗材 Vascular
 * Intervention", "FY2025 实际 Actual"): keep the words of the UI language and the neutral tokens
 * (codes such as P1, FY2025, symbols). Text in one language only is returned as is.
 */
export function localizedLabel(text: string, locale: Locale): string {
  const tokens = text.trim().split(/\s+/);
  const kind = tokens.map((t) => (HAN.test(t) ? 'zh' : LATIN_WORD.test(t) && !/\d/.test(t) ? 'en' : 'both'));
  if (!kind.includes('zh') || !kind.includes('en')) return text.trim();
  const want = locale === 'en' ? 'en' : 'zh';
  return tokens.filter((_, i) => kind[i] === want || kind[i] === 'both').join(' ');
}

/** A cell's text in the UI language: '' when empty, the error's code when it holds one. */
export function cellLabel(c: Cell | undefined, locale: Locale): string {
  const v = c?.value;
  if (v === undefined || v === null) return '';
  if (isCellError(v)) return v.error;
  return localizedLabel(String(v), locale);
}
