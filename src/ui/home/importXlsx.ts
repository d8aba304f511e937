/**
 * The `.xlsx` import path, loaded only when a workbook is opened (exceljs is large). The engine
 * is asked which functions it has, so the notebook can report the cells Excel computed with
 * functions Opsbook lacks — and keep Excel's values on show for them (`layout.importReport`).
 */
import { defineMessages, locale, t } from '../../i18n';
import { spawnEngineWorker } from '../../engine/engineClient';
import type { ImportOutcome } from './importFile';
import type { Notebook } from '../../model/notebook';
import type { ImportReportData } from '../workbench/importReportData';
import { MAX_REPORTED_CELLS } from '../workbench/importReportData';

defineMessages({
  en: {
    'xlsx.tooLarge': 'The workbook is larger than Opsbook imports ({detail}).',
    'xlsx.notZip': 'This is not an .xlsx workbook (it is not a zip archive): {detail}',
    'xlsx.legacyOrEncrypted': 'This is an old .xls workbook or a password-protected one. Save it in Excel as an unprotected .xlsx and import that. ({detail})',
    'xlsx.unsupportedZip': 'The workbook is packed in a way Opsbook does not read (zip64, encryption or unusual compression): {detail}',
    'xlsx.corrupt': 'The workbook is damaged and cannot be read: {detail}',
    'xlsx.notWorkbook': 'The archive is not an Excel workbook: {detail}',
    'xlsx.zipBomb': 'The workbook would unpack to far more data than Opsbook allows (a zip bomb or an enormous file): {detail}',
    'xlsx.tooManySheets': 'The workbook has too many sheets: {detail}',
    'xlsx.tooManyRows': 'A sheet has more rows than a notebook holds: {detail}',
    'xlsx.tooManyColumns': 'A sheet has more columns than a notebook holds: {detail}',
    'xlsx.tooManyCells': 'The workbook has more cells than a notebook holds: {detail}',
    'xlsx.engineRefused': 'Opsbook’s calculation engine cannot open this workbook, even keeping Excel’s values for its formulas; nothing was stored. ({detail})',
    'xlsx.imported': 'Imported “{title}”: {sheets} sheets.',
    'xlsx.unsupported': '{cells} cells use functions Opsbook lacks ({functions}); they show the values Excel had computed.',
  },
  'zh-CN': {
    'xlsx.tooLarge': '工作簿超过 Opsbook 的导入上限（{detail}）。',
    'xlsx.notZip': '这不是 .xlsx 工作簿（不是 zip 压缩包）：{detail}',
    'xlsx.legacyOrEncrypted': '这是旧版 .xls 工作簿或受密码保护的工作簿。请在 Excel 中另存为未加密的 .xlsx 再导入。（{detail}）',
    'xlsx.unsupportedZip': '工作簿的打包方式 Opsbook 无法读取（zip64、加密或少见的压缩）：{detail}',
    'xlsx.corrupt': '工作簿已损坏，无法读取：{detail}',
    'xlsx.notWorkbook': '该压缩包不是 Excel 工作簿：{detail}',
    'xlsx.zipBomb': '工作簿解压后的数据量远超 Opsbook 的上限（zip 炸弹或超大文件）：{detail}',
    'xlsx.tooManySheets': '工作簿的工作表过多：{detail}',
    'xlsx.tooManyRows': '某个工作表的行数超出笔记本上限：{detail}',
    'xlsx.tooManyColumns': '某个工作表的列数超出笔记本上限：{detail}',
    'xlsx.tooManyCells': '工作簿的单元格数超出笔记本上限：{detail}',
    'xlsx.engineRefused': 'Opsbook 的计算引擎无法打开此工作簿（即使保留 Excel 计算的值也不行），未保存任何内容。（{detail}）',
    'xlsx.imported': '已导入“{title}”：{sheets} 个工作表。',
    'xlsx.unsupported': '{cells} 个单元格使用了 Opsbook 不支持的函数（{functions}）；这些单元格显示 Excel 原先计算的值。',
  },
});

let functionNames: Promise<string[]> | null = null;

/** The engine's function list, asked once of a short-lived engine worker. */
function engineFunctions(): Promise<string[]> {
  functionNames ??= (async () => {
    const client = spawnEngineWorker();
    try {
      return await client.api.functionNames();
    } finally {
      client.terminate();
    }
  })();
  return functionNames;
}

/** Builds the imported notebook in a short-lived engine worker: null when it builds, else why not. */
async function buildInThrowawayEngine(nb: Notebook): Promise<string | null> {
  const client = spawnEngineWorker();
  try {
    const r = await Promise.race([client.api.open('import-check', { sheets: nb.sheets, names: nb.names }), client.died.then((why) => ({ ok: false as const, error: { message: why } }))]);
    return r.ok ? null : r.error.message;
  } finally {
    client.terminate();
  }
}

export async function importXlsxFile(file: File): Promise<ImportOutcome> {
  const [{ importXlsx }, supported, bytes] = await Promise.all([import('../../io/xlsxImport'), engineFunctions(), file.arrayBuffer()]);
  const title = file.name.replace(/\.xlsx$/i, '') || 'Workbook';
  const r = await importXlsx(bytes, { title, locale: locale(), supportedFunctions: supported, tryBuild: buildInThrowawayEngine });
  if (!r.ok) return { ok: false, message: t(`xlsx.${r.problem.code}`, { detail: r.problem.detail }) };
  const { notebook, report } = r;
  const notes = [t('xlsx.imported', { title, sheets: report.sheets.length })];
  if (report.unsupported.length || report.warnings.length) {
    const data: ImportReportData = {
      fileName: file.name,
      at: Date.now(),
      functions: report.unsupportedFunctions,
      unsupported: report.unsupported.slice(0, MAX_REPORTED_CELLS),
      unsupportedCount: report.unsupported.length,
      warnings: report.warnings.slice(0, 200),
    };
    notebook.layout.importReport = data;
    if (report.unsupported.length) {
      notes.push(t('xlsx.unsupported', { cells: report.unsupported.length, functions: report.unsupportedFunctions.slice(0, 6).join(', ') }));
    }
  }
  return { ok: true, notebook, notes };
}
