/**
 * Actuals from an .xlsx file (the first worksheet): each row's cells as text, then the same checks
 * as a CSV (`parseActualsRecords`). Line numbers are the worksheet's row numbers, as Excel shows them.
 */
import { parseActualsRecords, type ActualsLists, type ActualsResult } from './actualsParse';
import { loadExcelJs } from './exceljs';

export async function parseActualsXlsx(data: ArrayBuffer, lists: ActualsLists): Promise<ActualsResult> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    return { ok: false, problems: [{ line: 1, key: 'actuals.notXlsx', params: {} }] };
  }
  const ws = wb.worksheets[0];
  const records: { line: number; fields: string[] }[] = [];
  ws?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c).value));
    records.push({ line: rowNumber, fields });
  });
  return parseActualsRecords(records, lists);
}

/** A cell as the text a user would read: numbers in full, dates as YYYY-MM, formulas by result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}
