/**
 * Inserting and deleting rows and columns in the document, and everything that points at cells
 * following it: formulas on every sheet and workbook names (as the engine rewrites its own), the
 * changed sheet's contents, formats, column widths and frozen panes, scenario overrides, chart and
 * KPI bindings, saved what-if settings, and the built-in tables of drivers and slides (through the
 * log of moves kept in `layout.moves`, see `relocate`). The arithmetic lives in `pointers.ts`.
 *
 * Each command returns its inverse carrying a `StructureSnapshot` of what it changed, so undo puts
 * back exactly what was there (a deleted row's contents, a formula that became `#REF!`).
 * `structureDependents` says what depends on cells before they are deleted.
 */
import { plainCopy } from './plainCopy';
import { pushAll } from './arrays';
import { parseA1, toA1, columnIndex, columnLabel } from './address';
import type { RawContent } from './cell';
import { isFormula } from './cell';
import type { EditCommand, SheetRelink, StructureCommandType, StructureSnapshot } from './commands';
import type { Layout, Notebook, Sheet } from './notebook';
import { findSheet } from './notebook';
import { ENGINE_LIMITS } from './limits';
import { referencedSheets } from './formulaText';
import { moveBinding, moveCellKey, moveFormula, moveSpan, referencesDeleted } from './pointers';
import type { StructureChange } from './pointers';
import { rekeyScenario } from './scenarios';

export type StructureCommand = Extract<EditCommand, { type: StructureCommandType }>;

/** An insert may not push cells past the engine's grid. */
const MAX_ROWS = ENGINE_LIMITS.maxRows;
const MAX_COLS = ENGINE_LIMITS.maxColumns;

/** Why an insert or delete is refused (messages: src/ui/problemMessages.ts). */
export type StructureErrorCode = 'badStructure' | 'noSheet' | 'sheetFull' | 'stubShape';

export class StructureError extends Error {
  constructor(readonly code: StructureErrorCode, message: string) {
    super(message);
  }
}

const INVERSE: Record<StructureCommandType, StructureCommandType> = {
  insertRows: 'deleteRows',
  deleteRows: 'insertRows',
  insertColumns: 'deleteColumns',
  deleteColumns: 'insertColumns',
};

export function isStructureCommand(cmd: EditCommand): cmd is StructureCommand {
  return cmd.type in INVERSE;
}

/** The change a command makes, as pointers see it. */
export function changeOf(sheet: Pick<Sheet, 'id' | 'name'>, cmd: Pick<StructureCommand, 'type' | 'at' | 'count'>): StructureChange {
  const op = cmd.type.startsWith('insert') ? 'insert' : 'delete';
  const axis = cmd.type.endsWith('Rows') ? 'rows' : 'cols';
  return { op, axis, sheetId: sheet.id, sheet: sheet.name, at: cmd.at, count: cmd.count };
}


/**
 * How a structure edit works on the document it changes. The UI changes a Solid `produce` draft,
 * whose every read goes through a proxy trap and whose every write first walks what it is given:
 * scanning every formula of every sheet that way, and storing the moved sheet's 100s of cells,
 * were most of an insert's cost. `raw` answers the object behind a proxy (the draft's writes land
 * in it at once), so the scans read it; `fresh` marks a map built here so the store takes it
 * without the walk. Without a store both are the identity.
 */
export interface DraftAccess {
  raw<T extends object>(value: T): T;
  fresh<T extends object>(value: T): T;
}
const direct: DraftAccess = { raw: (value) => value, fresh: (value) => value };

function snapshot(nb: Notebook, sheet: Sheet, { raw }: DraftAccess): StructureSnapshot {
  const own: StructureSnapshot['sheet'] = { cells: { ...raw(sheet.cells) }, formats: { ...raw(sheet.formats) } };
  if (sheet.colWidths) own.colWidths = { ...sheet.colWidths };
  if (sheet.frozen) own.frozen = { ...sheet.frozen };
  return { sheet: own, others: [], names: plainCopy(raw(nb.names)), scenarios: plainCopy(raw(nb.scenarios)), layout: plainCopy(raw(nb.layout)) };
}

/** A cell address after a change; null when its row/column is deleted. */
function moveAddr(addr: string, change: Extract<StructureChange, { axis: unknown }>): string | null {
  const p = parseA1(addr);
  if (!p) return addr;
  const k = change.axis === 'rows' ? p.row : p.col;
  const s = moveSpan(k, k, change.op, change.at, change.count);
  if (!s) return null;
  return toA1(change.axis === 'rows' ? { row: s[0], col: p.col } : { row: p.row, col: s[0] });
}

