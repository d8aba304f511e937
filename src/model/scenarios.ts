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
 *
 * An override is absolute (a value) or relative to the base (`relative[key]`: +Δ and/or ×k). A
 * relative one follows the base: whatever the base holds when the scenario is shown, the scenario
 * shows `(base + add) × mul`, and its stored value is kept up to date by every capture. An absolute
 * one remembers the base it was set against (`basedOn[key]`), so a later change of the base input
 * it overrides can be told (`staleOverrides`) and the scenario refreshed (`refreshScenarioCommands`,
 * which keeps its gap to the base). Edits made while a scenario is shown keep a relative override
 * relative (its Δ or k is recomputed) and re-date an absolute one.
 */
import { plainCopy } from './plainCopy';
import { parseA1 } from './address';
import type { RawContent } from './cell';
import type { CellWrite, EditCommand } from './commands';
import type { Notebook, RelativeOverride, Scenario } from './notebook';
import { findSheet, newId } from './notebook';
import { pushAll } from './arrays';

export const BASE_SCENARIO_ID = 'base';

/** The raw content `''` stands for an empty cell in stored overrides. */
const EMPTY = '';

type SetScenarios = Extract<EditCommand, { type: 'setScenarios' }>;

function cloneScenarios(list: readonly Scenario[]): Scenario[] {
  return plainCopy(list as Scenario[]);
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

/** A relative override applied to a base content; undefined when the base is not a number. */
export function applyRelative(base: RawContent | undefined, r: RelativeOverride): number | undefined {
  if (typeof base !== 'number') return undefined;
  return round15((base + (r.add ?? 0)) * (r.mul ?? 1));
}

/** Strips binary noise (0.15 + 0.02 = 0.16999999999999998) without losing a meaningful digit. */
function round15(x: number): number {
  return Number(x.toPrecision(15));
}

/** The rule of the same kind as `r` that gives `value` at `base`; null when it cannot (not numbers, ×k of 0). */
function ruleFor(value: RawContent, base: RawContent | undefined, r: RelativeOverride): RelativeOverride | null {
  if (typeof value !== 'number' || typeof base !== 'number') return null;
  if (r.mul !== undefined && r.add === undefined) return base === 0 ? null : { mul: round15(value / base) };
  const mul = r.mul ?? 1;
  if (mul === 0) return null;
  return r.mul === undefined ? { add: round15(value - base) } : { add: round15(value / mul - base), mul };
}

/**
 * A scenario's override of `key` becomes `value` (an edit made while it is shown): a relative one
 * stays relative with its Δ or k recomputed, an absolute one is dated against the base it now has.
 */
function absorb(s: Scenario, key: string, value: RawContent, baseRaw: RawContent | undefined): void {
  if (key in s.overrides && s.overrides[key] === value) return;
  s.overrides[key] = value;
  const r = s.relative?.[key];
  if (r) {
    const next = ruleFor(value, baseRaw, r);
    if (next) {
      s.relative![key] = next;
      return;
    }
    delete s.relative![key];
  }
  if (baseRaw !== undefined) s.basedOn = { ...s.basedOn, [key]: baseRaw };
}

/** Forgets everything a scenario knows of `key`. */
function forget(s: Scenario, key: string): void {
  delete s.overrides[key];
  if (s.relative) delete s.relative[key];
  if (s.basedOn) delete s.basedOn[key];
}

/** The same scenario with every key (overrides, relative, basedOn) passed through `move`; null drops it. */
export function rekeyScenario(s: Scenario, move: (key: string) => string | null): void {
  const re = <T>(map: Record<string, T>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(map)) {
      const next = move(k);
      if (next !== null) out[next] = v;
    }
    return out;
  };
  s.overrides = re(s.overrides);
  if (s.relative) s.relative = re(s.relative);
  if (s.basedOn) s.basedOn = re(s.basedOn);
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
    const cur = cellRaw(nb, key);
    const value = cur === undefined ? EMPTY : cur;
    if (active && key in active.overrides) absorb(active, key, value, base.overrides[key]);
    else base.overrides[key] = value;
  }
  // Relative overrides of the scenarios not shown follow the base just read.
  for (const s of list) {
    if (s === base || s === active || !s.relative) continue;
    for (const [key, r] of Object.entries(s.relative)) {
      const v = applyRelative(base.overrides[key], r);
      if (v !== undefined) s.overrides[key] = v;
    }
  }
  return list;
}

