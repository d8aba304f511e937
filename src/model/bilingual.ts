/**
 * A text in both UI languages, as templates, drivers, checks and chart labels carry it; the
 * notebook's locale picks one when it is shown.
 */
import type { Locale } from './notebook';

export interface Bilingual {
  zh: string;
  en: string;
}

export function pickText(text: Bilingual | string | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return locale === 'en' ? text.en : text.zh;
}
