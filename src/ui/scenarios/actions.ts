/**
 * Scenario actions as named verbs over a session: switch, add the presets, make a new one, rename,
 * delete, add or remove an input. Each is one undoable edit; `log: true` (the presenter) also
 * records a switch in the decision log, in the same undo step.
 */
import { plainCopy } from '../../model/plainCopy';
import type { NotebookSession } from '../../engine/session';
import type { RawContent } from '../../model/cell';
import type { EditCommand } from '../../model/commands';
import { logCommand, newDecision } from '../../model/decisionLog';
import { presetRules, scenarioPresetsOf } from '../../model/drivers';
import '../vocabulary';
import { applyEdits } from '../../model/edit';
import type { Notebook, RelativeOverride } from '../../model/notebook';
import { findSheet, newId } from '../../model/notebook';
import {
  activeScenarioId, BASE_SCENARIO_ID, captureScenarios, createScenarioCommands, deleteScenarioCommands, renameScenarioCommands,
  refreshScenarioCommands, setOverrideCommands, setRelativeCommands, splitCellKey, switchScenarioCommands,
} from '../../model/scenarios';
import { locale, t } from '../../i18n';
import './messages';
import { pushAll } from '../../model/arrays';

/** The scenarios a user picks from: base first, then the notebook's own (the stored `base` entry is not one). */
export function scenarioChoices(doc: Pick<Notebook, 'scenarios'>): { id: string; name: string }[] {
  return [{ id: BASE_SCENARIO_ID, name: t('sc.base') }, ...doc.scenarios.filter((s) => s.id !== BASE_SCENARIO_ID).map((s) => ({ id: s.id, name: s.name }))];
}

export function scenarioName(doc: Pick<Notebook, 'scenarios'>, id: string | null | undefined): string {
  if (!id || id === BASE_SCENARIO_ID) return t('sc.base');
  return doc.scenarios.find((s) => s.id === id)?.name ?? id;
}

export function switchScenario(session: NotebookSession, to: string, options: { log?: boolean } = {}): boolean {
  const nb = session.plain();
  const cmds = switchScenarioCommands(nb, to);
  if (cmds.length === 0) return false;
  if (options.log) {
    const from = nb.activeScenario ?? null;
    cmds.push(logCommand(newDecision({ kind: 'scenario', target: '', old: from, new: to === BASE_SCENARIO_ID ? null : to, scenario: from ?? undefined })));
  }
  return session.edit(cmds, 'scenario');
}

/** Adds upside and downside (from the presets, relative to the base values); skips ones that exist. */
export function addPresetScenarios(session: NotebookSession): boolean {
  const nb = session.plain();
  const base = captureScenarios(nb).find((s) => s.id === BASE_SCENARIO_ID);
  const baseRaw = (key: string): RawContent | null | undefined => {
    if (base && key in base.overrides) return base.overrides[key];
    const k = splitCellKey(key);
    return k ? findSheet(nb, k.sheet)?.cells[k.addr] : undefined;
  };
  const all: EditCommand[] = [];
  const work = plainCopy(nb);
  for (const preset of scenarioPresetsOf(nb)) {
    if (work.scenarios.some((s) => s.id === preset.id)) continue;
    // Relative to the base: the presets follow it when it moves (a goal seek, an edit).
    const rules = presetRules(nb, preset, baseRaw);
    if (Object.keys(rules).length === 0) continue;
    const cmds = createScenarioCommands(work, preset.name[locale() === 'en' ? 'en' : 'zh'], {}, preset.id, rules);
    applyEdits(work, cmds);
    pushAll(all, cmds);
  }
  return all.length > 0 && session.edit(all, 'scenario');
}

/** A new scenario starting as a copy of the one shown, and shown at once. */
export function newScenario(session: NotebookSession, name: string): string | null {
  const nb = session.plain();
  const shown = captureScenarios(nb).find((s) => s.id === activeScenarioId(nb) && s.id !== BASE_SCENARIO_ID);
  const id = newId('sc');
  const work = plainCopy(nb);
  const create = createScenarioCommands(work, name, { ...(shown?.overrides ?? {}) }, id, { ...(shown?.relative ?? {}) });
  applyEdits(work, create);
  const show = switchScenarioCommands(work, id);
  return session.edit([...create, ...show], 'scenario') ? id : null;
}

export const renameScenario = (session: NotebookSession, id: string, name: string) => session.edit(renameScenarioCommands(session.plain(), id, name), 'scenario');
export const deleteScenario = (session: NotebookSession, id: string) => session.edit(deleteScenarioCommands(session.plain(), id), 'scenario');
export const setRelative = (session: NotebookSession, id: string, key: string, rule: RelativeOverride | null) =>
  session.edit(setRelativeCommands(session.plain(), id, key, rule), 'scenario');
export const refreshScenario = (session: NotebookSession, id: string) => session.edit(refreshScenarioCommands(session.plain(), id), 'scenario');
export const setOverride = (session: NotebookSession, id: string, key: string, raw: RawContent | null) =>
  session.edit(setOverrideCommands(session.plain(), id, key, raw), 'scenario');
