/**
 * The workshop's records as plain sheets for the `.xlsx` export, so the client sees them in
 * Excel: the scenarios' inputs side by side (one row per input cell, one column per scenario),
 * and the decision log (one row per change).
 */
import type { RawContent } from '../model/cell';
import type { Notebook } from '../model/notebook';
import { BASE_SCENARIO_ID, captureScenarios, scenarioInputs } from '../model/scenarios';
import type { PlainSheet } from './xlsxExport';

const plain = (v: RawContent | null | undefined): string | number | boolean | null => (v === undefined ? null : v);

export function scenariosSheet(nb: Notebook): PlainSheet | null {
  const list = captureScenarios(nb);
  if (list.length === 0) return null;
  const ids = [BASE_SCENARIO_ID, ...list.filter((s) => s.id !== BASE_SCENARIO_ID).map((s) => s.id)];
  const names = ids.map((id) => (id === BASE_SCENARIO_ID ? 'Base' : (list.find((s) => s.id === id)?.name ?? id)));
  const inputs = ids.map((id) => scenarioInputs(nb, id));
  const keys = Object.keys(inputs[0] ?? {}).sort();
  const rows: PlainSheet['rows'] = [['Cell', ...names]];
  for (const key of keys) rows.push([key, ...inputs.map((i) => plain(i[key]))]);
  return { name: 'Scenarios', rows };
}

export function decisionsSheet(nb: Notebook): PlainSheet | null {
  const log = nb.decisions ?? [];
  if (log.length === 0) return null;
  const rows: PlainSheet['rows'] = [['Time', 'Kind', 'Cell', 'Driver', 'Old', 'New', 'Scenario', 'Note', 'Undone']];
  for (const d of log) {
    rows.push([new Date(d.at).toISOString(), d.kind, d.target, d.driver ?? null, plain(d.old), plain(d.new), d.scenario ?? null, d.note ?? null, d.undone ? true : null]);
  }
  return { name: 'Decisions', rows };
}

/** The extra sheets an export of `nb` carries, skipping names the notebook already uses. */
export function workshopSheets(nb: Notebook): PlainSheet[] {
  const taken = new Set(nb.sheets.map((s) => s.name.toLowerCase()));
  return [scenariosSheet(nb), decisionsSheet(nb)].filter((s): s is PlainSheet => !!s && !taken.has(s.name.toLowerCase()));
}
