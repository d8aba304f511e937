/**
 * Applying an `EditCommand` to the document. `applyEdit` mutates the notebook it is given (the
 * UI passes a Solid `produce` draft, so only touched cells notify) and returns the command that
 * undoes it. One exhaustive switch: every kind of edit is handled here and nowhere else.
 */
import { plainCopy } from './plainCopy';
import { renameSheetInFormula } from './formulaText';
import { isFormula } from './cell';
import type { CellWrite, EditCommand, RenameRewrites } from './commands';
import type { Notebook, Sheet } from './notebook';
import { findSheet } from './notebook';
import { applyLogDecisions } from './decisionLog';
import { applySetScenarios, rekeyScenario } from './scenarios';
import { commandProblem } from './validate';
import { applyStructureEdit, moveLayoutKeys, relinkOf, StructureError } from './structure';
import type { DraftAccess, StructureErrorCode } from './structure';
import type { NotebookProblemCode } from './validate';
import { pushAll } from './arrays';

/** Why an edit is refused: a stored-notebook rule it would break, or the commands' own reasons (messages: src/ui/problemMessages.ts). */
export type EditErrorCode = NotebookProblemCode | StructureErrorCode | 'noSheet' | 'lastSheet' | 'sheetExists';

export class EditError extends Error {
  constructor(readonly code: EditErrorCode, message: string) {
    super(message);
  }
}

function ensureSheet(nb: Notebook, name: string): Sheet {
  const s = findSheet(nb, name);
  if (!s) throw new EditError('noSheet', `no sheet named ${name}`);
  return s;
}

/** A deep copy (the sheet may be a reactive proxy). */
export function cloneSheet(s: Sheet): Sheet {
  return plainCopy(s);
}

/** `draft`: how the edits that scan the document read and store it past a store's proxies (see `DraftAccess`). */
export function applyEdit(nb: Notebook, cmd: EditCommand, draft?: DraftAccess): EditCommand {
  // The stored-notebook rules hold after every edit: what the engine, the renderer or the exporter
  // could not take is refused here, before anything changes.
  const problem = commandProblem(nb, cmd);
  if (problem) throw new EditError(problem.code, problem.where);
  switch (cmd.type) {
    case 'setCells': {
      const sheet = ensureSheet(nb, cmd.sheet);
      const undo: CellWrite[] = [];
      for (const w of cmd.writes) {
        const old = sheet.cells[w.addr];
        undo.push({ addr: w.addr, raw: old === undefined ? null : old });
        if (w.raw === null) delete sheet.cells[w.addr];
        else sheet.cells[w.addr] = w.raw;
      }
      return { type: 'setCells', sheet: sheet.name, writes: undo.reverse() };
    }
    case 'setFormats': {
      const sheet = ensureSheet(nb, cmd.sheet);
      const undo = cmd.formats.map((f) => ({ addr: f.addr, format: sheet.formats[f.addr] ?? null }));
      for (const f of cmd.formats) {
        if (f.format === null) delete sheet.formats[f.addr];
        else sheet.formats[f.addr] = f.format;
      }
      return { type: 'setFormats', sheet: sheet.name, formats: undo.reverse() };
    }
    case 'addSheet': {
      if (findSheet(nb, cmd.sheet.name)) throw new EditError('sheetExists', `a sheet named ${cmd.sheet.name} exists`);
      const index = Math.max(0, Math.min(cmd.index, nb.sheets.length));
      nb.sheets.splice(index, 0, cloneSheet(cmd.sheet));
      return { type: 'removeSheet', name: cmd.sheet.name };
    }
    case 'removeSheet': {
      const sheet = ensureSheet(nb, cmd.name);
      if (nb.sheets.length === 1) throw new EditError('lastSheet', 'a notebook keeps at least one sheet');
      const index = nb.sheets.indexOf(sheet);
      const copy = cloneSheet(sheet);
      // Formulas elsewhere keep their text here, but the engine turned them into #REF!: coming back, it reads them again.
      const relink = relinkOf(nb, sheet);
      nb.sheets.splice(index, 1);
      return { type: 'addSheet', sheet: copy, index, relink };
    }
    case 'renameSheet': {
      const sheet = ensureSheet(nb, cmd.from);
      const other = findSheet(nb, cmd.to);
      if (other && other !== sheet) throw new EditError('sheetExists', `a sheet named ${cmd.to} exists`);
      const from = sheet.name;
      const before: RenameRewrites = {
        cells: [],
        names: nb.names.map((n) => ({ ...n })),
        overrides: nb.scenarios.map((sc) => ({ ...sc.overrides })),
        itemSheets: nb.layout.items.map((i) => i.sheet),
        layoutKeys: layoutKeysOf(nb),
      };
      sheet.name = cmd.to;
      if (cmd.exact) restoreRewrites(nb, cmd.exact, before);
      else rewriteReferences(nb, sheet.id, from, cmd.to, before);
      // Relative rules and base dates of overrides name their cells like the overrides do.
      for (const sc of nb.scenarios) {
        const overrides = sc.overrides;
        rekeyScenario(sc, (k) => (k.startsWith(`${from}!`) ? `${cmd.to}!${k.slice(from.length + 1)}` : k));
        sc.overrides = overrides;
      }
      return { type: 'renameSheet', from: cmd.to, to: from, exact: before };
    }
    case 'moveSheet': {
      const sheet = ensureSheet(nb, cmd.name);
      const from = nb.sheets.indexOf(sheet);
      nb.sheets.splice(from, 1);
      nb.sheets.splice(Math.max(0, Math.min(cmd.index, nb.sheets.length)), 0, sheet);
      return { type: 'moveSheet', name: sheet.name, index: from };
    }
    case 'setNames': {
      const old = nb.names.map((n) => ({ ...n }));
      nb.names.length = 0;
      pushAll(nb.names, cmd.names.map((n) => ({ ...n })));
      return { type: 'setNames', names: old };
    }
    case 'setColWidths': {
      const sheet = ensureSheet(nb, cmd.sheet);
      const widths = (sheet.colWidths ??= {});
      const undo: Record<string, number | null> = {};
      for (const [col, w] of Object.entries(cmd.widths)) {
        undo[col] = widths[col] ?? null;
        if (w === null) delete widths[col];
        else widths[col] = w;
      }
      return { type: 'setColWidths', sheet: sheet.name, widths: undo };
    }
    case 'setLayout': {
      const old = plainCopy(nb.layout.items);
      nb.layout.items = plainCopy(cmd.items);
      return { type: 'setLayout', items: old };
    }
    case 'setLayoutKey': {
      if (cmd.key === 'items') throw new EditError('badLayoutKey', 'layout.items is changed with setLayout');
      // A copy, not the live object: the inverse travels to the engine worker (structured clone),
      // and the document may be a store whose objects cannot be cloned.
      const live = nb.layout[cmd.key];
      const old = plainCopy(live);
      if (cmd.value === undefined) delete nb.layout[cmd.key];
      else nb.layout[cmd.key] = plainCopy(cmd.value);
      return { type: 'setLayoutKey', key: cmd.key, value: old };
    }
    case 'replaceSheet': {
      const sheet = ensureSheet(nb, cmd.sheet.name);
      const index = nb.sheets.indexOf(sheet);
      const old = cloneSheet(sheet);
      nb.sheets[index] = cloneSheet(cmd.sheet);
      return { type: 'replaceSheet', sheet: old };
    }
    case 'setScenarios':
      return applySetScenarios(nb, cmd);
    case 'logDecisions':
      return applyLogDecisions(nb, cmd);
    case 'insertRows':
    case 'deleteRows':
    case 'insertColumns':
    case 'deleteColumns':
      try {
        return applyStructureEdit(nb, cmd, draft);
      } catch (e) {
        if (e instanceof StructureError) throw new EditError(e.code, e.message);
        throw e;
      }
  }
}

