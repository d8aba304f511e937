/**
 * Inserting a gallery template into a notebook, as plain `EditCommand`s that both the document
 * (`applyEdits`) and the engine (`EngineNotebook.apply`) take, and that undo like any edit.
 *
 * - A template sheet whose link stub is in the notebook replaces the stub (`replaceSheet`, same
 *   tab and id, `stub` cleared): every reference to it goes live at once.
 * - Otherwise it is added (`addSheet`) after the notebook's real sheets, before any stubs.
 * - Sheets it links to that are still absent get stubs; stubs it reads more cells of are
 *   extended, keeping values the user typed into them.
 * - Names it uses or defines are added (`setNames`); a name the notebook already has is kept as is.
 */
import type { RawContent } from '../src/model/cell';
import type { EditCommand, Result } from '../src/model/commands';
import { applyEdit } from '../src/model/edit';
import type { NamedExpression, Notebook, Sheet } from '../src/model/notebook';
import { findSheet } from '../src/model/notebook';
import { buildTemplateSheet, isTemplateSheetName, templateSheetData } from './catalog';
import type { TemplateSheetName } from './catalog';
import { galleryEntry } from './gallery';
import { buildStubSheet, externalNeeds, stubContents, stubEdits, stubLabelAddrs } from './linkStubs';
import type { StubEdit } from './linkStubs';

/** Why a template cannot be inserted; `code` selects the translated message. */
export type InsertErrorCode = 'unknownTemplate' | 'emptyTemplate' | 'sheetExists';

/**
 * The commands that insert template `templateId` into `nb`, in the order to apply them.
 * `nb` is not modified. Fails (as a value) when a real sheet of the template is already there.
 */
export function insertTemplateCommands(nb: Notebook, templateId: string): Result<EditCommand[]> {
  const entry = galleryEntry(templateId);
  if (!entry) return failure('unknownTemplate', `unknown template: ${templateId}`);
  if (entry.sheets.length === 0) return failure('emptyTemplate', `template ${templateId} has no sheets to insert`);
  for (const name of entry.sheets) {
    const existing = findSheet(nb, name);
    if (existing && !existing.stub) return failure('sheetExists', `the notebook already has a sheet named ${existing.name}`);
  }

  // Commands are applied to a draft as they are built, so positions and stubs read the state
  // the next command will meet.
  const draft = structuredClone(nb);
  const commands: EditCommand[] = [];
  const emit = (cmd: EditCommand) => {
    applyEdit(draft, cmd);
    commands.push(cmd);
  };

  const needs = externalNeeds(entry.sheets);
  for (const [name, addrs] of needs.cells) {
    const existing = findSheet(draft, name);
    if (!existing) emit({ type: 'addSheet', sheet: buildStubSheet(name, addrs), index: draft.sheets.length });
    else if (existing.stub) {
      const extended = extendStub(existing, name, addrs);
      if (extended) emit({ type: 'replaceSheet', sheet: extended });
    }
    // A real sheet of that name: the references are live already.
  }

  for (const name of entry.sheets) {
    const sheet = buildTemplateSheet(name, entry.id);
    const stub = findSheet(draft, name);
    if (stub) emit({ type: 'replaceSheet', sheet: { ...sheet, id: stub.id } });
    else emit({ type: 'addSheet', sheet, index: firstStubIndex(draft) });
  }

  const names = mergeNames(draft.names, needs.names);
  if (names.length !== draft.names.length) emit({ type: 'setNames', names });
  return { ok: true, value: commands };
}

function failure(code: InsertErrorCode, message: string): Result<EditCommand[]> {
  return { ok: false, error: { code, message } };
}

/** The stub with the missing cells added, or null when it already holds them all. */
function extendStub(stub: Sheet, name: TemplateSheetName, addrs: readonly string[]): Sheet | null {
  const missing = addrs.filter((a) => !(a in stub.cells));
  const added = stubContents(name, missing, false);
  const labels = stubLabelAddrs(name, addrs).filter((a) => !(a in stub.cells));
  if (Object.keys(added.cells).length === 0 && labels.length === 0) return null;
  const labelCells: Record<string, RawContent> = {};
  const real = templateSheetData(name).cells;
  for (const a of labels) labelCells[a] = real[a];
  return { ...stub, cells: { ...stub.cells, ...labelCells, ...added.cells }, formats: { ...added.formats, ...stub.formats } };
}

/** Real sheets go before the stubs, so the tabs read as the notebook's own work first. */
function firstStubIndex(nb: Notebook): number {
  const i = nb.sheets.findIndex((s) => s.stub);
  return i < 0 ? nb.sheets.length : i;
}

function mergeNames(existing: readonly NamedExpression[], wanted: readonly NamedExpression[]): NamedExpression[] {
  const have = new Set(existing.map((n) => n.name.toUpperCase()));
  return [...existing.map((n) => ({ ...n })), ...wanted.filter((n) => !have.has(n.name.toUpperCase())).map((n) => ({ ...n }))];
}

/** The values typed into the stubs that inserting template `templateId` would replace with its real sheets. */
export function replacedStubValues(nb: Notebook, templateId: string): StubEdit[] {
  const entry = galleryEntry(templateId);
  if (!entry) return [];
  return entry.sheets.flatMap((name) => {
    const stub = findSheet(nb, name);
    return stub?.stub && isTemplateSheetName(stub.name) ? stubEdits({ ...stub, name: stub.name }) : [];
  });
}
