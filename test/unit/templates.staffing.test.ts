/**
 * F_Staffing's calculation (issue 16, normative) with the real engine, against an independent
 * implementation written here from the text, on random shapes and inputs; a hiring row
 * naming an unknown region or level reads ERR and counts for nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCellError } from '../../src/model/cell';
import { emptyNotebook, type Notebook } from '../../src/model/notebook';
import { SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import { templateById } from '../../templates';
import { availableDrivers, availableSlides } from '../../src/model/drivers';
import { DRIVERS, SLIDES } from '../../templates/specVocabulary';
import { hireRowCount, STAFFING_KPIS, staffingDrivers, staffingGenerator, staffingInputKey, staffingLayout } from '../../templates/generators/staffing';
import { EngineNotebook } from '../../workers/engineCore';
import '../../src/ui/vocabulary'; // the templates' vocabularies, as the app registers them

interface Hire {
  region: string;
  level: string;
  month: number;
  count: number;
}
interface Case {
  regions: string[];
  targets: number[];
  /** Every level: the last is the managers' level when there is more than one. */
  levels: { name: string; base: number; prod: number; ramp: number }[];
  reps: { region: number; level: number; tenure: number }[];
  attrition: number;
  lag: number;
  hires: Hire[];
}

const repLevelsOf = (c: Case) => (c.levels.length > 1 ? c.levels.slice(0, -1) : c.levels);

/** The calculation, slot by slot and month by month. */
function expected(c: Case) {
  const slots: { region: string; level: (typeof c.levels)[number]; h: number; t: number; n: number }[] = [];
  c.reps.forEach((r) => slots.push({ region: c.regions[r.region], level: repLevelsOf(c)[r.level], h: 1, t: r.tenure, n: 1 }));
  for (const h of c.hires) {
    const level = c.levels.find((l) => l.name === h.level);
    if (level && c.regions.includes(h.region)) slots.push({ region: h.region, level, h: h.month, t: 0, n: h.count });
  }
  const monthly = Array(12).fill(0);
  const regionCap = new Map(c.regions.map((r) => [r, 0]));
  const regionCost = new Map(c.regions.map((r) => [r, 0]));
  let cost = 0;
  for (const s of slots) {
    const R = s.level.ramp;
    const d = Math.max(0, 1 - (c.attrition * (c.lag + R / 2)) / 12);
    for (let m = s.h; m <= 12; m++) {
      const k = s.t + (m - s.h + 1);
      const f = R === 0 ? 1 : Math.min(1, k / R);
      const cap = (s.level.prod / 12) * f * d * s.n;
      monthly[m - 1] += cap;
      regionCap.set(s.region, regionCap.get(s.region)! + cap);
      const pay = (s.level.base / 12) * s.n;
      cost += pay;
      regionCost.set(s.region, regionCost.get(s.region)! + pay);
    }
  }
  const capacity = monthly.reduce((a, b) => a + b, 0);
  const target = c.targets.reduce((a, b) => a + b, 0);
  const start = c.reps.length;
  const hires = c.hires.filter((h) => c.regions.includes(h.region) && c.levels.some((l) => l.name === h.level)).reduce((a, h) => a + h.count, 0);
  return { monthly, capacity, regionCap, regionCost, cost, start, hires, end: start + hires, leavers: start * c.attrition, gap: capacity - target };
}

const PROBES = ['CAPACITY_TOTAL', 'PERSONNEL_COST', 'HEADCOUNT_START', 'HIRES_TOTAL', 'HEADCOUNT_END', 'EXPECTED_LEAVERS', 'CAPACITY_GAP'];

