/**
 * Scenarios: named sets of overrides on input cells (base / upside / downside and the user's own),
 * switched in one undoable step.
 *
 * The model is "materialised": the cells always hold the values of the active scenario, so the
 * engine, exports, checks and what-if tools need to know nothing about scenarios. The list keeps
 * what is needed to switch:
 *
 * - a scenario's `overrides` hold its contents for the cells it changes (`Sheet!A1` → raw);
 * - the reserved entry `base` holds the base plan's contents of every cell any scenario changes
 *   (`''` stands for an empty cell), so switching back restores them exactly;
 * - `Notebook.activeScenario` names the scenario the cells hold (absent = base).
 *
 * While a scenario is active its cells are the truth for it (edits in the grid or from a driver
 * land there), and the stored overrides may lag; `captureScenarios` reads them back from the cells,
 * and every switch starts with that capture. Cells the active scenario does not change hold base
 * values, so an edit there changes the plan for every scenario that does not override that cell.
 */
import { parseA1 } from './address';
import type { RawContent } from './cell';
import type { CellWrite, EditCommand } from './commands';
import type { Notebook, Scenario } from './notebook';
import { findSheet, newId } from './notebook';
import { pushAll } from './arrays';

export const BASE_SCENARIO_ID = 'base';

/** The raw content `''` stands for an empty cell in stored overrides. */
const EMPTY = '';

type SetScenarios = Extract<EditCommand, { type: 'setScenarios' }>;

function cloneScenarios(list: readonly Scenario[]): Scenario[] {
  // JSON, not structuredClone: the list may be a reactive proxy.
  return JSON.parse(JSON.stringify(list)) as Scenario[];
}

/** Applies a `setScenarios` command (for `applyEdit`); returns its inverse. */
export function applySetScenarios(nb: Notebook, cmd: SetScenarios): SetScenarios {
  const inverse: SetScenarios = { type: 'setScenarios', scenarios: cloneScenarios(nb.scenarios), active: nb.activeScenario ?? null };
  nb.scenarios.length = 0;
  pushAll(nb.scenarios, cloneScenarios(cmd.scenarios));
  if (cmd.active === null || cmd.active === BASE_SCENARIO_ID) delete nb.activeScenario;
  else nb.activeScenario = cmd.active;
  return inverse;
}

/** `Sheet!A1` → its parts; null for anything else. */
export function splitCellKey(key: string): { sheet: string; addr: string } | null {
  const bang = key.lastIndexOf('!');
  if (bang <= 0) return null;
  const addr = key.slice(bang + 1).replace(/\$/g, '').toUpperCase();
  if (!parseA1(addr)) return null;
  return { sheet: key.slice(0, bang), addr };
}

function cellRaw(nb: Notebook, key: string): RawContent | undefined {
  const k = splitCellKey(key);
  return k ? findSheet(nb, k.sheet)?.cells[k.addr] : undefined;
}

/** The id of the scenario the cells hold (`base` when none is). */
export function activeScenarioId(nb: Pick<Notebook, 'activeScenario'>): string {
  return nb.activeScenario ?? BASE_SCENARIO_ID;
}

/** Every cell any scenario (base included) overrides, in first-seen order. */
export function scenarioKeys(list: readonly Scenario[]): string[] {
  const seen = new Set<string>();
  for (const s of list) for (const k of Object.keys(s.overrides)) seen.add(k);
  return [...seen];
}

/** True when the active (non-base) scenario overrides this cell: what the grid marks. */
export function isScenarioOverride(nb: Pick<Notebook, 'activeScenario' | 'scenarios'>, sheet: string, addr: string): boolean {
  const id = nb.activeScenario;
  if (!id || id === BASE_SCENARIO_ID) return false;
  const s = nb.scenarios.find((x) => x.id === id);
  return !!s && `${sheet}!${addr}` in s.overrides;
}

/**
 * The scenario list with every stored override brought up to date from the cells (see the module
 * comment), and a `base` entry present whenever any scenario is. Pure: `nb` is not modified.
 */
export function captureScenarios(nb: Notebook): Scenario[] {
  const list = cloneScenarios(nb.scenarios);
  if (list.length === 0) return list;
  let base = list.find((s) => s.id === BASE_SCENARIO_ID);
  if (!base) {
    base = { id: BASE_SCENARIO_ID, name: 'Base', overrides: {} };
    list.unshift(base);
  }
  const activeId = activeScenarioId(nb);
  const active = activeId === BASE_SCENARIO_ID ? undefined : list.find((s) => s.id === activeId);
  for (const key of scenarioKeys(list)) {
    const owner = active && key in active.overrides ? active : base;
    const cur = cellRaw(nb, key);
    owner.overrides[key] = cur === undefined ? EMPTY : cur;
  }
  return list;
}

