/**
 * Saving a notebook as files: `.opsbook.json` (the whole document), `.xlsx` (live formulas with
 * our values cached, plus the workshop's scenarios and decisions; exceljs loads on first use) and
 * the current sheet as CSV (values, safe against formula injection).
 */
import { unwrap } from 'solid-js/store';
import { serializeOpsbook } from '../../model/fileFormat';
import type { NotebookSession } from '../../engine/session';
import { download, fileStem } from '../services';

export function exportOpsbook(session: NotebookSession): void {
  download(`${fileStem(session.doc.title)}.opsbook.json`, serializeOpsbook(session.plain()), 'application/json');
}

export async function exportXlsx(session: NotebookSession): Promise<void> {
  const [{ exportXlsx: toXlsx }, { workshopSheets }] = await Promise.all([import('../../io/xlsxExport'), import('../../io/workshopSheets')]);
  const nb = session.plain();
  const bytes = await toXlsx(nb, unwrap(session.values), workshopSheets(nb));
  download(`${fileStem(nb.title)}.xlsx`, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

export async function exportCsv(session: NotebookSession, sheet: string): Promise<void> {
  const { toCsv, valuesToRows } = await import('../../io/csv');
  const values = unwrap(session.values)[sheet] ?? {};
  download(`${fileStem(session.doc.title)} - ${fileStem(sheet)}.csv`, toCsv(valuesToRows(values)), 'text/csv;charset=utf-8');
}