/** A lists sheet standing in for B_Target and E_Bonus (through the list names), and F_Staffing from the generator. */
function build(c: Case): EngineNotebook {
  const repLevels = repLevelsOf(c);
  const levelsForShape = c.levels.map((l) => ({ name: l.name, ote: l.base * 2, base: l.base }));
  const shape: ClientShape = {
    ...SAMPLE_SHAPE,
    regions: c.regions,
    levels: levelsForShape,
    reps: c.reps.map((r, i) => ({ name: `R${i + 1}`, region: c.regions[r.region], level: repLevels[r.level].name })),
  };
  const inputs: Record<string, string | number> = {
    [staffingInputKey('ATTRITION', 'value')]: c.attrition,
    [staffingInputKey('BACKFILL_LAG', 'value')]: c.lag,
  };
  for (const l of c.levels) {
    inputs[staffingInputKey(l.name, 'prod')] = l.prod;
    inputs[staffingInputKey(l.name, 'ramp')] = l.ramp;
    inputs[staffingInputKey(l.name, 'base')] = l.base; // read for the managers' level only
  }
  shape.reps.forEach((r, i) => (inputs[staffingInputKey(r.name, 'tenure')] = c.reps[i].tenure));
  // Every prefilled row is overwritten or emptied, so only the case's hires are in the plan.
  for (let j = 0; j < hireRowCount(shape); j++) {
    const h = c.hires[j];
    inputs[staffingInputKey(`hire${j + 1}`, 'region')] = h?.region ?? '';
    inputs[staffingInputKey(`hire${j + 1}`, 'level')] = h?.level ?? '';
    inputs[staffingInputKey(`hire${j + 1}`, 'month')] = h?.month ?? '';
    inputs[staffingInputKey(`hire${j + 1}`, 'count')] = h?.count ?? '';
  }
  const lists: Record<string, string | number> = {};
  shape.reps.forEach((r, i) => {
    lists[`A${i + 1}`] = r.name;
    lists[`B${i + 1}`] = r.region;
    lists[`C${i + 1}`] = r.level;
  });
  c.regions.forEach((r, i) => {
    lists[`D${i + 1}`] = r;
    lists[`E${i + 1}`] = c.targets[i];
  });
  repLevels.forEach((l, i) => {
    lists[`F${i + 1}`] = l.name;
    lists[`G${i + 1}`] = l.base;
  });
  const probe: Record<string, string> = {};
  PROBES.forEach((n, i) => (probe[`A${i + 1}`] = `=${n}`));
  for (let m = 0; m < 12; m++) probe[`B${m + 1}`] = `=INDEX(MONTHLY_CAPACITY,1,${m + 1})`;
  c.regions.forEach((_r, i) => {
    probe[`C${i + 1}`] = `=INDEX(REGION_CAPACITY,${i + 1})`;
    probe[`D${i + 1}`] = `=INDEX(REGION_COST,${i + 1})`;
  });
  const part = staffingGenerator.generate({ shape, inputs, names: new Map() });
  const N = c.reps.length;
  const nb: Notebook = {
    ...emptyNotebook('staffing'),
    sheets: [{ id: 'lists', name: 'Lists', cells: lists, formats: {} }, ...part.sheets, { id: 'probe', name: 'Probe', cells: probe, formats: {} }],
    names: [
      { name: 'REP_NAME', expression: `=Lists!$A$1:$A$${N}` },
      { name: 'REP_REGION', expression: `=Lists!$B$1:$B$${N}` },
      { name: 'REP_LEVEL', expression: `=Lists!$C$1:$C$${N}` },
      { name: 'REGION_NAME', expression: `=Lists!$D$1:$D$${c.regions.length}` },
      { name: 'REGION_FINAL', expression: `=Lists!$E$1:$E$${c.regions.length}` },
      { name: 'LEVEL_NAME', expression: `=Lists!$F$1:$F$${repLevels.length}` },
      { name: 'LEVEL_BASE', expression: `=Lists!$G$1:$G$${repLevels.length}` },
      { name: 'TARGET_TOTAL', expression: `=SUM(Lists!$E$1:$E$${c.regions.length})` },
      ...part.names,
    ],
  };
  return new EngineNotebook(nb);
}

const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function errorCells(engine: EngineNotebook, sheet: string): string[] {
  return Object.entries(engine.allValues()[sheet] ?? {})
    .filter(([, v]) => isCellError(v) || (typeof v === 'string' && (v.startsWith('ERR') || v.startsWith('✗'))))
    .map(([a, v]) => `${a}: ${JSON.stringify(v)}`);
}

