/**
 * .xlsx → a new notebook. The file is vetted first (size, zip bomb, rows, cells: xlsxPrecheck),
 * then read by exceljs (loaded on demand), then translated: formulas into our dialect with shared
 * formulas expanded, defined names vetted (definedNames), and every formula cell's cached Excel
 * result kept in the report so the UI can show what Excel computed where our engine cannot.
 *
 * HyperFormula stays out of this module: which functions the engine has, and its verdict on a
 * name, come in through the options; scripts/compatCore.ts shows how the engine side fills them.
 */
import type { SheetValues } from '../model/commands';
import { readOpsbookData, toOpsbookFile } from '../model/fileFormat';
import { emptyNotebook, newId } from '../model/notebook';
import type { Locale, Notebook, Sheet } from '../model/notebook';
import { importDefinedNames } from './definedNames';
import { checkBuild } from './engineCheck';
import type { TryBuild } from './engineCheck';
import { loadExcelJs } from './exceljs';
import { xlsxProblem } from './problems';
import type { ImportWarning, XlsxProblem } from './problems';
import type { ScalarArgument } from './implicitIntersection';
import { findUnsupportedFunctions } from './unsupportedFunctions';
import type { UnsupportedFormula } from './unsupportedFunctions';
import { precheckXlsx, XLSX_LIMITS } from './xlsxPrecheck';
import type { XlsxLimits } from './xlsxPrecheck';
import { readCachedResults } from './xlsxCachedResults';
import { keepCachedValues, readWorksheet } from './xlsxSheetReader';
import { applyNotebookPart, NOTEBOOK_PART_SHEET, readNotebookPart } from './xlsxNotebookPart';

export interface XlsxImportOptions {
  /** Title of the new notebook (e.g. the file name without extension). */
  title?: string;
  locale?: Locale;
  /**
   * Function names the engine implements (`HyperFormula.getRegisteredFunctionNames('enGB')`).
   * Without it, the report lists no unsupported functions.
   */
  supportedFunctions?: Iterable<string>;
  /** The engine's verdict on a named expression: a reason to refuse it, or null. */
  checkName?: (name: string, expression: string) => string | null;
  limits?: Partial<XlsxLimits>;
  /**
   * Builds a throwaway engine from the result (null: it builds). Given, nothing is returned that
   * the engine cannot open: formulas that break the build keep Excel's value, and a workbook that
   * still does not build is refused.
   */
  tryBuild?: TryBuild;
  /**
   * Whether a function's argument takes a single value, from the engine's function metadata. Given,
   * ranges that Excel intersects implicitly in ordinary formulas become the cell it takes.
   */
  scalarArgument?: ScalarArgument;
  /** Told after each worksheet is read: `done` of `total` (the import worker relays it to the page). */
  onProgress?: (done: number, total: number) => void;
}

export interface XlsxImportReport {
  sheets: { name: string; cells: number; formulas: number }[];
  /** Excel's cached result of every formula cell, by sheet then A1 (null where none was saved). */
  cachedValues: SheetValues;
  /** Formula cells that call functions the engine lacks, with Excel's cached result. */
  unsupported: UnsupportedFormula[];
  /** The distinct function names behind `unsupported`, sorted. */
  unsupportedFunctions: string[];
  names: { imported: number; skipped: number };
  warnings: ImportWarning[];
}

export type XlsxImportResult = { ok: true; notebook: Notebook; report: XlsxImportReport } | { ok: false; problem: XlsxProblem };

export async function importXlsx(input: Uint8Array | ArrayBuffer, opts: XlsxImportOptions = {}): Promise<XlsxImportResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  const vetted = await precheckXlsx(bytes, limits);
  if (!vetted.ok) return vetted;

  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(vetted.readerArchive as unknown as ArrayBuffer);
  } catch (e) {
    return xlsxProblem('corrupt', e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0) return xlsxProblem('notWorkbook', 'the workbook has no worksheets');

  const named = importDefinedNames(
    vetted.workbook.definedNames,
    vetted.workbook.sheets.map((s) => s.name),
    opts.checkName,
    vetted.tables,
    vetted.externalBooks,
  );
  const warnings = [...named.warnings];
  const sheets: Sheet[] = [];
  const ownExport = vetted.workbook.sheets.some((s) => s.name === NOTEBOOK_PART_SHEET);
  const cachedValues: SheetValues = {};
  const summaries: XlsxImportReport['sheets'] = [];
  for (const [index, ws] of wb.worksheets.entries()) {
    opts.onProgress?.(index, wb.worksheets.length);
    const read = readWorksheet(ws, named.inlineBySheet.get(ws.name) ?? [], limits.maxColumns, warnings, vetted.tables, {
      renamed: named.renamed,
      relativeNames: [...(named.relativeBySheet.get(ws.name) ?? []), ...(named.relativeBySheet.get('') ?? [])],
      qualified: named.qualified,
      externalBooks: vetted.externalBooks,
      dataTables: vetted.dataTables.get(ws.name),
      // An Opsbook export's formulas are dynamic-array ones already.
      scalarArgument: ownExport ? undefined : opts.scalarArgument,
    });
    const path = vetted.workbook.sheets.find((s) => s.name === ws.name)?.path;
    if (read.uncertainResults.length && path) {
      for (const [addr, value] of await readCachedResults(bytes, path, new Set(read.uncertainResults))) read.cached[addr] = value;
    }
    keepCachedValues(read);
    sheets.push({ id: newId('s'), ...read.sheet });
    cachedValues[ws.name] = read.cached;
    summaries.push({ name: ws.name, cells: Object.keys(read.sheet.cells).length, formulas: read.formulaCount });
  }

  let notebook: Notebook = { ...emptyNotebook(opts.title ?? 'Imported workbook', opts.locale), sheets, names: named.names };
  // An Opsbook export carries the rest of the notebook in a hidden sheet: the same notebook back.
  const partSheet = sheets.find((s) => s.name === NOTEBOOK_PART_SHEET);
  const part = partSheet ? readNotebookPart(partSheet.cells) : null;
  if (part) {
    notebook = applyNotebookPart(notebook, part);
    const kept = new Set(notebook.sheets.map((s) => s.name));
    for (const name of Object.keys(cachedValues)) if (!kept.has(name)) delete cachedValues[name];
    summaries.splice(0, summaries.length, ...summaries.filter((s) => kept.has(s.name)));
  }
  // Import is restore: the new notebook passes the same validation as an opened file.
  const valid = readOpsbookData(toOpsbookFile(notebook));
  if (!valid.ok) return xlsxProblem('corrupt', valid.problem.detail);
  if (opts.tryBuild) {
    const built = await checkBuild(valid.notebook, cachedValues, opts.tryBuild);
    if (!built.ok) return xlsxProblem('engineRefused', built.reason);
    for (const k of built.kept) warnings.push({ code: 'formulaKeptValue', detail: `${k.cell}: ${k.formula}` });
  }

  const unsupported = opts.supportedFunctions ? findUnsupportedFunctions(notebook, opts.supportedFunctions, cachedValues) : [];
  return {
    ok: true,
    notebook: valid.notebook,
    report: {
      sheets: summaries,
      cachedValues,
      unsupported,
      unsupportedFunctions: [...new Set(unsupported.flatMap((u) => u.functions))].sort(),
      names: { imported: named.names.length, skipped: warnings.filter((w) => w.code === 'nameSkipped').length },
      warnings,
    },
  };
}
