/**
 * How the presenter writes numbers for a room: few digits, the unit beside them, the locale's
 * grouping. `money` is in the notebook's money unit (the spec's 万元: 21,211 万元 in Chinese, 21,211 (CNY 10k) in English).
 */
import type { CellValue, RawContent } from '../model/cell';
import { isCellError } from '../model/cell';
import type { Unit } from '../model/drivers';
import type { Locale } from '../model/notebook';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** The number alone, as the unit wants it (percent ×100). */
export function formatUnitNumber(v: number, unit: Unit, locale: Locale): string {
  switch (unit) {
    case 'percent':
      return `${nf(locale, Math.abs(v) < 0.1 ? 2 : 1).format(v * 100)}%`;
    case 'weight':
      return `${nf(locale, 0).format(v * 100)}%`;
    case 'times':
      return `${nf(locale, 1).format(v)}×`;
    case 'ratio':
      return nf(locale, 2).format(v);
    case 'count':
      return nf(locale, 0).format(v);
    case 'money':
      return nf(locale, Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 10 ? 1 : 2).format(v);
  }
}

const MONEY_UNITS: Record<string, { en: string; zh: string }> = {
  yuan: { en: 'CNY', zh: '元' },
  qian: { en: 'CNY k', zh: '千元' },
  wan: { en: 'CNY 10k', zh: '万元' },
};

/** What a slide's money counts in: the notebook's own unit (`vocabularyOf(nb).moneyUnit`), else the spec's 万元. */
export function moneyUnit(locale: Locale, unit = 'wan'): string {
  const u = MONEY_UNITS[unit] ?? MONEY_UNITS.wan;
  return locale === 'en' ? u.en : u.zh;
}

/** A computed value for a card: the number with its unit, or the error / text as is. */
export function formatKpi(v: CellValue | undefined, unit: Unit, locale: Locale): string {
  if (v === undefined || v === null) return '—';
  if (isCellError(v)) return v.error;
  if (typeof v !== 'number') return String(v);
  return formatUnitNumber(v, unit, locale);
}

/** A change, signed: +240, −1.5 pts (percentages move in points); null when it would read as zero. */
export function formatDelta(d: number, unit: Unit, locale: Locale): string | null {
  const sign = d > 0 ? '+' : '−';
  const a = Math.abs(d);
  if (unit === 'percent' || unit === 'weight') {
    const pts = a * 100;
    const digits = pts >= 0.05 ? 1 : 2;
    if (Number(pts.toFixed(digits)) === 0) return null;
    return `${sign}${nf(locale, digits).format(pts)} ${locale === 'en' ? 'pts' : '个百分点'}`;
  }
  const text = formatUnitNumber(a, unit, locale);
  if (!/[1-9]/.test(text)) return null;
  return `${sign}${text}`;
}

/**
 * A driver's value with as many digits as its step has (80%, 1.5%, 2.0×) — and one more when the
 * value itself has it (a goal seek or a typed 21.6% on a 1-point slider reads 21.6%, not 22%).
 */
export function formatDriver(raw: RawContent | null | undefined, d: { unit: Unit; step: number }, locale: Locale): string {
  if (typeof raw !== 'number') return formatRaw(raw, d.unit, locale);
  const pct = d.unit === 'percent' || d.unit === 'weight';
  const scaled = pct ? d.step * 100 : d.step;
  const stepDigits = Math.max(0, Math.min(3, Math.ceil(-Math.log10(scaled) - 1e-9)));
  const shown = pct ? raw * 100 : raw;
  const own = (k: number) => Math.abs(Number(shown.toFixed(k)) - shown) < 1e-9 * Math.max(1, Math.abs(shown));
  const digits = own(stepDigits) ? stepDigits : Math.min(3, stepDigits + 1);
  const n = nf(locale, digits).format(shown);
  return d.unit === 'percent' || d.unit === 'weight' ? `${n}%` : d.unit === 'times' ? `${n}×` : n;
}

/** A raw input (a driver's value) as the unit reads. */
export function formatRaw(raw: RawContent | null | undefined, unit: Unit, locale: Locale): string {
  if (typeof raw === 'number') return formatUnitNumber(raw, unit, locale);
  if (raw === null || raw === undefined) return '—';
  return String(raw);
}