/** A map keyed by cell address (a sheet's computed values) after an insert/delete on that sheet; deleted cells drop out. */
export function moveAddressMap<T>(map: Readonly<Record<string, T>>, cmd: Pick<StructureCommand, 'type' | 'at' | 'count'>): Record<string, T> {
  const change = changeOf({ id: '', name: '' }, cmd) as Extract<StructureChange, { axis: unknown }>;
  return reKey(map, (a) => moveAddr(a, change));
}

function reKey<T>(map: Record<string, T>, move: (key: string) => string | null): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(map)) {
    const next = move(k);
    if (next !== null) out[next] = v;
  }
  return out;
}

const QUALIFIED = /^(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** Every `Sheet!A1[:B2]` string inside saved settings (what-if specs and results), moved; a deleted one reads `#REF!`. */
function moveDeep(value: unknown, change: StructureChange): unknown {
  if (typeof value === 'string') return QUALIFIED.test(value) ? moveFormula(value, undefined, change) : value;
  if (Array.isArray(value)) return value.map((v) => moveDeep(v, change));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = moveDeep(v, change);
    return out;
  }
  return value;
}

/**
 * The layout's keys other than `items` after a change (`whatif`, …), with the change appended to
 * `moves` — the log through which the built-in tables (drivers, slides) find their cells.
 */
export function moveLayoutKeys(layout: Layout, change: StructureChange): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layout)) {
    if (k === 'items' || k === 'moves') continue;
    out[k] = moveDeep(v, change);
  }
  const moves = Array.isArray(layout.moves) ? (layout.moves as StructureChange[]) : [];
  out.moves = [...plainCopy(moves), change];
  return out;
}

/** Where a cell the built-in tables name (`B_Target!C43`) is now, after the notebook's moves; null when it was deleted. */
export function relocate(layout: Readonly<Layout> | undefined, key: string): string | null {
  const moves = layout && Array.isArray(layout.moves) ? (layout.moves as StructureChange[]) : [];
  let k: string | null = key;
  for (const m of moves) {
    if (k === null) return null;
    k = moveCellKey(k, m);
  }
  return k;
}

