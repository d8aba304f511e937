/**
 * The limits a notebook lives within, as data: Excel's own (formula length and nesting, sheet and
 * name lengths, number-format decimals) and the engine's grid. This is the one place these numbers
 * are written; the stored-notebook check (`validate.ts`), the engine's configuration, the file
 * readers and the edit path all read them from here.
 */

/** Excel's specification limits that a notebook also keeps, so every notebook exports to Excel. */
export const EXCEL_LIMITS = {
  /** Excel's grid. */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** Characters in a formula's text, `=` included. */
  maxFormulaLength: 8_192,
  /** Nested levels of functions and parentheses in one formula. */
  maxNesting: 64,
  /** Characters in a cell's text. */
  maxTextLength: 32_767,
  maxSheetNameLength: 31,
  maxNameLength: 255,
  /** Characters in a number-format code. */
  maxFormatLength: 255,
  /** Decimal places one number-format section may show. */
  maxFormatDecimals: 30,
} as const;

/**
 * The engine's grid: Excel's width; rows are capped well below Excel's million to bound memory in
 * a browser tab. Every address a notebook holds lies inside it.
 */
export const ENGINE_LIMITS = {
  maxRows: 200_000,
  maxColumns: EXCEL_LIMITS.maxColumns,
  /**
   * Cells in a sheet's used rectangle (rows × columns from A1). The engine's memory grows with this
   * area, not with the cells filled: XFD1 beside A200000 alone exhausted a tab. 20 million is
   * 100,000 rows × 200 columns, about 200 MB in the engine.
   */
  maxSheetArea: 20_000_000,
} as const;

/** Limits of the views drawn from a notebook. */
export const VIEW_LIMITS = {
  /** Cells one chart or KPI binding may read: a chart of more is unreadable and costs seconds to draw. */
  maxChartCells: 20_000,
} as const;

/** What a JavaScript `Date` can hold (±100,000,000 days around 1970), in milliseconds. */
export const DATE_LIMIT_MS = 8.64e15;
