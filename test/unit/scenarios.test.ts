/**
 * Scenarios on the annual plan with the real engine: switching to upside/downside and back to
 * base returns every value exactly, drivers moved inside a scenario stay in it, grid edits made
 * while a scenario is active are kept for it, undo of a switch restores the previous one, and the
 * scenario state survives the .opsbook.json file.
 */
import { describe, expect, it } from 'vitest';
import type { EditCommand, SheetValues } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import { readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import type { Notebook } from '../../src/model/notebook';
import { findSheet } from '../../src/model/notebook';
import {
  BASE_SCENARIO_ID, captureScenarios, compareScenarios, createScenarioCommands, deleteScenarioCommands, isScenarioOverride,
  renameScenarioCommands, scenarioInputs, setInputCommands, setOverrideCommands, switchScenarioCommands,
} from '../../src/model/scenarios';
import { presetOverrides } from '../../src/model/drivers';
import { SCENARIO_PRESETS } from '../../templates/specVocabulary';
import { templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';

/** A notebook and its engine driven by the same commands, as the session drives them. */
function annualPlan() {
  const nb = templateById('annual-plan')!.create({ locale: 'en' });
  const engine = new EngineNotebook(nb);
  const run = (cmds: EditCommand[]): EditCommand[] => {
    const inverse = applyEdits(nb, cmds);
    const r = engine.apply(cmds);
    if (!r.ok) throw new Error(r.error.message);
    return inverse;
  };
  const value = (key: string) => {
    const [sheet, addr] = key.split('!');
    return engine.value(sheet, addr);
  };
  const raw = (key: string) => {
    const [sheet, addr] = key.split('!');
    return findSheet(nb, sheet)!.cells[addr];
  };
  return { nb, engine, run, value, raw };
}

function withPresets(p: ReturnType<typeof annualPlan>) {
  for (const preset of SCENARIO_PRESETS) {
    p.run(createScenarioCommands(p.nb, preset.name.en, presetOverrides(p.nb, preset, p.raw), preset.id));
  }
}

const cellsOf = (nb: Notebook) => JSON.parse(JSON.stringify(nb.sheets.map((s) => s.cells)));

describe('switching scenarios', () => {
  it('upside raises the target, downside lowers it, and base returns every value exactly', () => {
    const p = annualPlan();
    const before: SheetValues = p.engine.allValues();
    const cellsBefore = cellsOf(p.nb);
    withPresets(p);
    expect(p.nb.scenarios.map((s) => s.id)).toEqual([BASE_SCENARIO_ID, 'upside', 'downside']);
    const base = p.value('B_Target!G45') as number;

    p.run(switchScenarioCommands(p.nb, 'upside'));
    expect(p.nb.activeScenario).toBe('upside');
    expect(p.raw('B_Target!C43')).toBeCloseTo(0.17, 12);
    expect(p.value('B_Target!G45') as number).toBeGreaterThan(base);
    expect(isScenarioOverride(p.nb, 'B_Target', 'C43')).toBe(true);
    expect(isScenarioOverride(p.nb, 'B_Target', 'C44')).toBe(false);

    p.run(switchScenarioCommands(p.nb, 'downside'));
    expect(p.nb.activeScenario).toBe('downside');
    expect(p.value('B_Target!G45') as number).toBeLessThan(base);

    p.run(switchScenarioCommands(p.nb, null));
    expect(p.nb.activeScenario).toBeUndefined();
    expect(isScenarioOverride(p.nb, 'B_Target', 'C43')).toBe(false);
    expect(cellsOf(p.nb)).toEqual(cellsBefore);
    expect(p.engine.allValues()).toEqual(before);
  });

  it('is a no-op to switch to the active scenario or to one that does not exist', () => {
    const p = annualPlan();
    withPresets(p);
    expect(switchScenarioCommands(p.nb, null)).toEqual([]);
    expect(switchScenarioCommands(p.nb, 'nope')).toEqual([]);
  });

  it('undoing a switch restores the previous scenario and its values', () => {
    const p = annualPlan();
    withPresets(p);
    const base = p.engine.allValues();
    p.run(switchScenarioCommands(p.nb, 'upside'));
    const upside = p.engine.allValues();
    const undoToBase = p.run(switchScenarioCommands(p.nb, 'downside'));
    p.run(undoToBase);
    expect(p.nb.activeScenario).toBe('upside');
    expect(p.engine.allValues()).toEqual(upside);
    p.run(switchScenarioCommands(p.nb, null));
    expect(p.engine.allValues()).toEqual(base);
  });
});

describe('editing inside a scenario', () => {
  it('a driver moved in upside becomes an upside override; base keeps its value; upside keeps the move', () => {
    const p = annualPlan();
    withPresets(p);
    const baseValues = p.engine.allValues();
    p.run(switchScenarioCommands(p.nb, 'upside'));
    p.run(setInputCommands(p.nb, 'E_Bonus!C6', 0.85)); // PO_THRESHOLD, not in any preset
    expect(isScenarioOverride(p.nb, 'E_Bonus', 'C6')).toBe(true);
    expect(p.nb.scenarios.find((s) => s.id === 'upside')!.overrides['E_Bonus!C6']).toBe(0.85);
    expect(p.nb.scenarios.find((s) => s.id === BASE_SCENARIO_ID)!.overrides['E_Bonus!C6']).toBe(0.8);
    const upside = p.engine.allValues();

    p.run(switchScenarioCommands(p.nb, null));
    expect(p.raw('E_Bonus!C6')).toBe(0.8);
    expect(p.engine.allValues()).toEqual(baseValues);
    p.run(switchScenarioCommands(p.nb, 'downside'));
    expect(p.raw('E_Bonus!C6')).toBe(0.8); // downside does not override it
    p.run(switchScenarioCommands(p.nb, 'upside'));
    expect(p.raw('E_Bonus!C6')).toBe(0.85);
    expect(p.engine.allValues()).toEqual(upside);
  });

  it('a driver moved in base changes base only', () => {
    const p = annualPlan();
    withPresets(p);
    const cmds = setInputCommands(p.nb, 'B_Target!C43', 0.15);
    expect(cmds.map((c) => c.type)).toEqual(['setCells']);
    p.run(cmds);
    p.run(switchScenarioCommands(p.nb, 'upside'));
    expect(p.raw('B_Target!C43')).toBeCloseTo(0.17, 12); // upside's own value
    p.run(switchScenarioCommands(p.nb, null));
    expect(p.raw('B_Target!C43')).toBe(0.15);
  });

  it('a grid edit of an overridden cell while the scenario is active is captured on the way out', () => {
    const p = annualPlan();
    withPresets(p);
    p.run(switchScenarioCommands(p.nb, 'upside'));
    p.run([{ type: 'setCells', sheet: 'B_Target', writes: [{ addr: 'C43', raw: 0.3 }] }]);
    expect(scenarioInputs(p.nb, 'upside')['B_Target!C43']).toBe(0.3);
    expect(captureScenarios(p.nb).find((s) => s.id === 'upside')!.overrides['B_Target!C43']).toBe(0.3);
    p.run(switchScenarioCommands(p.nb, null));
    expect(p.raw('B_Target!C43')).toBe(0.12);
    p.run(switchScenarioCommands(p.nb, 'upside'));
    expect(p.raw('B_Target!C43')).toBe(0.3);
  });

  it('overrides can be set and removed from the manager, and the active scenario’s cell follows', () => {
    const p = annualPlan();
    withPresets(p);
    p.run(switchScenarioCommands(p.nb, 'upside'));
    p.run(setOverrideCommands(p.nb, 'upside', 'D_Expense!C40', 0.18));
    expect(p.raw('D_Expense!C40')).toBe(0.18);
    p.run(setOverrideCommands(p.nb, 'upside', 'D_Expense!C40', null));
    expect(p.raw('D_Expense!C40')).toBe(0.2);
    expect(p.nb.scenarios.find((s) => s.id === BASE_SCENARIO_ID)!.overrides).not.toHaveProperty('D_Expense!C40');
    // an inactive scenario: the cell stays as it is until that scenario is shown
    p.run(setOverrideCommands(p.nb, 'downside', 'D_Expense!C40', 0.25));
    expect(p.raw('D_Expense!C40')).toBe(0.2);
    p.run(switchScenarioCommands(p.nb, 'downside'));
    expect(p.raw('D_Expense!C40')).toBe(0.25);
  });

  it('renames and deletes scenarios; deleting the active one returns to base; the base entry goes with the last one', () => {
    const p = annualPlan();
    const before = p.engine.allValues();
    withPresets(p);
    p.run(renameScenarioCommands(p.nb, 'upside', 'Bull case'));
    expect(p.nb.scenarios.find((s) => s.id === 'upside')!.name).toBe('Bull case');
    p.run(switchScenarioCommands(p.nb, 'upside'));
    p.run(deleteScenarioCommands(p.nb, 'upside'));
    expect(p.nb.activeScenario).toBeUndefined();
    expect(p.engine.allValues()).toEqual(before);
    p.run(deleteScenarioCommands(p.nb, 'downside'));
    expect(p.nb.scenarios).toEqual([]);
    expect(deleteScenarioCommands(p.nb, BASE_SCENARIO_ID)).toEqual([]);
  });

  it('a cell empty in base comes back empty', () => {
    const p = annualPlan();
    expect(p.raw('B_Target!Z1')).toBeUndefined();
    p.run(createScenarioCommands(p.nb, 'S', { 'B_Target!Z1': 5 }, 's'));
    p.run(switchScenarioCommands(p.nb, 's'));
    expect(p.raw('B_Target!Z1')).toBe(5);
    p.run(switchScenarioCommands(p.nb, null));
    expect(p.raw('B_Target!Z1')).toBeUndefined();
  });
});

describe('scenarios in the file', () => {
  it('the active scenario and the overrides survive .opsbook.json', () => {
    const p = annualPlan();
    withPresets(p);
    p.run(switchScenarioCommands(p.nb, 'downside'));
    const r = readOpsbookText(serializeOpsbook(p.nb));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notebook.activeScenario).toBe('downside');
    expect(r.notebook.scenarios).toEqual(p.nb.scenarios);
  });

  it('a file whose active scenario does not exist is refused with the place named', () => {
    const p = annualPlan();
    const text = serializeOpsbook({ ...p.nb, activeScenario: 'ghost' });
    const r = readOpsbookText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.detail).toMatch(/activeScenario/);
  });
});

describe('compareScenarios', () => {
  it('gives each output per scenario with deltas and ratios against the first', () => {
    const values: Record<string, Record<string, unknown>> = { base: { T: 100, G: 'x' }, up: { T: 110, G: 2 }, down: { T: 95, G: 1 } };
    const rows = compareScenarios(['base', 'up', 'down'], ['T', 'G'], (id, key) => values[id][key]);
    expect(rows[0]).toEqual({ key: 'T', values: [100, 110, 95], deltas: [0, 10, -5], ratios: [0, 0.1, -0.05] });
    expect(rows[1].deltas).toEqual([null, null, null]);
  });

  it('compares the real upside and downside of the annual plan through the engine', () => {
    const p = annualPlan();
    withPresets(p);
    const ids = [BASE_SCENARIO_ID, 'upside', 'downside'];
    const targets: Record<string, number> = {};
    for (const id of ids) {
      p.run(switchScenarioCommands(p.nb, id));
      targets[id] = p.value('B_Target!G45') as number;
    }
    const rows = compareScenarios(ids, ['TARGET'], (id) => targets[id]);
    expect(rows[0].deltas[1]).toBeGreaterThan(0);
    expect(rows[0].deltas[2]).toBeLessThan(0);
  });
});