const caseArb = fc
  .record({ R: fc.integer({ min: 1, max: 5 }), K: fc.integer({ min: 1, max: 4 }), N: fc.integer({ min: 1, max: 14 }), H: fc.integer({ min: 0, max: 8 }) })
  .chain(({ R, K, N, H }) => {
    const regions = Array.from({ length: R }, (_x, i) => `区${i + 1} R${i + 1}`);
    const levelNames = Array.from({ length: K }, (_x, i) => `级${i + 1} L${i + 1}`);
    const repLevelCount = K > 1 ? K - 1 : 1;
    return fc.record({
      regions: fc.constant(regions),
      targets: fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: R, maxLength: R }),
      levels: fc.tuple(
        ...levelNames.map((name) =>
          fc.record({ name: fc.constant(name), base: fc.integer({ min: 1, max: 60 }), prod: fc.integer({ min: 0, max: 5000 }), ramp: fc.integer({ min: 0, max: 12 }) }),
        ),
      ),
      reps: fc.array(
        fc.record({ region: fc.integer({ min: 0, max: R - 1 }), level: fc.integer({ min: 0, max: repLevelCount - 1 }), tenure: fc.integer({ min: 0, max: 30 }) }),
        { minLength: N, maxLength: N },
      ),
      attrition: fc.integer({ min: 0, max: 40 }).map((x) => x / 100),
      lag: fc.integer({ min: 0, max: 6 }),
      hires: fc.array(
        fc.record({ region: fc.constantFrom(...regions), level: fc.constantFrom(...levelNames), month: fc.integer({ min: 1, max: 12 }), count: fc.integer({ min: 0, max: 5 }) }),
        { minLength: H, maxLength: H },
      ),
    });
  });

function expectAgrees(c: Case): void {
  const engine = build(c);
  const want = expected(c);
  const got = (i: number) => engine.value('Probe', `A${i + 1}`);
  const wantList = [want.capacity, want.cost, want.start, want.hires, want.end, want.leavers, want.gap];
  PROBES.forEach((n, i) => expect(close(got(i), wantList[i]), `${n}: ${String(got(i))} ≠ ${wantList[i]}`).toBe(true));
  for (let m = 0; m < 12; m++) expect(close(engine.value('Probe', `B${m + 1}`), want.monthly[m]), `month ${m + 1}`).toBe(true);
  c.regions.forEach((r, i) => {
    expect(close(engine.value('Probe', `C${i + 1}`), want.regionCap.get(r)!), `capacity ${r}`).toBe(true);
    expect(close(engine.value('Probe', `D${i + 1}`), want.regionCost.get(r)!), `cost ${r}`).toBe(true);
  });
  expect(errorCells(engine, 'F_Staffing')).toEqual([]);
}

describe('F_Staffing: capacity, headcount and cost', () => {
  it('agrees with an independent implementation on random shapes and inputs', () => {
    fc.assert(fc.property(caseArb, (c) => expectAgrees(c as Case)), { numRuns: 30 });
  });

  it('agrees on the sample company with ramping reps and hires of every level, the managers included', () => {
    const regions = SAMPLE_SHAPE.regions;
    const levels = SAMPLE_SHAPE.levels.map((l, i) => ({ name: l.name, base: l.base, prod: [2400, 1800, 500][i], ramp: [6, 4, 0][i] }));
    expectAgrees({
      regions,
      targets: [8389.5, 5504.4, 4560.2, 2757.2],
      levels,
      reps: SAMPLE_SHAPE.reps.map((r, i) => ({ region: regions.indexOf(r.region), level: r.level === levels[0].name ? 0 : 1, tenure: [0, 2, 30][i % 3] })),
      attrition: 0.12,
      lag: 2,
      hires: [
        { region: regions[0], level: levels[1].name, month: 4, count: 2 },
        { region: regions[3], level: levels[0].name, month: 12, count: 1 },
        { region: regions[1], level: levels[2].name, month: 1, count: 1 },
      ],
    });
  });

  it('a hiring row naming an unknown region or level reads ERR and counts for nothing', () => {
    const regions = ['东 East', '西 West'];
    const c: Case = {
      regions,
      targets: [1000, 1000],
      levels: [{ name: 'Rep', base: 10, prod: 1200, ramp: 3 }, { name: 'Mgr', base: 20, prod: 0, ramp: 0 }],
      reps: [{ region: 0, level: 0, tenure: 12 }, { region: 1, level: 0, tenure: 0 }],
      attrition: 0.1,
      lag: 1,
      hires: [
        { region: 'North', level: 'Rep', month: 3, count: 2 },
        { region: regions[0], level: 'Director', month: 3, count: 1 },
        { region: regions[1], level: 'Rep', month: 6, count: 1 },
      ],
    };
    const engine = build(c);
    const want = expected(c); // counts the valid row only
    expect(close(engine.value('Probe', 'A1'), want.capacity)).toBe(true);
    expect(close(engine.value('Probe', 'A2'), want.cost)).toBe(true);
    expect(engine.value('Probe', 'A4')).toBe(1);
    const errs = errorCells(engine, 'F_Staffing');
    expect(errs.some((e) => e.includes('unknown region'))).toBe(true);
    expect(errs.some((e) => e.includes('unknown level'))).toBe(true);
    expect(errs.some((e) => e.includes('a hiring row is wrong'))).toBe(true); // the summary check
    // Region totals still add up to the company's.
    const regionCost = [0, 1].map((i) => engine.value('Probe', `D${i + 1}`) as number).reduce((a, b) => a + b, 0);
    expect(close(regionCost, engine.value('Probe', 'A2') as number)).toBe(true);
  });

  it('lays out at least 20 hiring rows, blank rows ignored, and the regrown plan keeps inputs by name', () => {
    const shape: ClientShape = { ...SAMPLE_SHAPE, reps: [...SAMPLE_SHAPE.reps].reverse() };
    const part = staffingGenerator.generate({ shape, inputs: { [staffingInputKey('W03', 'tenure')]: 3 }, names: new Map() });
    const names = new Map(part.names.map((n) => [n.name, n.expression]));
    const m = /\$A\$(\d+):\$A\$(\d+)/.exec(names.get('HIRE_REGION')!)!;
    expect(Number(m[2]) - Number(m[1]) + 1).toBeGreaterThanOrEqual(20);
    const tenure = /\$D\$(\d+):/.exec(names.get('TENURE')!)!;
    expect(part.sheets[0].cells[`D${tenure[1]}`]).toBe(3); // W03 is first in the reversed roster
    for (const id of ['LEVEL_NAME', 'LEVEL_BASE', 'REP_NAME', 'REGION_FINAL', 'TARGET_TOTAL'])
      expect(Object.values(part.sheets[0].cells).some((v) => typeof v === 'string' && v.includes(id)), id).toBe(true);
    // No address of another sheet: the lists are read by name only.
    expect(Object.values(part.sheets[0].cells).filter((v) => typeof v === 'string' && /[A-Za-z_]+!/.test(v))).toEqual([]);
  });
});

