/// <reference lib="webworker" />
/**
 * The `.xlsx` import worker: the whole import — zip checks, the workbook reader, the engine's
 * checks of names and of the build — runs here, so a file that makes the reader spin or exhaust
 * memory cannot freeze the page. The page gives each import a time limit and ends the worker
 * (src/ui/home/importXlsx.ts); one worker serves one import.
 */
import { expose } from 'comlink';
import { importXlsx } from '../src/io/xlsxImport';
import type { XlsxImportOptions, XlsxImportResult } from '../src/io/xlsxImport';
import { engineImportOptions } from './importCore';

export interface ImportHost {
  importXlsx(bytes: Uint8Array, opts: Pick<XlsxImportOptions, 'title' | 'locale'>, onProgress?: (done: number, total: number) => void): Promise<XlsxImportResult>;
}

const host: ImportHost = {
  importXlsx: (bytes, opts, onProgress) => importXlsx(bytes, { ...opts, ...engineImportOptions(), onProgress: onProgress && ((d, n) => void onProgress(d, n)) }),
};

expose(host);
