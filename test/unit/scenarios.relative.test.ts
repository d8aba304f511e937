/**
 * Scenarios relative to the base (+Δ, ×k) follow it; absolute ones are dated against the base
 * they were set at, so a later change of that base input marks them stale, and a refresh keeps
 * their gap to the new base.
 */
import { describe, expect, it } from 'vitest';
import type { EditCommand } from '../../src/model/commands';
import { applyEdits } from '../../src/model/edit';
import { readOpsbookText, serializeOpsbook } from '../../src/model/fileFormat';
import { findSheet } from '../../src/model/notebook';
import {
  captureScenarios, createScenarioCommands, refreshScenarioCommands, scenarioInputs, setInputCommands, setRelativeCommands,
  staleOverrides, switchScenarioCommands,
} from '../../src/model/scenarios';
import { presetRules } from '../../src/model/drivers';
import { SCENARIO_PRESETS } from '../../templates/specVocabulary';
import { templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';

function annualPlan() {
  const nb = templateById('annual-plan')!.create({ locale: 'en' });
  const engine = new EngineNotebook(nb);
  const run = (cmds: EditCommand[]) => {
    applyEdits(nb, cmds);
    const r = engine.apply(cmds);
    if (!r.ok) throw new Error(r.error.message);
  };
  const raw = (key: string) => {
    const [sheet, addr] = key.split('!');
    return findSheet(nb, sheet)!.cells[addr];
  };
  const value = (key: string) => {
    const [sheet, addr] = key.split('!');
    return engine.value(sheet, addr) as number;
  };
  const set = (key: string, v: number) => {
    const [sheet, addr] = key.split('!');
    run([{ type: 'setCells', sheet, writes: [{ addr, raw: v }] }]);
  };
  return { nb, run, raw, value, set };
}

const GROWTH = 'B_Target!C43';
const TARGET = 'B_Target!G45';

describe('relative scenarios', () => {
  it('the presets follow the base: after the base moves, downside stays below it and upside above', () => {
    const p = annualPlan();
    for (const preset of SCENARIO_PRESETS) p.run(createScenarioCommands(p.nb, preset.name.en, {}, preset.id, presetRules(p.nb, preset, p.raw)));
    expect(p.nb.scenarios.find((s) => s.id === 'downside')!.relative![GROWTH]).toEqual({ add: -0.05 });
    const base0 = p.raw(GROWTH) as number;
    // The base moves (as a goal seek would): judgement growth +0.3.
    p.set(GROWTH, base0 + 0.3);
    const baseTarget = p.value(TARGET);
    p.run(switchScenarioCommands(p.nb, 'downside'));
    expect(p.raw(GROWTH)).toBeCloseTo(base0 + 0.3 - 0.05, 12);
    expect(p.value(TARGET)).toBeLessThan(baseTarget);
    p.run(switchScenarioCommands(p.nb, 'upside'));
    expect(p.raw(GROWTH)).toBeCloseTo(base0 + 0.3 + 0.05, 12);
    expect(p.value(TARGET)).toBeGreaterThan(baseTarget);
    p.run(switchScenarioCommands(p.nb, null));
    expect(p.raw(GROWTH)).toBeCloseTo(base0 + 0.3, 12);
    expect(p.value(TARGET)).toBe(baseTarget);
    // What the comparison and the export read follows too, and relative overrides are never stale.
    expect(scenarioInputs(p.nb, 'downside')[GROWTH]).toBeCloseTo(base0 + 0.25, 12);
    expect(staleOverrides(p.nb, 'downside')).toEqual([]);
  });

  it('×k follows the base, and an edit while the scenario is shown keeps it relative with the new factor', () => {
    const p = annualPlan();
    const key = 'E_Bonus!C4';
    const base0 = p.raw(key) as number;
    expect(typeof base0).toBe('number');
    p.run(createScenarioCommands(p.nb, 'Lean', {}, 'lean', { [key]: { mul: 0.9 } }));
    p.run(switchScenarioCommands(p.nb, 'lean'));
    expect(p.raw(key)).toBeCloseTo(base0 * 0.9, 12);
    // A driver drag inside the scenario: the factor is recomputed, the override stays relative.
    p.run(setInputCommands(p.nb, key, base0 * 0.8));
    expect(p.nb.scenarios.find((s) => s.id === 'lean')!.relative![key].mul).toBeCloseTo(0.8, 12);
    p.run(switchScenarioCommands(p.nb, null));
    p.set(key, base0 * 2);
    p.run(switchScenarioCommands(p.nb, 'lean'));
    expect(p.raw(key)).toBeCloseTo(base0 * 2 * 0.8, 10);
  });

  it('a relative override can be made absolute and back', () => {
    const p = annualPlan();
    const base0 = p.raw(GROWTH) as number;
    p.run(createScenarioCommands(p.nb, 'Mine', { [GROWTH]: base0 + 0.1 }, 'mine'));
    p.run(setRelativeCommands(p.nb, 'mine', GROWTH, { add: 0.1 }));
    p.set(GROWTH, base0 + 1);
    expect(scenarioInputs(p.nb, 'mine')[GROWTH]).toBeCloseTo(base0 + 1.1, 12);
    p.run(setRelativeCommands(p.nb, 'mine', GROWTH, null));
    expect(p.nb.scenarios.find((s) => s.id === 'mine')!.relative?.[GROWTH]).toBeUndefined();
    p.set(GROWTH, base0);
    expect(scenarioInputs(p.nb, 'mine')[GROWTH]).toBeCloseTo(base0 + 1.1, 12);
  });
});

describe('absolute scenarios that predate a base change', () => {
  it('are marked stale after the base input they override changes, and a refresh keeps their gap', () => {
    const p = annualPlan();
    const base0 = p.raw(GROWTH) as number;
    p.run(createScenarioCommands(p.nb, 'Downside', { [GROWTH]: base0 - 0.05 }, 'down'));
    expect(staleOverrides(p.nb, 'down')).toEqual([]);
    p.set(GROWTH, base0 + 0.3);
    const stale = staleOverrides(p.nb, 'down');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ key: GROWTH, was: base0, now: base0 + 0.3, value: base0 - 0.05 });
    // Until refreshed it keeps its old absolute value: 0.35 below the new base, not 0.05.
    expect(scenarioInputs(p.nb, 'down')[GROWTH]).toBeCloseTo(base0 - 0.05, 12);
    p.run(refreshScenarioCommands(p.nb, 'down'));
    expect(staleOverrides(p.nb, 'down')).toEqual([]);
    expect(scenarioInputs(p.nb, 'down')[GROWTH]).toBeCloseTo(base0 + 0.25, 12);
  });

  it('an edit made while the scenario is shown dates it against the current base', () => {
    const p = annualPlan();
    const base0 = p.raw(GROWTH) as number;
    p.run(createScenarioCommands(p.nb, 'Downside', { [GROWTH]: base0 - 0.05 }, 'down'));
    p.set(GROWTH, base0 + 0.3);
    p.run(switchScenarioCommands(p.nb, 'down'));
    p.set(GROWTH, base0 + 0.2); // a grid edit, read back on the way out
    p.run(switchScenarioCommands(p.nb, null));
    expect(staleOverrides(p.nb, 'down')).toEqual([]);
  });

  it('relative rules and base dates survive the file and follow a sheet rename', () => {
    const p = annualPlan();
    const base0 = p.raw(GROWTH) as number;
    p.run(createScenarioCommands(p.nb, 'Mixed', { 'B_Target!D43': 0.5 }, 'mixed', { [GROWTH]: { add: 0.01 } }));
    const back = readOpsbookText(serializeOpsbook(p.nb));
    if (!back.ok) throw new Error(back.problem.detail);
    expect(back.notebook.scenarios.find((s) => s.id === 'mixed')).toMatchObject({ relative: { [GROWTH]: { add: 0.01 } }, basedOn: { 'B_Target!D43': expect.anything() } });
    p.run([{ type: 'renameSheet', from: 'B_Target', to: 'Targets' }]);
    const s = captureScenarios(p.nb).find((x) => x.id === 'mixed')!;
    expect(Object.keys(s.relative!)).toEqual(['Targets!C43']);
    expect(Object.keys(s.basedOn!)).toEqual(['Targets!D43']);
    expect(scenarioInputs(p.nb, 'mixed')['Targets!C43']).toBeCloseTo(base0 + 0.01, 12);
  });
});