/** Every `Sheet!A1` string of a built-in table's output (a what-if preset's spec), found where it is now; a deleted one reads `#REF!`. */
export function relocateAll<T>(layout: Readonly<Layout> | undefined, value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return QUALIFIED.test(v) ? (relocate(layout, v) ?? '#REF!') : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

function rewrite(nb: Notebook, sheet: Sheet, change: Extract<StructureChange, { axis: unknown }>, record: StructureSnapshot, { raw, fresh }: DraftAccess): void {
  // On other sheets only a formula that names the changed sheet can move (a quick test before the full parse).
  // (A quoted name doubles its apostrophes: `'O''Brien'!A1`.)
  const named = sheet.name.toLowerCase();
  const quoted = named.replace(/'/g, "''");
  const mayName = (raw: string) => {
    const f = raw.toLowerCase();
    return f.includes(named) || f.includes(quoted);
  };
  for (const s of nb.sheets) {
    if (s === sheet) continue;
    for (const [addr, text] of Object.entries(raw(s.cells))) {
      if (!isFormula(text) || !mayName(text)) continue;
      const next = moveFormula(text, s.name, change);
      if (next !== text) {
        record.others.push({ sheetId: s.id, sheet: s.name, addr, raw: text });
        s.cells[addr] = next;
      }
    }
  }
  const cells: Record<string, RawContent> = {};
  for (const [addr, text] of Object.entries(raw(sheet.cells))) {
    const to = moveAddr(addr, change);
    if (to !== null) cells[to] = isFormula(text) ? moveFormula(text, sheet.name, change) : text;
  }
  sheet.cells = fresh(cells);
  sheet.formats = fresh(reKey(raw(sheet.formats), (a) => moveAddr(a, change)));
  if (change.axis === 'cols' && sheet.colWidths) {
    sheet.colWidths = reKey(sheet.colWidths, (label) => {
      const s = moveSpan(columnIndex(label), columnIndex(label), change.op, change.at, change.count);
      return s && columnLabel(s[0]);
    });
  }
  if (sheet.frozen) {
    // Inserting inside the frozen rows/columns grows the pane; deleting some of them shrinks it.
    const n = change.axis === 'rows' ? sheet.frozen.rows : sheet.frozen.cols;
    if (n > 0) {
      const s = moveSpan(0, n - 1, change.op, change.at, change.count);
      const next = s ? s[1] + 1 : 0;
      sheet.frozen = change.axis === 'rows' ? { ...sheet.frozen, rows: next } : { ...sheet.frozen, cols: next };
    }
  }
  for (const n of nb.names) n.expression = moveFormula(n.expression, undefined, change);
  for (const sc of nb.scenarios) rekeyScenario(sc, (k) => moveCellKey(k, change));
  for (const item of nb.layout.items) {
    for (const [k, v] of Object.entries(item.ranges)) item.ranges[k] = moveBinding(v, item.sheet, change);
  }
  const keys = moveLayoutKeys(raw(nb.layout), change);
  for (const k of Object.keys(nb.layout)) if (k !== 'items' && !(k in keys)) delete nb.layout[k];
  Object.assign(nb.layout, keys);
}

function restore(nb: Notebook, sheet: Sheet, exact: StructureSnapshot, record: StructureSnapshot, { fresh }: DraftAccess): void {
  for (const o of exact.others) {
    const s = nb.sheets.find((x) => x.id === o.sheetId);
    if (!s) continue;
    record.others.push({ sheetId: o.sheetId, sheet: s.name, addr: o.addr, raw: s.cells[o.addr] ?? null });
    if (o.raw === null) delete s.cells[o.addr];
    else s.cells[o.addr] = o.raw;
  }
  const own = plainCopy(exact.sheet);
  sheet.cells = fresh(own.cells);
  sheet.formats = fresh(own.formats);
  if (own.colWidths) sheet.colWidths = own.colWidths;
  else delete sheet.colWidths;
  if (own.frozen) sheet.frozen = own.frozen;
  else delete sheet.frozen;
  nb.names.splice(0, nb.names.length, ...plainCopy(exact.names));
  nb.scenarios.splice(0, nb.scenarios.length, ...plainCopy(exact.scenarios));
  const layout = plainCopy(exact.layout);
  for (const k of Object.keys(nb.layout)) if (!(k in layout)) delete nb.layout[k];
  Object.assign(nb.layout, layout);
}

/** Applies an insert/delete to the document (for `applyEdit`); returns its inverse. */
export function applyStructureEdit(nb: Notebook, cmd: StructureCommand, access: DraftAccess = direct): StructureCommand {
  const { raw } = access;
  const sheet = findSheet(nb, cmd.sheet);
  if (!sheet) throw new StructureError('noSheet', `no sheet named ${cmd.sheet}`);
  // A link stub holds the cells a template reads at the template's own addresses: the real sheet
  // replaces it without rewriting a formula, so its rows and columns stay where they are.
  if (sheet.stub && !cmd.exact) throw new StructureError('stubShape', `${sheet.name} is a link stub`);
  const change = changeOf(sheet, cmd) as Extract<StructureChange, { axis: unknown }>;
  const max = change.axis === 'rows' ? MAX_ROWS : MAX_COLS;
  if (!Number.isInteger(cmd.at) || !Number.isInteger(cmd.count) || cmd.at < 0 || cmd.count < 1 || cmd.at + cmd.count > max) {
    throw new StructureError('badStructure', `cannot ${cmd.type} ${cmd.count} at ${cmd.at}`);
  }
  if (change.op === 'insert' && !cmd.exact) {
    // Nothing may be pushed off the sheet.
    let last = -1;
    for (const addr of Object.keys(raw(sheet.cells))) {
      const p = parseA1(addr);
      if (p) last = Math.max(last, change.axis === 'rows' ? p.row : p.col);
    }
    if (last >= cmd.at && last + cmd.count >= max) throw new StructureError('sheetFull', `inserting ${cmd.count} would push cells past the sheet's last ${change.axis === 'rows' ? 'row' : 'column'}`);
  }
  const before = snapshot(nb, sheet, access);
  if (cmd.exact) restore(nb, sheet, cmd.exact, before, access);
  else rewrite(nb, sheet, change, before, access);
  return { type: INVERSE[cmd.type], sheet: sheet.name, at: cmd.at, count: cmd.count, exact: before };
}

/** Formulas and names elsewhere that name `sheet`: what must find it again when it comes back. */
export function relinkOf(nb: Notebook, sheet: Sheet): SheetRelink {
  const lower = sheet.name.toLowerCase();
  const names = (t: string) => referencedSheets(t).some((n) => n.toLowerCase() === lower);
  const cells: SheetRelink['cells'] = [];
  for (const s of nb.sheets) {
    if (s === sheet) continue;
    for (const [addr, raw] of Object.entries(s.cells)) if (isFormula(raw) && names(raw)) cells.push({ sheet: s.name, addr, raw });
  }
  return { cells, names: nb.names.filter((n) => names(n.expression)).map((n) => ({ ...n })) };
}

// ---- what depends on deleted cells -------------------------------------------------------------

export type DependentKind = 'formulas' | 'names' | 'charts' | 'scenarios' | 'whatif' | 'drivers';

export interface Dependents {
  kind: DependentKind;
  count: number;
  /** The first few, as `Sheet!A1`, a name, or a chart's title or id. */
  first: string[];
}

function collect(kind: DependentKind, list: string[], out: Dependents[], limit: number): void {
  if (list.length) out.push({ kind, count: list.length, first: list.slice(0, limit) });
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/**
 * What points into the cells a deletion (or a sheet removal) takes away, from outside them:
 * formulas (on other sheets, or elsewhere on this one), workbook names, charts and KPI cards,
 * scenario overrides, saved what-if settings and the drivers given (`Sheet!A1` of each, already
 * relocated). Empty when nothing does.
 */
export function structureDependents(nb: Notebook, change: StructureChange, drivers: readonly { name: string; key: string }[] = [], limit = 3): Dependents[] {
  if (change.op !== 'delete' && change.op !== 'removeSheet') return [];
  const gone = (addr: string, sheetName: string): boolean => {
    if (sheetName.toLowerCase() !== change.sheet.toLowerCase()) return false;
    if (change.op === 'removeSheet') return true;
    const p = parseA1(addr);
    if (!p) return false;
    const k = change.axis === 'rows' ? p.row : p.col;
    return k >= change.at && k < change.at + change.count;
  };
  const out: Dependents[] = [];
  // Deleting rows/columns that hold nothing changes no value: only what would break (#REF!) is worth asking about;
  // a range across them just shrinks, as in Excel.
  const sheet = nb.sheets.find((s) => s.name.toLowerCase() === change.sheet.toLowerCase());
  const empty = change.op === 'delete' && !!sheet && !Object.keys(sheet.cells).some((a) => gone(a, sheet.name));
  const refs = (n: string) => n.split('#REF!').length - 1;
  const reads = (text: string, home: string | undefined): boolean =>
    empty ? refs(moveFormula(text, home, change)) > refs(text) : referencesDeleted(text, home, change);
  // Other sheets first: those are the readers a user is least likely to see.
  const elsewhere: string[] = [];
  const here: string[] = [];
  for (const s of nb.sheets) {
    const list = s.name.toLowerCase() === change.sheet.toLowerCase() ? here : elsewhere;
    for (const [addr, raw] of Object.entries(s.cells)) {
      if (!isFormula(raw) || gone(addr, s.name)) continue;
      if (reads(raw, s.name)) list.push(`${s.name}!${addr}`);
    }
  }
  collect('formulas', [...elsewhere, ...here], out, limit);
  collect('names', nb.names.filter((n) => reads(n.expression, undefined)).map((n) => n.name), out, limit);
  const charts = nb.layout.items.filter((i) => {
    if (change.op === 'removeSheet' && i.sheet.toLowerCase() === change.sheet.toLowerCase()) return false; // it goes with its sheet
    return Object.values(i.ranges).some((r) => reads(r, i.sheet));
  });
  collect('charts', charts.map((i) => i.title ?? i.id), out, limit);
  const keys = new Set<string>();
  for (const sc of nb.scenarios) for (const k of Object.keys(sc.overrides)) if (reads(k, undefined)) keys.add(k);
  collect('scenarios', [...keys], out, limit);
  const whatif: string[] = [];
  for (const [k, v] of Object.entries(nb.layout)) {
    if (k === 'items' || k === 'moves') continue;
    const hits = stringsIn(v).filter((t) => QUALIFIED.test(t) && reads(t, undefined));
    if (hits.length) pushAll(whatif, new Set(hits));
  }
  collect('whatif', [...new Set(whatif)], out, limit);
  collect('drivers', drivers.filter((d) => reads(d.key, undefined)).map((d) => d.name), out, limit);
  return out;
}
