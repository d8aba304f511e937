/**
 * Driver and KPI definitions point at the annual plan's real cells: every driver at a numeric
 * input (not a formula, not a stub) whose sample value lies inside its range, every KPI at a
 * cell that computes a number, and the brief's minimum set of drivers is there.
 */
import { describe, expect, it } from 'vitest';
import { isFormula } from '../../src/model/cell';
import { availableDrivers, availableSlides, clampToDriver, driverByName, presetOverrides, refKey, resolveRef } from '../../src/model/drivers';
import { DRIVERS, SCENARIO_PRESETS, SLIDES } from '../../templates/specVocabulary';
import { findSheet } from '../../src/model/notebook';
import { templateById } from '../../templates';
import { EngineNotebook } from '../../workers/engineCore';
import '../../src/ui/vocabulary'; // the templates' vocabularies, as the app registers them

const nb = templateById('annual-plan')!.create();
const engine = new EngineNotebook(nb);

describe('drivers', () => {
  it('include the workshop’s key inputs', () => {
    const names = DRIVERS.map((d) => d.name);
    for (const n of [
      'A_Market!F6', 'W_QUANT', 'ALPHA_BU', 'OVERASSIGN', 'B_Target!C43', 'B_Target!D43', 'B_Target!E43',
      'D_Expense!C40', 'E_Bonus!C4', 'PO_THRESHOLD', 'PO_AT_THRESHOLD', 'PO_ACCEL', 'PO_CAP',
    ]) expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(DRIVERS.map((d) => [d.name, d] as const))('%s points at a numeric input of the annual plan, inside its range', (_name, d) => {
    const r = resolveRef(nb.names, d.ref);
    expect(r).not.toBeNull();
    const sheet = findSheet(nb, r!.sheet)!;
    expect(sheet.stub).toBeFalsy();
    const raw = sheet.cells[r!.addr];
    expect(typeof raw).toBe('number');
    expect(isFormula(raw)).toBe(false);
    expect(d.min).toBeLessThan(d.max);
    expect(raw as number).toBeGreaterThanOrEqual(d.min);
    expect(raw as number).toBeLessThanOrEqual(d.max);
    // the sample value sits on the step grid, so the first nudge lands on a round number
    expect(clampToDriver(d, raw as number)).toBeCloseTo(raw as number, 12);
  });

  it('names resolve through the workbook names', () => {
    expect(refKey(nb, 'PO_THRESHOLD')).toBe('E_Bonus!C6');
    expect(refKey(nb, 'TARGET_TOTAL')).toBe('B_Target!G45');
    expect(refKey(nb, 'B_Target!$C$43')).toBe('B_Target!C43');
    expect(refKey(nb, 'NO_SUCH_NAME')).toBeNull();
  });

  it('all apply to the annual plan; a single template gets only its own', () => {
    expect(availableDrivers(nb).length).toBe(DRIVERS.length);
    const bonus = templateById('bonus-plan')!.create();
    const names = availableDrivers(bonus).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['E_Bonus!C4', 'PO_THRESHOLD', 'PO_CAP']));
    expect(names).not.toContain('W_QUANT'); // B_Target is a link stub there
    expect(availableSlides(bonus).map((s) => s.id)).toEqual(['E_Bonus']);
    expect(availableSlides(nb).map((s) => s.id)).toEqual(['overview', 'A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly']);
  });

  it('clamp into the range and onto the step grid without float dust', () => {
    const d = driverByName('PO_THRESHOLD')!;
    expect(clampToDriver(d, 0.3)).toBe(0.5);
    expect(clampToDriver(d, 2)).toBe(0.95);
    expect(clampToDriver(d, 0.8349)).toBe(0.83);
    expect(clampToDriver(driverByName('E_Bonus!C4')!, 0.0151)).toBe(0.015);
  });
});

describe('slides and KPIs', () => {
  it.each(SLIDES.flatMap((s) => s.kpis.map((k) => [s.id, k.id] as const)))('%s: KPI %s computes a number', (_slide, id) => {
    const r = resolveRef(nb.names, id)!;
    expect(r).not.toBeNull();
    expect(isFormula(findSheet(nb, r.sheet)!.cells[r.addr])).toBe(true);
    expect(typeof engine.value(r.sheet, r.addr)).toBe('number');
  });

  it('every slide’s drivers are defined', () => {
    for (const s of SLIDES) for (const name of s.drivers) expect(driverByName(name), `${s.id}: ${name}`).toBeDefined();
  });

  it('bars and the people table read numbers', () => {
    for (const s of SLIDES) {
      for (const b of s.bars?.bars ?? []) {
        const r = resolveRef(nb.names, b.ref)!;
        expect(typeof engine.value(r.sheet, r.addr), `${s.id} ${b.ref}`).toBe('number');
      }
    }
    const people = SLIDES.find((s) => s.people)!.people!;
    expect(engine.value(people.sheet, `O${people.total!.row}`)).toBeCloseTo(162.6011, 3);
  });
});

describe('scenario presets', () => {
  it('move the market and judgement drivers up and down from the base values', () => {
    const raw = (key: string) => {
      const [s, a] = key.split('!');
      return findSheet(nb, s)!.cells[a];
    };
    const [up, down] = SCENARIO_PRESETS.map((p) => presetOverrides(nb, p, raw));
    expect(up['B_Target!C43']).toBeCloseTo(0.17, 12);
    expect(down['B_Target!C43']).toBeCloseTo(0.07, 12);
    expect(Object.keys(up)).toEqual(Object.keys(down));
  });
});
