/**
 * Regrowing a client plan at a new shape, as one group of `EditCommand`s (one undo step in the
 * session): every plan sheet is rebuilt by the generators for the new lists, with the inputs the
 * user typed carried over by input key — by the names of their line, region, level or rep, not
 * by address. What goes with the removed items is listed first so the panel can ask.
 *
 * The user's own sheets, names and notebook-view items are kept; plan names and items are
 * replaced by the new shape's; scenario overrides of plan inputs follow their input to its new
 * cell (and are dropped with it).
 */
import type { RawContent } from '../../src/model/cell';
import type { EditCommand, Result } from '../../src/model/commands';
import type { LayoutItem, NamedExpression, Notebook, Scenario } from '../../src/model/notebook';
import { splitCellKey } from '../../src/model/scenarios';
import { CLIENT_PLAN_TEMPLATE, generatePlanPart, inTabOrder, PLAN_GENERATORS, PLAN_LAYOUT_KEY, planShape } from './plan';
import type { PlanMeta } from './plan';
import { inputCells, inputKeysAsked, typedInputs } from './planInputs';
import type { ClientShape } from './shape';
import type { StructureList } from './setupParse';
import type { SheetGenerator } from './types';

/** A list item renamed in place: inputs keyed by `from` are carried to `to`. */
export interface Rename {
  list: StructureList;
  from: string;
  to: string;
}

/** A list item the new shape no longer has, with how many typed inputs go with it. */
export interface RemovedItem {
  list: StructureList;
  name: string;
  inputs: number;
}

export interface Regrow {
  commands: EditCommand[];
  removed: RemovedItem[];
  /** Typed inputs carried over, and those dropped (their item is gone), by input key. */
  kept: string[];
  dropped: string[];
}

export type RegrowErrorCode = 'notPlan' | 'scenarioActive';

const listNames = (shape: ClientShape, list: StructureList): string[] =>
  list === 'products' ? shape.products.map((p) => p.name) : list === 'regions' ? shape.regions : list === 'levels' ? shape.levels.map((l) => l.name) : shape.reps.map((r) => r.name);

/** An input key with renamed items: `G_Monthly|华东 East|P1|actual1` segments replaced whole. */
export function renameKey(key: string, renames: readonly Rename[]): string {
  if (renames.length === 0) return key;
  return key
    .split('|')
    .map((seg) => renames.find((r) => r.from === seg)?.to ?? seg)
    .join('|');
}

/**
 * Renames among two versions of a list: the same number of items, and where they differ, the old
 * name is gone from the new list and the new name was not in the old one (a reorder is not a rename).
 */
export function detectRenames(list: StructureList, before: readonly string[], after: readonly string[]): Rename[] {
  if (before.length !== after.length) return [];
  const out: Rename[] = [];
  before.forEach((from, i) => {
    const to = after[i];
    if (from !== to && !after.includes(from) && !before.includes(to)) out.push({ list, from, to });
  });
  return out;
}

