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