/** What scenario `id` puts in `key`, from a captured list: raw content, `null` (empty), or undefined (unknown: leave it). */
function wanted(list: readonly Scenario[], id: string, key: string): RawContent | null | undefined {
  const s = id === BASE_SCENARIO_ID ? undefined : list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  const raw = s && key in s.overrides ? s.overrides[key] : base?.overrides[key];
  if (raw === undefined) return undefined;
  return raw === EMPTY ? null : raw;
}

function groupWrites(writes: { key: string; raw: RawContent | null }[], nb: Notebook): EditCommand[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const k = splitCellKey(w.key);
    if (!k) continue;
    const sheet = findSheet(nb, k.sheet);
    if (!sheet) continue; // the sheet was deleted since: nothing to restore there
    const list = bySheet.get(sheet.name) ?? [];
    list.push({ addr: k.addr, raw: w.raw });
    bySheet.set(sheet.name, list);
  }
  return [...bySheet].map(([sheet, ws]) => ({ type: 'setCells', sheet, writes: ws }));
}

/** The cell writes that turn the current cells into scenario `id`'s (without switching). */
export function scenarioWrites(nb: Notebook, id: string, list: readonly Scenario[] = captureScenarios(nb)): EditCommand[] {
  const writes: { key: string; raw: RawContent | null }[] = [];
  for (const key of scenarioKeys(list)) {
    const want = wanted(list, id, key);
    if (want === undefined) continue;
    if ((cellRaw(nb, key) ?? null) !== want) writes.push({ key, raw: want });
  }
  return groupWrites(writes, nb);
}

/** Every input scenario `id` sets, with its value (`null` = empty): for comparing and exporting. */
export function scenarioInputs(nb: Notebook, id: string): Record<string, RawContent | null> {
  const list = captureScenarios(nb);
  const out: Record<string, RawContent | null> = {};
  for (const key of scenarioKeys(list)) {
    const want = wanted(list, id, key);
    out[key] = want === undefined ? (cellRaw(nb, key) ?? null) : want;
  }
  return out;
}

/** Switching to scenario `to` (`null` or `base` = the base plan) as one undoable group of commands. */
export function switchScenarioCommands(nb: Notebook, to: string | null): EditCommand[] {
  const target = to ?? BASE_SCENARIO_ID;
  if (target === activeScenarioId(nb)) return [];
  const list = captureScenarios(nb);
  if (target !== BASE_SCENARIO_ID && !list.some((s) => s.id === target)) return [];
  return [...scenarioWrites(nb, target, list), { type: 'setScenarios', scenarios: list, active: target === BASE_SCENARIO_ID ? null : target }];
}

/**
 * Writing one input from a driver or the presenter: the cell changes, and when a scenario is
 * active the cell becomes (or stays) one of its overrides — the base value is kept first, so
 * switching to base restores it.
 */
export function setInputCommands(nb: Notebook, key: string, raw: RawContent | null): EditCommand[] {
  const k = splitCellKey(key);
  const sheet = k && findSheet(nb, k.sheet);
  if (!k || !sheet) return [];
  const cmds: EditCommand[] = [{ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw }] }];
  const activeId = activeScenarioId(nb);
  if (activeId === BASE_SCENARIO_ID) return cmds;
  const current = nb.scenarios.find((s) => s.id === activeId);
  if (!current) return cmds;
  const full = `${sheet.name}!${k.addr}`;
  const list = cloneScenarios(nb.scenarios);
  const active = list.find((s) => s.id === activeId)!;
  if (!(full in current.overrides)) {
    // The cell holds the base value until now: keep it for the way back.
    let base = list.find((s) => s.id === BASE_SCENARIO_ID);
    if (!base) list.unshift((base = { id: BASE_SCENARIO_ID, name: 'Base', overrides: {} }));
    const cur = sheet.cells[k.addr];
    base.overrides[full] = cur === undefined ? EMPTY : cur;
  }
  active.overrides[full] = raw === null ? EMPTY : raw;
  cmds.push({ type: 'setScenarios', scenarios: list, active: activeId });
  return cmds;
}

/**
 * A new scenario named `name` with `overrides` (not activated). The base entry learns the base
 * values of cells no scenario touched before.
 */