/** The commands that regrow `nb`'s plan at `shape`, or why it cannot (not a client plan; a scenario shown). */
export function regrowCommands(
  nb: Notebook,
  shape: ClientShape,
  options: { renames?: readonly Rename[]; generators?: readonly SheetGenerator[] } = {},
): Result<Regrow> {
  const generators = options.generators ?? PLAN_GENERATORS;
  const renames = options.renames ?? [];
  const old = planShape(nb);
  if (!old) return { ok: false, error: { code: 'notPlan', message: 'this notebook is not a client plan' } };
  // The cells hold the active scenario's values; the base plan's inputs are what regrow keeps.
  if (nb.activeScenario) return { ok: false, error: { code: 'scenarioActive', message: 'switch to the base plan first' } };

  const typed = typedInputs(nb, old, generators);
  // A level's OTE and base typed into E_Bonus win over the shape, unless the shape's own values
  // for that level changed now: then the Structure panel's are the newer word.
  for (const level of shape.levels) {
    const before = old.levels.find((l) => l.name === level.name);
    if (before && (before.ote !== level.ote || before.base !== level.base)) {
      delete typed[`E_Bonus|${level.name}|ote`];
      delete typed[`E_Bonus|${level.name}|basePct`];
    }
  }
  const asked = inputKeysAsked(shape, generators);
  const inputs: Record<string, RawContent> = {};
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const [key, raw] of Object.entries(typed)) {
    const next = renameKey(key, renames);
    if (asked.has(next)) {
      inputs[next] = raw;
      kept.push(next);
    } else dropped.push(key);
  }

  const part = generatePlanPart(shape, inputs, generators);
  const oldPart = generatePlanPart(old, {}, generators);
  const commands: EditCommand[] = [];

  // Sheets: a plan sheet is replaced in place (same id and tab); a new one goes after the plan's last.
  let after = -1;
  for (const s of part.sheets) {
    const i = nb.sheets.findIndex((x) => x.name.toLowerCase() === s.name.toLowerCase());
    const sheet = { ...s, template: CLIENT_PLAN_TEMPLATE };
    if (i >= 0) {
      commands.push({ type: 'replaceSheet', sheet: { ...sheet, id: nb.sheets[i].id, name: nb.sheets[i].name } });
      after = Math.max(after, i);
    } else {
      after += 1;
      commands.push({ type: 'addSheet', sheet, index: Math.max(0, after) });
    }
  }

  // Names: the plan's are the new shape's; the user's own stay.
  const planNames = new Set([...oldPart.names, ...part.names].map((n) => n.name.toUpperCase()));
  const names: NamedExpression[] = [...part.names.map((n) => ({ ...n })), ...nb.names.filter((n) => !planNames.has(n.name.toUpperCase())).map((n) => ({ ...n }))];
  commands.push({ type: 'setNames', names });

  // View items: the plan's are regenerated (keeping whether the user hid one); the user's own stay.
  const oldIds = new Set(oldPart.layout.map((i) => i.id));
  const hidden = new Map(nb.layout.items.map((i) => [i.id, i.hidden]));
  const items: LayoutItem[] = [
    ...nb.layout.items.filter((i) => !oldIds.has(i.id) && !part.layout.some((p) => p.id === i.id)).map((i) => structuredClone(i)),
    ...inTabOrder(part.layout, (i) => i.sheet).map((i) => {
      const copy = structuredClone(i);
      if (hidden.get(i.id)) copy.hidden = true;
      return copy;
    }),
  ];
  commands.push({ type: 'setLayout', items });

  const scenarios = moveOverrides(nb.scenarios, inputCells(old, generators), inputCells(shape, generators), renames);
  if (scenarios) commands.push({ type: 'setScenarios', scenarios, active: null });

  const meta: PlanMeta = { version: 1, shape: structuredClone(shape) };
  commands.push({ type: 'setLayoutKey', key: PLAN_LAYOUT_KEY, value: meta });

  const removed: RemovedItem[] = [];
  for (const list of ['products', 'regions', 'levels', 'reps'] as const) {
    const now = new Set(listNames(shape, list));
    for (const name of listNames(old, list)) {
      if (now.has(name) || renames.some((r) => r.list === list && r.from === name)) continue;
      removed.push({ list, name, inputs: dropped.filter((k) => k.split('|').includes(name)).length });
    }
  }
  return { ok: true, value: { commands, removed, kept, dropped } };
}

/** Scenario overrides of plan inputs moved to the inputs' new cells (null when nothing moves). */
function moveOverrides(
  scenarios: readonly Scenario[],
  before: Map<string, { sheet: string; addr: string }>,
  after: Map<string, { sheet: string; addr: string }>,
  renames: readonly Rename[],
): Scenario[] | null {
  if (scenarios.length === 0) return null;
  const keyAt = new Map<string, string>();
  for (const [key, at] of before) keyAt.set(`${at.sheet}!${at.addr}`.toLowerCase(), key);
  const planSheets = new Set([...before.values(), ...after.values()].map((a) => a.sheet.toLowerCase()));
  let changed = false;
  const move = (cells: Record<string, unknown> | undefined) => {
    if (!cells) return cells;
    const out: Record<string, unknown> = {};
    for (const [cell, v] of Object.entries(cells)) {
      const at = splitCellKey(cell);
      if (!at || !planSheets.has(at.sheet.toLowerCase())) {
        out[cell] = v;
        continue;
      }
      const key = keyAt.get(cell.toLowerCase());
      const to = key === undefined ? undefined : after.get(renameKey(key, renames));
      const next = to ? `${to.sheet}!${to.addr}` : null;
      if (next !== cell) changed = true;
      if (next) out[next] = v;
    }
    return out;
  };
  const moved = scenarios.map((s) => {
    const copy: Scenario = { ...s, overrides: move(s.overrides) as Scenario['overrides'] };
    if (s.relative) copy.relative = move(s.relative) as Scenario['relative'];
    if (s.basedOn) copy.basedOn = move(s.basedOn) as Scenario['basedOn'];
    return copy;
  });
  return changed ? moved : null;
}