/** The annual plan from the gallery, its engine, and a writer that applies to both. */
function samplePlan() {
  const nb = templateById('annual-plan')!.create();
  const engine = new EngineNotebook(nb);
  const set = (sheet: string, addr: string, raw: string | number) => {
    const r = engine.apply([{ type: 'setCells', sheet, writes: [{ addr, raw }] }]);
    if (!r.ok) throw new Error(r.error.message);
  };
  const name = (n: string) => {
    const m = /^=([A-Za-z_]+)!\$([A-Z]+)\$(\d+)/.exec(nb.names.find((x) => x.name === n)!.expression)!;
    return { sheet: m[1], addr: `${m[2]}${m[3]}`, row: Number(m[3]) };
  };
  const value = (n: string) => engine.value(name(n).sheet, name(n).addr);
  return { nb, engine, set, name, value };
}

describe('F_Staffing in the sample annual plan and the expense link', () => {
  it('with no hires the salary line is the spec’s 408, each region’s 102, and every spec value holds', () => {
    const { engine, value } = samplePlan();
    expect(value('PERSONNEL_COST')).toBe(240); // the twelve reps' base salaries
    expect(value('HIRES_TOTAL')).toBe(0);
    expect(value('HEADCOUNT_START')).toBe(12);
    expect(engine.value('D_Expense', 'C42')).toBe(408); // 168 managers + 240 reps
    for (const r of [72, 73, 74, 75]) expect(engine.value('D_Expense', `E${r}`)).toBe(102);
    expect(engine.value('D_Expense', 'J77')).toBe('OK');
    expect(engine.value('D_Expense', 'G86')).toBe('OK');
    expect(errorCells(engine, 'F_Staffing')).toEqual([]);
    // Every roster rep is fully ramped with the defaults: capacity = Σ PROD × drag.
    const drag = 1 - (0.1 * (2 + 6 / 2)) / 12;
    const prod = [1, 2].map((k) => engine.value('F_Staffing', `C${staffingLayoutRow('levelRow') + k}`) as number);
    expect(close(value('CAPACITY_TOTAL'), (4 * prod[0] + 8 * prod[1]) * drag)).toBe(true);
  });

  it('hiring moves the personnel cost, the region’s salary share and the promotion pool, and the regions still add up to the envelope', () => {
    const { engine, set, name, value } = samplePlan();
    const pool0 = engine.value('D_Expense', 'C45') as number;
    const ratio0 = engine.value('D_Expense', 'I72') as number;
    const hire = name('HIRE_COUNT'); // the first hiring row is East's, level 代表 Rep, from month 4
    expect(engine.value('F_Staffing', `A${hire.row}`)).toBe('华东 East');
    set('F_Staffing', `E${hire.row}`, 2);
    const cost = (2 * 18 * 9) / 12; // two reps at 18 for months 4–12
    expect(close(value('PERSONNEL_COST'), 240 + cost)).toBe(true);
    expect(close(engine.value('D_Expense', 'C42'), 408 + cost)).toBe(true);
    expect(close(engine.value('D_Expense', 'E72'), 102 + cost)).toBe(true);
    expect(engine.value('D_Expense', 'E73')).toBe(102);
    expect(close(engine.value('D_Expense', 'C45'), pool0 - cost)).toBe(true);
    expect(engine.value('D_Expense', 'I72')).not.toBe(ratio0);
    expect(engine.value('D_Expense', 'J77')).toBe('OK');
    expect(engine.value('D_Expense', 'G86')).toBe('OK');
    expect(value('HIRES_TOTAL')).toBe(2);
    expect(value('HEADCOUNT_END')).toBe(14);
    // A manager hire is a slot too: the managers' level is known to the staffing plan.
    set('F_Staffing', `B${hire.row + 1}`, '区域经理 Regional Manager');
    set('F_Staffing', `E${hire.row + 1}`, 1);
    expect(engine.value('F_Staffing', `A${hire.row + 1}`)).toBe('华南 South');
    expect(close(engine.value('D_Expense', 'E73'), 102 + (42 * 9) / 12)).toBe(true);
    // An unknown region: ERR on the staffing plan, nothing in the expense plan.
    set('F_Staffing', `A${hire.row + 2}`, 'Atlantis');
    set('F_Staffing', `E${hire.row + 2}`, 3);
    expect(engine.value('F_Staffing', `F${hire.row + 2}`)).toMatch(/^✗/);
    expect(String(engine.value('F_Staffing', `B${staffingLayoutRow('outRow') + 10}`))).toMatch(/^ERR/);
    expect(engine.value('D_Expense', 'J77')).toBe('OK');
  });

  it('staffing-plan alone runs on link stubs of B_Target and E_Bonus; expense-structure alone reads a stub of it', () => {
    const nb = templateById('staffing-plan')!.create();
    expect(nb.sheets.map((s) => `${s.name}${s.stub ? '*' : ''}`)).toEqual(['F_Staffing', 'B_Target*', 'E_Bonus*']);
    const engine = new EngineNotebook(nb);
    expect(errorCells(engine, 'F_Staffing')).toEqual([]);
    const all = engine.allValues();
    expect(Object.values(all).flatMap((cells) => Object.values(cells)).filter((v) => isCellError(v))).toEqual([]);
    const expense = templateById('expense-structure')!.create();
    const stub = expense.sheets.find((s) => s.name === 'F_Staffing')!;
    expect(stub.stub).toBe(true);
    expect(Object.values(stub.cells).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b)).toEqual([60, 60, 60, 60, 240]);
  });
});

