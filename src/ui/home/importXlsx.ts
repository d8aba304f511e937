/**
 * The `.xlsx` import path: the import itself runs in its own worker (workers/import.worker.ts:
 * the reader, exceljs and the engine's checks load there), under a time limit, reporting each
 * worksheet read; a file that hangs or crashes the reader ends that worker and changes nothing.
 * The notebook reports the cells Excel computed with functions Opsbook lacks — and keeps Excel's
 * values on show for them (`layout.importReport`).
 */
import { proxy, releaseProxy, transfer, wrap } from 'comlink';
import { defineMessages, locale, t } from '../../i18n';
import type { ImportHost } from '../../../workers/import.worker';
import type { XlsxImportResult } from '../../io/xlsxImport';
import { notify } from '../services';
import type { ImportOutcome } from './importFile';
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
    'xlsx.timeLimit': 'Reading the workbook took longer than {detail}, so Opsbook stopped; nothing was stored. Save it again from Excel (or remove its drawings and pictures) and import that.',
    'xlsx.readerStopped': 'Reading the workbook stopped the importer (it ran out of memory or crashed); nothing was stored. ({detail})',
    'xlsx.reading': 'Importing “{title}”: sheet {done} of {total}…',
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
    'xlsx.timeLimit': '读取工作簿超过 {detail}，Opsbook 已停止，未保存任何内容。请在 Excel 中重新保存（或删除其中的图形和图片）后再导入。',
    'xlsx.readerStopped': '读取工作簿时导入程序停止（内存不足或崩溃），未保存任何内容。（{detail}）',
    'xlsx.reading': '正在导入“{title}”：第 {done} / {total} 个工作表……',
    'xlsx.imported': '已导入“{title}”：{sheets} 个工作表。',
    'xlsx.unsupported': '{cells} 个单元格使用了 Opsbook 不支持的函数（{functions}）；这些单元格显示 Excel 原先计算的值。',
  },
});

/** How long one import may take before its worker is ended (500k cells take about ten seconds here). */
export const IMPORT_TIME_LIMIT_MS = 60_000;
/** The limit in force: a test may shorten it (`window.__opsbookImportLimitMs`) to see the refusal. */
const timeLimitMs = () => (globalThis as { __opsbookImportLimitMs?: number }).__opsbookImportLimitMs ?? IMPORT_TIME_LIMIT_MS;

/** Runs the import in a worker of its own; a time limit or the worker's death refuses the file. */
async function importInWorker(bytes: Uint8Array, title: string, onProgress: (done: number, total: number) => void): Promise<XlsxImportResult> {
  const worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'opsbook-import' });
  const api = wrap<ImportHost>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<XlsxImportResult>((resolve) => {
    const limit = timeLimitMs();
    timer = setTimeout(() => resolve({ ok: false, problem: { code: 'timeLimit', detail: `${Math.max(1, Math.round(limit / 1000))} s` } }), limit);
    worker.addEventListener('error', (e) => resolve({ ok: false, problem: { code: 'readerStopped', detail: e.message || 'worker error' } }));
  });
  try {
    return await Promise.race([api.importXlsx(transfer(bytes, [bytes.buffer]), { title, locale: locale() }, proxy(onProgress)), stopped]);
  } finally {
    clearTimeout(timer);
    api[releaseProxy]();
    worker.terminate();
  }
}

export async function importXlsxFile(file: File): Promise<ImportOutcome> {
  const title = file.name.replace(/\.xlsx$/i, '') || 'Workbook';
  const bytes = new Uint8Array(await file.arrayBuffer());
  const r = await importInWorker(bytes, title, (done, total) => {
    if (total > 1) notify('info', t('xlsx.reading', { title, done: done + 1, total }));
  });
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
