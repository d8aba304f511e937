/**
 * Opening a file from disk: `.opsbook.json` through the validating reader (and `.xlsx` through
 * the lazily loaded importer). An import always becomes a new notebook; nothing is overwritten.
 */
import { readOpsbookText, MAX_FILE_BYTES } from '../../model/fileFormat';
import { newId } from '../../model/notebook';
import type { Notebook } from '../../model/notebook';
import { t } from '../../i18n';
import { fileProblemText } from '../notebookProblems';

/** `checked`: the notebook already passed `validateNotebook` (the `.json` reader runs it). */
export type ImportOutcome = { ok: true; notebook: Notebook; notes: string[]; checked?: boolean } | { ok: false; message: string };

export async function importFile(file: File): Promise<ImportOutcome> {
  const name = file.name.toLowerCase();
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: t('file.tooLarge', { detail: `${(file.size / 1048576).toFixed(1)} MB > ${MAX_FILE_BYTES / 1048576} MB` }) };
  if (name.endsWith('.json')) {
    const r = readOpsbookText(await file.text());
    if (!r.ok) return { ok: false, message: fileProblemText(r.problem) };
    return { ok: true, checked: true, notebook: asNewNotebook(r.notebook), notes: r.dropped ? [t('file.layoutDropped', { list: r.dropped.join('; ') })] : [] };
  }
  if (name.endsWith('.xlsx')) {
    const { importXlsxFile } = await import('./importXlsx');
    return importXlsxFile(file);
  }
  return { ok: false, message: t('file.unknownType', { name: file.name }) };
}

/**
 * A title no other notebook has: `Plan`, then `Plan (2)`, `Plan (3)` … as a file manager names
 * copies, so two imports of one file can be told apart in the list.
 */
export function distinctTitle(title: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.trim().toLowerCase()));
  if (!used.has(title.trim().toLowerCase())) return title;
  const base = title.replace(/\s\(\d+\)$/, '');
  for (let i = 2; ; i++) {
    const next = `${base} (${i})`;
    if (!used.has(next.toLowerCase())) return next;
  }
}

/** A fresh identity, so importing the same file twice gives two notebooks. */
export function asNewNotebook(nb: Notebook): Notebook {
  const now = Date.now();
  return { ...nb, id: newId('nb'), createdAt: now, updatedAt: now };
}
