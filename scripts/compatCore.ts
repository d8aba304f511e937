/**
 * The compatibility suite: import each Excel-saved .xlsx with the product's importer, compute it
 * with the product's engine, and compare every formula cell with the value Excel cached in the
 * file. Used by `npm run compat -- DIR` (scripts/compat.mjs) and by test/unit/io-compat.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isCellError } from '../src/model/cell';
import type { CellValue } from '../src/model/cell';
import { importXlsx } from '../src/io/xlsxImport';
import { EngineNotebook } from '../workers/engineCore';
import { engineImportOptions } from '../workers/importCore';

export { engineImportOptions };

export interface Count {
  matched: number;
  total: number;
}

export interface Mismatch {
  cell: string;
  formula: string;
  ours: CellValue;
  excel: CellValue;
}

export interface FileResult extends Count {
  file: string;
  /** Set when the importer refused the file. */
  problem?: string;
  unsupportedFunctions: string[];
  mismatches: Mismatch[];
}

export interface CompatReport {
  files: FileResult[];
  categories: Record<string, Count & { files: number }>;
  total: Count;
}

/**
 * Excel's value and ours agree: numbers within 1e-6 relative or 1e-9 absolute, text and
 * booleans exactly, errors by code. No value at all (a file saved without one, or an engine
 * result of nothing) counts as empty text.
 */
export function sameValue(ours: CellValue, excel: CellValue): boolean {
  const a = ours ?? '';
  const b = excel ?? '';
  if (typeof a === 'number' && typeof b === 'number') {
    const diff = Math.abs(a - b);
    return diff <= 1e-9 || diff <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b;
}

export function findXlsxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return findXlsxFiles(path);
      return name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$') ? [path] : [];
    });
}

export async function compareFile(path: string, options = engineImportOptions()): Promise<Omit<FileResult, 'file'>> {
  const imported = await importXlsx(readFileSync(path), options);
  if (!imported.ok) {
    return { matched: 0, total: 0, problem: `${imported.problem.code}: ${imported.problem.detail}`, unsupportedFunctions: [], mismatches: [] };
  }
  const { notebook, report } = imported;
  const result: Omit<FileResult, 'file'> = { matched: 0, total: 0, unsupportedFunctions: report.unsupportedFunctions, mismatches: [] };
  let engine: EngineNotebook;
  try {
    engine = new EngineNotebook(notebook);
  } catch (e) {
    return { ...result, problem: `engine: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    for (const sheet of notebook.sheets) {
      for (const [addr, excel] of Object.entries(report.cachedValues[sheet.name] ?? {})) {
        const ours = engine.value(sheet.name, addr);
        result.total++;
        if (sameValue(ours, excel)) result.matched++;
        else result.mismatches.push({ cell: `${sheet.name}!${addr}`, formula: String(sheet.cells[addr]), ours, excel });
      }
    }
  } finally {
    engine.destroy();
  }
  return result;
}

export async function runCompat(dir: string): Promise<CompatReport> {
  const options = engineImportOptions();
  const files: FileResult[] = [];
  for (const path of findXlsxFiles(dir)) files.push({ file: relative(dir, path).split(sep).join('/'), ...(await compareFile(path, options)) });
  const categories: CompatReport['categories'] = {};
  const total: Count = { matched: 0, total: 0 };
  for (const f of files) {
    const name = f.file.includes('/') ? f.file.slice(0, f.file.indexOf('/')) : '(top level)';
    const c = (categories[name] ??= { files: 0, matched: 0, total: 0 });
    c.files++;
    c.matched += f.matched;
    c.total += f.total;
    total.matched += f.matched;
    total.total += f.total;
  }
  return { files, categories, total };
}

export function percent(c: Count): string {
  return c.total ? `${((100 * c.matched) / c.total).toFixed(1)} %` : '–';
}

/** The per-category table for the README. */
export function categoryTable(report: CompatReport): string {
  const rows = Object.entries(report.categories).map(([name, c]) => `| ${name} | ${c.files} | ${c.matched} / ${c.total} | ${percent(c)} |`);
  return [
    '| category | files | matched / total | % |',
    '|---|---:|---:|---:|',
    ...rows,
    `| **all** | ${report.files.length} | ${report.total.matched} / ${report.total.total} | ${percent(report.total)} |`,
  ].join('\n');
}