/** An absolute override set against a base value that has changed since. */
export interface StaleOverride {
  key: string;
  /** The base content when the override was set. */
  was: RawContent;
  /** The base content now. */
  now: RawContent;
  value: RawContent;
}

/** The absolute overrides of scenario `id` that predate a change of the base input they override. */
export function staleOverrides(nb: Notebook, id: string, list: readonly Scenario[] = captureScenarios(nb)): StaleOverride[] {
  const s = list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  if (!s || !base || s === base) return [];
  const out: StaleOverride[] = [];
  for (const [key, value] of Object.entries(s.overrides)) {
    if (s.relative?.[key]) continue;
    const was = s.basedOn?.[key];
    const now = base.overrides[key];
    if (was === undefined || now === undefined || was === now) continue;
    out.push({ key, was, now, value });
  }
  return out;
}

/**
 * Brings scenario `id`'s stale absolute overrides up to the current base, keeping each one's gap
 * to the base (a downside set 100 below a base of 1,000 is 100 below the new base); a text value
 * is kept and only re-dated. The shown scenario's cells follow.
 */
export function refreshScenarioCommands(nb: Notebook, id: string): EditCommand[] {
  const list = captureScenarios(nb);
  const stale = staleOverrides(nb, id, list);
  const s = list.find((x) => x.id === id);
  if (!s || stale.length === 0) return [];
  const writes: { key: string; raw: RawContent | null }[] = [];
  for (const st of stale) {
    const next = typeof st.value === 'number' && typeof st.was === 'number' && typeof st.now === 'number' ? round15(st.value + (st.now - st.was)) : st.value;
    s.overrides[st.key] = next;
    s.basedOn = { ...s.basedOn, [st.key]: st.now };
    writes.push({ key: st.key, raw: next === EMPTY ? null : next });
  }
  const cmds = activeScenarioId(nb) === id ? groupWrites(writes, nb) : [];
  return [...cmds, { type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null }];
}

/** What scenario `id` puts in `key`, from a captured list: raw content, `null` (empty), or undefined (unknown: leave it). */
function wanted(list: readonly Scenario[], id: string, key: string): RawContent | null | undefined {
  const s = id === BASE_SCENARIO_ID ? undefined : list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  const rule = s?.relative?.[key];
  const followed = rule ? applyRelative(base?.overrides[key], rule) : undefined;
  const raw = followed ?? (s && key in s.overrides ? s.overrides[key] : base?.overrides[key]);
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
  let base = list.find((s) => s.id === BASE_SCENARIO_ID);
  if (!base) list.unshift((base = { id: BASE_SCENARIO_ID, name: 'Base', overrides: {} }));
  if (!(full in current.overrides)) {
    // The cell holds the base value until now: keep it for the way back.
    const cur = sheet.cells[k.addr];
    base.overrides[full] = cur === undefined ? EMPTY : cur;
  }
  absorb(active, full, raw === null ? EMPTY : raw, base.overrides[full]);
  cmds.push({ type: 'setScenarios', scenarios: list, active: activeId });
  return cmds;
}

/**
 * A new scenario named `name` with `overrides` (not activated). The base entry learns the base
 * values of cells no scenario touched before. Keys in `relative` follow the base (their value in
 * `overrides` is then not needed); the others are absolute, dated against the base they now have.
 */