export function createScenarioCommands(nb: Notebook, name: string, overrides: Record<string, RawContent>, id = newId('sc')): EditCommand[] {
  const list = captureScenarios(nb);
  let base = list.find((s) => s.id === BASE_SCENARIO_ID);
  if (!base) list.unshift((base = { id: BASE_SCENARIO_ID, name: 'Base', overrides: {} }));
  const clean: Record<string, RawContent> = {};
  for (const [key, raw] of Object.entries(overrides)) {
    const k = splitCellKey(key);
    const sheet = k && findSheet(nb, k.sheet);
    if (!k || !sheet) continue;
    const full = `${sheet.name}!${k.addr}`;
    clean[full] = raw;
    // Not yet a scenario cell: its content now is the base value (no scenario overrides it).
    if (!(full in base.overrides)) base.overrides[full] = sheet.cells[k.addr] ?? EMPTY;
  }
  list.push({ id, name, overrides: clean });
  return [{ type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null }];
}

/** Sets (or, with `null`, removes) one override of scenario `id`; an active scenario's cell follows. */
export function setOverrideCommands(nb: Notebook, id: string, key: string, raw: RawContent | null): EditCommand[] {
  const k = splitCellKey(key);
  const sheet = k && findSheet(nb, k.sheet);
  if (!k || !sheet || id === BASE_SCENARIO_ID) return [];
  const full = `${sheet.name}!${k.addr}`;
  const list = captureScenarios(nb);
  const s = list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  if (!s || !base) return [];
  const isActive = activeScenarioId(nb) === id;
  const cmds: EditCommand[] = [];
  if (raw === null) {
    if (!(full in s.overrides)) return [];
    delete s.overrides[full];
    if (isActive) {
      const back = base.overrides[full];
      if (back !== undefined) cmds.push({ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw: back === EMPTY ? null : back }] });
    }
    // No scenario changes the cell any more: the base entry can forget it.
    if (!list.some((x) => x.id !== BASE_SCENARIO_ID && full in x.overrides)) delete base.overrides[full];
  } else {
    if (!(full in base.overrides)) base.overrides[full] = sheet.cells[k.addr] ?? EMPTY;
    s.overrides[full] = raw;
    if (isActive) cmds.push({ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw }] });
  }
  cmds.push({ type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null });
  return cmds;
}

export function renameScenarioCommands(nb: Notebook, id: string, name: string): EditCommand[] {
  const list = cloneScenarios(nb.scenarios);
  const s = list.find((x) => x.id === id);
  if (!s || !name.trim()) return [];
  s.name = name.trim();
  return [{ type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null }];
}

/** Deletes scenario `id` (switching to base first when it is active); the base entry goes with the last scenario. */
export function deleteScenarioCommands(nb: Notebook, id: string): EditCommand[] {
  if (id === BASE_SCENARIO_ID || !nb.scenarios.some((s) => s.id === id)) return [];
  const wasActive = activeScenarioId(nb) === id;
  // The switch captures the list; after it the cells hold base values, so that list stays current.
  const sw = wasActive ? switchScenarioCommands(nb, null) : [];
  const captured = sw.find((c): c is SetScenarios => c.type === 'setScenarios');
  let list = (captured?.scenarios ?? captureScenarios(nb)).filter((s) => s.id !== id);
  if (list.every((s) => s.id === BASE_SCENARIO_ID)) list = [];
  const writes = sw.filter((c) => c.type !== 'setScenarios');
  return [...writes, { type: 'setScenarios', scenarios: list, active: wasActive ? null : (nb.activeScenario ?? null) }];
}

/** One key output across scenarios: its value in each and the difference from the first (the reference). */
export interface CompareRow {
  key: string;
  values: (number | null)[];
  deltas: (number | null)[];
  /** Relative difference from the reference (null when it is 0 or missing). */
  ratios: (number | null)[];
}

/** Key outputs per scenario with deltas against the first scenario given (normally base). */
export function compareScenarios(
  scenarioIds: readonly string[],
  outputKeys: readonly string[],
  valueOf: (scenarioId: string, key: string) => unknown,
): CompareRow[] {
  return outputKeys.map((key) => {
    const values = scenarioIds.map((id) => {
      const v = valueOf(id, key);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    const ref = values[0];
    return {
      key,
      values,
      deltas: values.map((v) => (v === null || ref === null ? null : v - ref)),
      ratios: values.map((v) => (v === null || ref === null || ref === 0 ? null : (v - ref) / Math.abs(ref))),
    };
  });
}
