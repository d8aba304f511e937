/** The `.xlsx` import path, loaded only when a workbook is opened (exceljs is large). */
import type { ImportOutcome } from './importFile';
import { t } from '../../i18n';

export async function importXlsxFile(file: File): Promise<ImportOutcome> {
  void file;
  return { ok: false, message: t('file.unknownType', { name: file.name }) };
}
