/**
 * The workshop's decision log: every change made in presenter mode — a driver moved, a scenario
 * switched, a replayed step — as one entry with its time, what changed, old → new, and an
 * optional note. The log lives in the notebook (`Notebook.decisions`), so it is saved, exported
 * in `.opsbook.json` and survives a reload.
 *
 * The log is a record, not state: undoing a change does not erase its entry but marks it
 * `undone` (and redo clears the mark), so the room can always see what was tried. The one
 * command, `logDecisions`, travels in the same undo step as the change it records.
 */
import type { RawContent } from './cell';
import type { EditCommand } from './commands';
import type { Notebook } from './notebook';
import { findSheet } from './notebook';

export type DecisionKind = 'driver' | 'scenario' | 'replay' | 'edit' | 'round';

export interface Decision {
  id: string;
  /** When, in epoch milliseconds. */
  at: number;
  kind: DecisionKind;
  /** The cell that changed (`Sheet!A1`); for a scenario switch, empty. */
  target: string;
  /** The driver that moved it (`data-driver` name), if any. */
  driver?: string;
  /** Before and after: raw cell contents, or scenario ids for a switch (`null` = base / empty). */
  old: RawContent | null;
  new: RawContent | null;
  /** The scenario active when the change was made (absent = base). */
  scenario?: string;
  note?: string;
  undone?: boolean;
}

type LogCommand = Extract<EditCommand, { type: 'logDecisions' }>;

/** Applies a `logDecisions` command to the document; the inverse never deletes an entry. */
export function applyLogDecisions(nb: Notebook, cmd: LogCommand): LogCommand {
  const log = (nb.decisions ??= []);
  const byId = new Map(log.map((d) => [d.id, d]));
  const inverse: LogCommand = { type: 'logDecisions' };
  if (cmd.add?.length) {
    for (const d of cmd.add) {
      const existing = byId.get(d.id);
      // Redo sends the same entries again: they come back to life instead of doubling.
      if (existing) delete existing.undone;
      else {
        const copy = { ...d };
        log.push(copy);
        byId.set(copy.id, copy);
      }
    }
    inverse.undone = { ids: cmd.add.map((d) => d.id), value: true };
  }
  if (cmd.undone) {
    for (const id of cmd.undone.ids) {
      const d = byId.get(id);
      if (!d) continue;
      if (cmd.undone.value) d.undone = true;
      else delete d.undone;
    }
    inverse.undone = { ids: cmd.undone.ids, value: !cmd.undone.value };
  }
  if (cmd.note) {
    const d = byId.get(cmd.note.id);
    if (d) {
      inverse.note = { id: d.id, text: d.note ?? '' };
      if (cmd.note.text) d.note = cmd.note.text;
      else delete d.note;
    }
  }
  return inverse;
}

let counter = 0;

/** A new log entry with a fresh id and the current time (both injectable for tests). */
export function newDecision(fields: Omit<Decision, 'id' | 'at'> & { at?: number; id?: string }): Decision {
  const at = fields.at ?? Date.now();
  const id = fields.id ?? `d_${at.toString(36)}_${(counter++).toString(36)}`;
  const d: Decision = { ...fields, id, at };
  if (d.driver === undefined) delete d.driver;
  if (d.scenario === undefined) delete d.scenario;
  if (d.note === undefined) delete d.note;
  return d;
}

/** The command that records entries (to travel with the change they describe). */
export function logCommand(...entries: Decision[]): EditCommand {
  return { type: 'logDecisions', add: entries };
}

/** The command that sets (or, with empty text, clears) an entry's note. */
export function noteCommand(id: string, text: string): EditCommand {
  return { type: 'logDecisions', note: { id, text: text.trim() } };
}

/** Entries still in effect, in order (undone ones are skipped): what a replay re-applies. */
export function effectiveDecisions(log: readonly Decision[] | undefined): Decision[] {
  return (log ?? []).filter((d) => !d.undone);
}

/** How a value reads in the log: numbers as typed, booleans as TRUE/FALSE, nothing as an empty string. */
export function decisionValueText(v: RawContent | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * How a value reads in the log as the sheet shows it: a number in its cell's number format
 * (`78.0%`, `21,500.00`, by `format`: the grid's formatter, which lives in src/i18n), so the CSV
 * reads like the grid; other values as `decisionValueText`.
 */
export function formattedValueText(nb: Notebook, format: (v: number, code: string) => string): (target: string, v: RawContent | null | undefined) => string {
  return (target, v) => {
    const bang = target.lastIndexOf('!');
    const sheet = bang > 0 ? target.slice(0, bang).replace(/^'(.*)'$/, '$1') : '';
    const code = sheet ? findSheet(nb, sheet)?.formats[target.slice(bang + 1).replace(/\$/g, '')] : undefined;
    return typeof v === 'number' && code ? format(v, code) : decisionValueText(v);
  };
}

export const DECISION_COLUMNS = ['time', 'kind', 'target', 'driver', 'scenario', 'old', 'new', 'note', 'undone'] as const;

/**
 * The log as rows for CSV or a spreadsheet: a header row, then one row per entry with its time
 * in ISO 8601 (UTC). `scenarioName` turns scenario ids into names.
 */
export function decisionRows(
  log: readonly Decision[] | undefined,
  scenarioName: (id: string | null | undefined) => string = (id) => id ?? '',
  valueText: (target: string, v: RawContent | null | undefined) => string = (_target, v) => decisionValueText(v),
): string[][] {
  const rows: string[][] = [[...DECISION_COLUMNS]];
  for (const d of log ?? []) {
    const isSwitch = d.kind === 'scenario';
    rows.push([
      new Date(d.at).toISOString(),
      d.kind,
      d.target,
      d.driver ?? '',
      scenarioName(d.scenario),
      isSwitch ? scenarioName(d.old as string | null) : valueText(d.target, d.old),
      isSwitch ? scenarioName(d.new as string | null) : valueText(d.target, d.new),
      d.note ?? '',
      d.undone ? 'TRUE' : '',
    ]);
  }
  return rows;
}
