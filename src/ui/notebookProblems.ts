/**
 * The stored-notebook check's findings and a refused file's problem, in the current language
 * (the codes come from src/model/validate.ts and src/model/fileFormat.ts).
 */
import { t } from '../i18n';
import './problemMessages'; // registers the check.<code> messages
import type { FileProblem } from '../model/fileFormat';
import type { NotebookProblem } from '../model/validate';

/** A notebook problem in the current language. */
export function notebookProblemText(p: NotebookProblem): string {
  return t(`check.${p.code}`, { where: p.where });
}

/** Why a file was refused, in the current language: what the check found, or what the reader says. */
export function fileProblemText(p: FileProblem): string {
  if (p.unusable?.length) return t('file.unusable', { detail: p.unusable.slice(0, 3).map(notebookProblemText).join('; ') });
  return t(`file.${p.code}`, { detail: p.detail });
}

