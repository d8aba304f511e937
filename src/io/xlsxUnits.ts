/** Unit conversions between the notebook and Excel files, shared by export and import. */

/**
 * Excel column widths count characters of the default font's widest digit (7 px for Calibri 11)
 * plus 5 px of padding; the notebook keeps pixels.
 */
export function pixelsToExcelWidth(px: number): number {
  return Math.round(((px - 5) / 7) * 100) / 100;
}

export function excelWidthToPixels(width: number): number {
  return Math.min(2000, Math.max(8, Math.round(width * 7 + 5)));
}

/** Milliseconds from 1899-12-30 (Excel's day 0 in the 1900 system) to 1970-01-01. */
const EPOCH_OFFSET_MS = 25569 * 86_400_000;

/**
 * exceljs hands date-formatted numbers over as `Date`s (already shifted for 1904-system files).
 * This gives back the 1900-system serial our engine uses, with the integer sum first so that a
 * whole number of milliseconds comes back exactly.
 */
export function dateToSerial(date: Date): number {
  return (date.getTime() + EPOCH_OFFSET_MS) / 86_400_000;
}

const ISO_DATE_TIME = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * An ISO 8601 date or time as a date cell (`t="d"`) stores it (`2026-08-08`, `2026-08-08T10:30:00`,
 * `10:30:00`) → Excel's 1900-system serial, counting Excel's fictitious 29 February 1900 like Excel
 * (before 1 March 1900 serials are one lower). Null when the text is not such a date. The zone is
 * ignored: Excel keeps wall-clock time.
 */
export function isoToSerial(text: string): number | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  let days = 0;
  if (m[1] !== undefined) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
    days = (ms + EPOCH_OFFSET_MS) / 86_400_000;
    if (days < 61) days -= 1;
    if (days < 0) return null;
  }
  const seconds = m[4] === undefined ? 0 : Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  return days + seconds / 86_400;
}
