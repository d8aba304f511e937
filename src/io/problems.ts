/**
 * Why an import was refused, and what an import changed on the way in, as plain data with a
 * `code`. The UI translates codes for users; the English messages here are for developers.
 */

export type XlsxProblemCode =
  | 'tooLarge'
  | 'notZip'
  | 'legacyOrEncrypted'
  | 'unsupportedZip'
  | 'corrupt'
  | 'notWorkbook'
  | 'zipBomb'
  | 'tooManySheets'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'tooManyCells'
  | 'engineRefused'
  | 'timeLimit'
  | 'readerStopped';

/** A refused file: `code` selects the message, `detail` says what and where. */
export interface XlsxProblem {
  code: XlsxProblemCode;
  detail: string;
}

export const XLSX_PROBLEM_MESSAGES: Record<XlsxProblemCode, string> = {
  tooLarge: 'The file is larger than the import size limit.',
  notZip: 'The file is not an .xlsx workbook (it is not a zip archive).',
  legacyOrEncrypted: 'The file is an old-style .xls workbook or a password-protected workbook; save it as an unprotected .xlsx.',
  unsupportedZip: 'The zip archive uses a feature the importer does not read (zip64, encryption or an unusual compression).',
  corrupt: 'The workbook is damaged: part of it cannot be unpacked or read.',
  notWorkbook: 'The zip archive is not an Excel workbook (no xl/workbook.xml).',
  zipBomb: 'The archive would unpack to more data than the importer allows (a zip bomb or an enormous workbook).',
  tooManySheets: 'The workbook has more sheets than a notebook can hold.',
  tooManyRows: 'A sheet has more rows than a notebook can hold.',
  tooManyColumns: 'A sheet has more columns than a notebook can hold.',
  tooManyCells: 'The workbook has more cells than a notebook can hold.',
  engineRefused: 'The calculation engine cannot open the workbook, even with Excel\'s values kept for its formulas.',
  timeLimit: 'Reading the workbook took longer than the import\'s time limit.',
  readerStopped: 'The import worker stopped (it ran out of memory or crashed) while reading the workbook.',
};

export function xlsxProblem(code: XlsxProblemCode, detail: string): { ok: false; problem: XlsxProblem } {
  return { ok: false, problem: { code, detail } };
}

/** Things an import adapted or left out; the notebook opens, and the user is told. */
export type ImportWarningCode =
  | 'nameSkipped'
  | 'nameRenamed'
  | 'localNamePromoted'
  | 'localNameInlined'
  | 'relativeNameInlined'
  | 'errorConstant'
  | 'textTruncated'
  | 'formulaKeptValue'
  | 'externalLink'
  | 'dataTable';

export interface ImportWarning {
  code: ImportWarningCode;
  detail: string;
}

export const IMPORT_WARNING_MESSAGES: Record<ImportWarningCode, string> = {
  nameSkipped: 'A defined name was not imported (an external, relative or invalid reference, or a name the engine rejects).',
  nameRenamed: 'A defined name the calculation engine cannot spell (e.g. Sales2024, or letters outside Latin) was renamed, in every formula that uses it.',
  localNamePromoted: 'A sheet-level name became a workbook name (no other name of that spelling exists).',
  localNameInlined: 'A sheet-level name clashes with another name; its formula was written into the cells that use it.',
  relativeNameInlined: 'A defined name with relative references was written into each formula that uses it, its references moved to that cell as in Excel.',
  errorConstant: 'A constant error value (e.g. #N/A typed into a cell) was imported as a formula that returns that error.',
  textTruncated: 'Text longer than 32,767 characters was cut to that length.',
  formulaKeptValue: 'A formula the calculation engine cannot take keeps the value Excel computed (its formula text is in the detail).',
  externalLink: 'A formula reads another workbook: it uses the values Excel last read from that workbook (they do not update), or keeps the value Excel computed where those were not saved.',
  dataTable: 'A data table (What-If Analysis) keeps the values Excel computed; they do not recompute.',
};
