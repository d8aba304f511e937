/**
 * The template gallery: each entry creates a new notebook. Single templates come with link stubs
 * for the sheets they read from (see `linkStubs.ts`); the annual plan holds all five sheets and all
 * 19 names. A notebook is created by the same commands that insert a template into an existing
 * notebook, so "start with B, add A later" and "start with the annual plan" end in the same place.
 *
 * This module loads the sheet data (~150 KB of JSON); import it lazily from the UI and use
 * `templates/gallery.ts` to list the entries.
 *
 * @example
 *   const nb = templateById('six-step-targets')!.create({ locale: 'en' });
 *   const r = insertTemplateCommands(nb, 'market-model'); // replaces the A_Market stub
 *   if (r.ok) applyEdits(nb, r.value);                      // and engine.apply(r.value)
 */
import { applyEdits } from '../src/model/edit';
import type { Locale, Notebook } from '../src/model/notebook';
import { emptyNotebook } from '../src/model/notebook';
import type { GalleryEntry } from './gallery';
import { GALLERY } from './gallery';
import { insertTemplateCommands } from './insert';
import { defaultLayout } from './layouts';
import { pushAll } from '../src/model/arrays';

export interface CreateOptions {
  /** The notebook's locale; also picks the title's language. Default `zh-CN`. */
  locale?: Locale;
}

export interface TemplateEntry extends GalleryEntry {
  /** A new notebook holding the template (and its link stubs and names). */
  create(options?: CreateOptions): Notebook;
}

function createFromTemplate(entry: GalleryEntry, options: CreateOptions = {}): Notebook {
  const locale = options.locale ?? 'zh-CN';
  const nb = emptyNotebook(locale === 'en' ? entry.title.en : entry.title.zh, locale);
  if (entry.sheets.length === 0) return nb; // blank: emptyNotebook's one Sheet1
  nb.sheets = [];
  const commands = insertTemplateCommands(nb, entry.id);
  // Nothing can be in the way in an empty notebook; a failure here is a bug in the data.
  if (!commands.ok) throw new Error(`template ${entry.id}: ${commands.error.message}`);
  applyEdits(nb, commands.value);
  // The sheets' default notebook view (charts, KPI cards, notes): see templates/layouts.ts.
  pushAll(nb.layout.items, nb.sheets.filter((s) => !s.stub).flatMap((s) => defaultLayout(s.name)));
  return nb;
}

export const TEMPLATES: readonly TemplateEntry[] = GALLERY.map((entry) => ({
  ...entry,
  create: (options?: CreateOptions) => createFromTemplate(entry, options),
}));

export function templateById(id: string): TemplateEntry | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export type { GalleryEntry, TemplateId } from './gallery';
export { GALLERY, galleryEntry, templateForSheet } from './gallery';
export type { InsertErrorCode } from './insert';
export { insertTemplateCommands, replacedStubValues } from './insert';
export { cellMeaning, externalNeeds } from './linkStubs';
export type { StubEdit } from './linkStubs';
export { defaultLayout } from './layouts';
export type { TemplateSheetName } from './catalog';
export { TEMPLATE_NAMES, TEMPLATE_SHEET_NAMES, expectedValues, sampleValue } from './catalog';
export type { CheckCell, CheckResult, CheckState, CheckSummary } from '../src/model/checks';
export { checkCells, checkState, summarizeChecks } from '../src/model/checks';