describe('the staffing slide of the sample plan', () => {
  it('its drivers are the generator’s on the sample company: attrition, ramp months per reps’ level, hires per region', () => {
    const slide = SLIDES.find((s) => s.id === 'F_Staffing')!;
    const own = staffingDrivers(SAMPLE_SHAPE);
    expect(slide.drivers).toEqual(own.map((d) => d.name));
    expect(slide.drivers.map((n) => DRIVERS.find((d) => d.name === n))).toEqual(own);
    for (const k of STAFFING_KPIS) expect(slide.kpis).toContainEqual(k);
  });

  it('shows on the annual plan and on the staffing-plan template; the overview does not need F_Staffing', () => {
    const plan = templateById('annual-plan')!.create();
    expect(availableSlides(plan).map((s) => s.id)).toContain('F_Staffing');
    expect(availableDrivers(plan).map((d) => d.name)).toEqual(expect.arrayContaining(SLIDES.find((s) => s.id === 'F_Staffing')!.drivers));
    expect(availableSlides(templateById('staffing-plan')!.create()).map((s) => s.id)).toEqual(['F_Staffing']);
    // A plan saved before the staffing plan existed still has its overview.
    const old = { ...plan, sheets: plan.sheets.filter((s) => s.name !== 'F_Staffing' && s.name !== 'G_Monthly') };
    expect(availableSlides(old).map((s) => s.id)).toEqual(['overview', 'A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus']);
  });
});

function staffingLayoutRow(key: 'levelRow' | 'outRow'): number {
  return staffingLayout(SAMPLE_SHAPE)[key]; // 0-based, so + k is the k-th level's 1-based row
}
