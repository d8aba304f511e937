/**
 * exceljs is large (≈1 MB), so it is only ever loaded on demand: a dynamic import keeps it in its
 * own chunk, fetched when the user first imports or exports a workbook.
 */
export type ExcelJs = typeof import('exceljs');

export async function loadExcelJs(): Promise<ExcelJs> {
  // The browser build is a UMD bundle (a default export); Node's CommonJS build may come either way.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}