export function createScenarioCommands(
  nb: Notebook, name: string, overrides: Record<string, RawContent>, id = newId('sc'), relative: Record<string, RelativeOverride> = {},
): EditCommand[] {
  const list = captureScenarios(nb);
  let base = list.find((s) => s.id === BASE_SCENARIO_ID);
  if (!base) list.unshift((base = { id: BASE_SCENARIO_ID, name: 'Base', overrides: {} }));
  const clean: Record<string, RawContent> = {};
  const rel: Record<string, RelativeOverride> = {};
  const basedOn: Record<string, RawContent> = {};
  const keys = [...new Set([...Object.keys(overrides), ...Object.keys(relative)])];
  for (const key of keys) {
    const k = splitCellKey(key);
    const sheet = k && findSheet(nb, k.sheet);
    if (!k || !sheet) continue;
    const full = `${sheet.name}!${k.addr}`;
    // Not yet a scenario cell: its content now is the base value (no scenario overrides it).
    if (!(full in base.overrides)) base.overrides[full] = sheet.cells[k.addr] ?? EMPTY;
    const rule = relative[key];
    const followed = rule ? applyRelative(base.overrides[full], rule) : undefined;
    if (rule && followed !== undefined) {
      rel[full] = { ...rule };
      clean[full] = followed;
    } else if (key in overrides) {
      clean[full] = overrides[key];
      basedOn[full] = base.overrides[full];
    }
  }
  const scenario: Scenario = { id, name, overrides: clean };
  if (Object.keys(rel).length) scenario.relative = rel;
  if (Object.keys(basedOn).length) scenario.basedOn = basedOn;
  list.push(scenario);
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
    forget(s, full);
    if (isActive) {
      const back = base.overrides[full];
      if (back !== undefined) cmds.push({ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw: back === EMPTY ? null : back }] });
    }
    // No scenario changes the cell any more: the base entry can forget it.
    if (!list.some((x) => x.id !== BASE_SCENARIO_ID && full in x.overrides)) delete base.overrides[full];
  } else {
    if (!(full in base.overrides)) base.overrides[full] = sheet.cells[k.addr] ?? EMPTY;
    s.overrides[full] = raw;
    if (s.relative) delete s.relative[full];
    s.basedOn = { ...s.basedOn, [full]: base.overrides[full] };
    if (isActive) cmds.push({ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw }] });
  }
  cmds.push({ type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null });
  return cmds;
}

/** How an override is held: a value, or relative to the base. */
export type OverrideMode = 'value' | 'add' | 'mul';

export function overrideMode(s: Pick<Scenario, 'relative'>, key: string): OverrideMode {
  const r = s.relative?.[key];
  if (!r) return 'value';
  return r.mul !== undefined && r.add === undefined ? 'mul' : 'add';
}

/**
 * Makes scenario `id`'s override of `key` follow the base by `rule` (+Δ or ×k), or with `null`
 * absolute at the value it has now. The shown scenario's cell follows.
 */
export function setRelativeCommands(nb: Notebook, id: string, key: string, rule: RelativeOverride | null): EditCommand[] {
  const k = splitCellKey(key);
  const sheet = k && findSheet(nb, k.sheet);
  if (!k || !sheet || id === BASE_SCENARIO_ID) return [];
  const full = `${sheet.name}!${k.addr}`;
  const list = captureScenarios(nb);
  const s = list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  if (!s || !base || !(full in s.overrides)) return [];
  const cmds: EditCommand[] = [];
  if (rule === null) {
    if (!s.relative?.[full]) return [];
    delete s.relative[full];
    s.basedOn = { ...s.basedOn, [full]: base.overrides[full] };
  } else {
    const v = applyRelative(base.overrides[full], rule);
    if (v === undefined || !Number.isFinite(v)) return [];
    s.relative = { ...s.relative, [full]: { ...rule } };
    if (s.basedOn) delete s.basedOn[full];
    s.overrides[full] = v;
    if (activeScenarioId(nb) === id) cmds.push({ type: 'setCells', sheet: sheet.name, writes: [{ addr: k.addr, raw: v }] });
  }
  cmds.push({ type: 'setScenarios', scenarios: list, active: nb.activeScenario ?? null });
  return cmds;
}

/** The rule of `mode` that gives the override's current value at the current base (for switching a row's mode). */
export function ruleForMode(nb: Notebook, id: string, key: string, mode: Exclude<OverrideMode, 'value'>): RelativeOverride | null {
  const list = captureScenarios(nb);
  const s = list.find((x) => x.id === id);
  const base = list.find((x) => x.id === BASE_SCENARIO_ID);
  if (!s || !base || !(key in s.overrides)) return null;
  return ruleFor(s.overrides[key], base.overrides[key], mode === 'mul' ? { mul: 1 } : { add: 0 });
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