/**
 * Applies a group of commands as one: returns the commands that undo the whole group, in order.
 * If one is refused, those before it are undone and the error is rethrown — all or nothing.
 */
export function applyEdits(nb: Notebook, cmds: EditCommand[], draft?: DraftAccess): EditCommand[] {
  const inverse: EditCommand[] = [];
  try {
    for (const c of cmds) inverse.unshift(applyEdit(nb, c, draft));
  } catch (e) {
    for (const undo of inverse) applyEdit(nb, undo, draft);
    throw e;
  }
  return inverse;
}

/** A rename as the user makes it: every reference to `from` now names `to`. Records old texts. */
function rewriteReferences(nb: Notebook, sheetId: string, from: string, to: string, record: RenameRewrites): void {
  for (const s of nb.sheets) {
    for (const [addr, raw] of Object.entries(s.cells)) {
      if (!isFormula(raw)) continue;
      const next = renameSheetInFormula(raw, from, to);
      if (next !== raw) {
        record.cells.push({ sheetId: s.id, addr, raw });
        s.cells[addr] = next;
      }
    }
  }
  for (const n of nb.names) n.expression = renameSheetInFormula(n.expression, from, to);
  for (const sc of nb.scenarios) {
    for (const key of Object.keys(sc.overrides)) {
      if (key.startsWith(`${from}!`)) {
        sc.overrides[`${to}!${key.slice(from.length + 1)}`] = sc.overrides[key];
        delete sc.overrides[key];
      }
    }
  }
  for (const item of nb.layout.items) if (item.sheet === from) item.sheet = to;
  // Saved what-if settings name their cells `Sheet!A1`; the built-in tables learn the new name through the moves log.
  const keys = moveLayoutKeys(nb.layout, { op: 'renameSheet', sheetId, from, to });
  Object.assign(nb.layout, keys);
}

function layoutKeysOf(nb: Notebook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(nb.layout)) if (k !== 'items') out[k] = plainCopy(v ?? null);
  return out;
}

/** An undone (or redone) rename: puts back exactly the recorded texts. Records the current ones. */
function restoreRewrites(nb: Notebook, exact: RenameRewrites, record: RenameRewrites): void {
  for (const c of exact.cells) {
    const s = nb.sheets.find((x) => x.id === c.sheetId);
    if (!s) continue;
    record.cells.push({ sheetId: c.sheetId, addr: c.addr, raw: String(s.cells[c.addr] ?? '') });
    s.cells[c.addr] = c.raw;
  }
  nb.names.length = 0;
  pushAll(nb.names, exact.names.map((n) => ({ ...n })));
  nb.scenarios.forEach((sc, i) => {
    if (exact.overrides[i]) sc.overrides = { ...exact.overrides[i] };
  });
  nb.layout.items.forEach((item, i) => {
    if (exact.itemSheets[i] !== undefined) item.sheet = exact.itemSheets[i];
  });
  if (exact.layoutKeys) {
    for (const k of Object.keys(nb.layout)) if (k !== 'items' && !(k in exact.layoutKeys)) delete nb.layout[k];
    Object.assign(nb.layout, plainCopy(exact.layoutKeys));
  }
}
