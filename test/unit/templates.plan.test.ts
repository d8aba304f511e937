/**
 * The plan machinery (generatePlan, typed inputs by key, regrowCommands) on a chain of a small
 * lists sheet and the real G_Monthly generator, with the real engine: inputs survive reorders,
 * additions, removals and renames by name, what is removed is listed, undo restores.
 */
import { describe, expect, it } from 'vitest';
import type { RawContent } from '../../src/model/cell';
import { applyEdits } from '../../src/model/edit';
import { isCellError } from '../../src/model/cell';
import { layoutKeyProblem } from '../../src/model/layoutKeys';
import type { Notebook } from '../../src/model/notebook';
import { monthlyGenerator, monthlyInputKey } from '../../templates/generators/monthly';
import { generatePlan, planShape } from '../../templates/generators/plan';
import { inputCells, typedInputs } from '../../templates/generators/planInputs';
import { detectRenames, regrowCommands } from '../../templates/generators/regrow';
import { SAMPLE_SHAPE, planProducts, type ClientShape } from '../../templates/generators/shape';
import { emptyPart, type SheetGenerator } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';

/** A stand-in for the target and bonus sheets: one line a product (its target an input), one a
 * region (its final target, and per line), one a rep (its quota, its target incentive in Z), the
 * bonus budget and payout curve as constants — the names G_Monthly reads. */
const lists: SheetGenerator = {
  sheets: ['Lists'],
  generate(ctx) {
    const products = planProducts(ctx.shape).map((p) => p.name);
    const cells: Record<string, RawContent> = {};
    products.forEach((p, i) => {
      cells[`A${i + 1}`] = p;
      cells[`B${i + 1}`] = ctx.inputs[`Lists|${p}|target`] ?? 100;
    });
    ctx.shape.regions.forEach((r, i) => {
      cells[`D${i + 1}`] = r;
      cells[`E${i + 1}`] = 50 * (i + 1);
      products.forEach((_p, k) => (cells[`${String.fromCharCode(72 + k)}${i + 1}`] = 10 * (i + 1) + k)); // H…: region × line finals
    });
    ctx.shape.reps.forEach((r, i) => {
      cells[`C${i + 1}`] = r.region;
      cells[`F${i + 1}`] = r.name;
      cells[`G${i + 1}`] = 10 * (i + 1);
      cells[`Z${i + 1}`] = 2 * (i + 1); // the rep's target incentive
    });
    const part = emptyPart();
    part.sheets.push({ id: 'sheet_lists', name: 'Lists', cells, formats: {} });
    const P = products.length;
    part.names.push(
      { name: 'PRODUCT_NAME', expression: `=Lists!$A$1:$A$${P}` },
      { name: 'PRODUCT_TARGET', expression: `=TRANSPOSE(Lists!$B$1:$B$${P})` },
      { name: 'REGION_NAME', expression: `=Lists!$D$1:$D$${ctx.shape.regions.length}` },
      { name: 'TARGET_TOTAL', expression: `=SUM(Lists!$B$1:$B$${P})` },
      { name: 'REGION_FINAL', expression: `=Lists!$E$1:$E$${ctx.shape.regions.length}` },
      { name: 'REGION_LINE_FINAL', expression: `=Lists!$H$1:$${String.fromCharCode(72 + P - 1)}$${ctx.shape.regions.length}` },
      { name: 'REP_NAME', expression: `=Lists!$F$1:$F$${ctx.shape.reps.length}` },
      { name: 'REP_REGION', expression: `=Lists!$C$1:$C$${ctx.shape.reps.length}` },
      { name: 'REP_QUOTA', expression: `=Lists!$G$1:$G$${ctx.shape.reps.length}` },
      { name: 'REP_TARGET_BONUS', expression: `=Lists!$Z$1:$Z$${ctx.shape.reps.length}` },
      // The bonus plan's budget and payout curve (E_Bonus's names).
      ...Object.entries({ BONUS_BUDGET: 1000, PO_THRESHOLD: 0.5, PO_AT_THRESHOLD: 0.5, PO_TARGET: 1, PO_ACCEL: 2, PO_CAP: 2, PO_SLOPE_LOW: 1 }).map(([name, v]) => ({ name, expression: `=${v}` })),
    );
    part.layout.push({ id: 'Lists.kpi.total', kind: 'kpi', sheet: 'Lists', ranges: { value: 'TARGET_TOTAL' } });
    return part;
  },
};
const CHAIN = [lists, monthlyGenerator];

const small: ClientShape = {
  ...SAMPLE_SHAPE,
  products: [{ name: 'P1', isNew: false }, { name: 'P2', isNew: false }, { name: 'P3', isNew: true }],
  regions: ['North', 'South'],
  reps: [{ name: 'A', region: 'North', level: '代表 Rep' }, { name: 'B', region: 'South', level: '代表 Rep' }],
  history: undefined,
  historyPrior: undefined,
  potential: undefined,
  accounts: undefined,
};

function cellOf(nb: Notebook, shape: ClientShape, key: string): RawContent | undefined {
  const at = inputCells(shape, CHAIN).get(key);
  expect(at, key).toBeDefined();
  return nb.sheets.find((s) => s.name === at!.sheet)?.cells[at!.addr];
}

function type(nb: Notebook, shape: ClientShape, key: string, raw: RawContent) {
  const at = inputCells(shape, CHAIN).get(key)!;
  applyEdits(nb, [{ type: 'setCells', sheet: at.sheet, writes: [{ addr: at.addr, raw }] }]);
}

function errorCells(nb: Notebook): string[] {
  const engine = new EngineNotebook(nb);
  const out: string[] = [];
  for (const [sheet, values] of Object.entries(engine.allValues())) for (const [addr, v] of Object.entries(values)) if (isCellError(v)) out.push(`${sheet}!${addr}`);
  engine.destroy();
  return out;
}

describe('generatePlan', () => {
  it('puts the chain together: sheets in order, every name, the view, the shape it was built for', () => {
    const nb = generatePlan(small, {}, CHAIN);
    expect(nb.sheets.map((s) => [s.name, s.template])).toEqual([['Lists', 'client-plan'], ['G_Monthly', 'client-plan']]);
    expect(nb.names.map((n) => n.name)).toEqual(expect.arrayContaining(['PRODUCT_NAME', 'TARGET_TOTAL', 'MONTHLY_TARGET', 'FY_GAP']));
    expect(nb.layout.items.map((i) => i.id)).toEqual(expect.arrayContaining(['Lists.kpi.total', 'G_Monthly.kpi.ytd', 'G_Monthly.cumulative']));
    expect(nb.layout.items[0].id).toBe('Lists.kpi.total');
    expect(planShape(nb)).toEqual(small);
    expect(nb.locale).toBe('zh-CN');
    expect(layoutKeyProblem('plan', nb.layout.plan)).toBeNull();
    expect(layoutKeyProblem('plan', { version: 1, shape: { ...small, regions: [] } })).not.toBeNull();
    expect(errorCells(nb)).toEqual([]);
  });

  it('finds every input by key and tells typed ones from defaults', () => {
    const nb = generatePlan(small, {}, CHAIN);
    expect(inputCells(small, CHAIN).get('Lists|P2|target')).toMatchObject({ sheet: 'Lists', addr: 'B2' });
    expect(typedInputs(nb, small, CHAIN)).toEqual({});
    type(nb, small, 'Lists|P2|target', 250);
    type(nb, small, monthlyInputKey('South|P1', 'actual3'), 42);
    expect(typedInputs(nb, small, CHAIN)).toEqual({ 'Lists|P2|target': 250, [monthlyInputKey('South|P1', 'actual3')]: 42 });
  });
});

describe('regrowCommands', () => {
  it('keeps typed inputs by name through a reorder, an added region and a removed line; lists what goes; undo restores', () => {
    const nb = generatePlan(small, {}, CHAIN);
    type(nb, small, 'Lists|P2|target', 250);
    type(nb, small, 'Lists|P1|target', 80);
    type(nb, small, monthlyInputKey('P2', 'season1'), 0.5);
    type(nb, small, monthlyInputKey('South|P2', 'actual2'), 7);
    type(nb, small, monthlyInputKey('North|P1', 'actual1'), 9);
    nb.names.push({ name: 'MY_NOTE', expression: '=1' });
    const before = structuredClone(nb);

    const next: ClientShape = {
      ...small,
      products: [{ name: 'P2', isNew: false }, { name: 'P3', isNew: true }],
      regions: ['West', 'South', 'North'],
      reps: [...small.reps, { name: 'C', region: 'West', level: '代表 Rep' }],
    };
    const r = regrowCommands(nb, next, { generators: CHAIN });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.removed).toEqual([{ list: 'products', name: 'P1', inputs: 2 }]);
    expect(r.value.kept.sort()).toEqual(['G_Monthly|P2|season1', 'G_Monthly|South|P2|actual2', 'Lists|P2|target']);
    const inverse = applyEdits(nb, r.value.commands);

    expect(planShape(nb)).toEqual(next);
    expect(cellOf(nb, next, 'Lists|P2|target')).toBe(250);
    expect(cellOf(nb, next, monthlyInputKey('P2', 'season1'))).toBe(0.5);
    expect(cellOf(nb, next, monthlyInputKey('South|P2', 'actual2'))).toBe(7);
    expect(cellOf(nb, next, monthlyInputKey('West|P2', 'actual2'))).toBeUndefined();
    expect(nb.names.map((n) => n.name)).toContain('MY_NOTE');
    expect(errorCells(nb)).toEqual([]);
    // The plan is what generating it at the new shape with the kept inputs gives.
    const fresh = generatePlan(next, typedInputs(nb, next, CHAIN), CHAIN);
    expect(nb.sheets.map((s) => s.cells)).toEqual(fresh.sheets.map((s) => s.cells));

    applyEdits(nb, inverse);
    expect(nb).toEqual(before);
  });

  it('a rename carries the inputs of the renamed item; scenario overrides follow their input', () => {
    const nb = generatePlan(small, {}, CHAIN);
    type(nb, small, monthlyInputKey('South|P1', 'actual1'), 5);
    const target = inputCells(small, CHAIN).get('Lists|P2|target')!;
    nb.scenarios = [{ id: 'sc', name: 'Up', overrides: { [`Lists!${target.addr}`]: 300, 'Other!A1': 1 } }];
    const renames = detectRenames('regions', small.regions, ['North', 'South China']);
    expect(renames).toEqual([{ list: 'regions', from: 'South', to: 'South China' }]);
    expect(detectRenames('regions', ['a', 'b'], ['b', 'a'])).toEqual([]);
    const next: ClientShape = {
      ...small,
      products: [{ name: 'P0', isNew: false }, ...small.products],
      regions: ['North', 'South China'],
      reps: [small.reps[0], { ...small.reps[1], region: 'South China' }],
    };
    const r = regrowCommands(nb, next, { generators: CHAIN, renames });
    expect(r.ok && r.value.removed).toEqual([]);
    if (!r.ok) return;
    applyEdits(nb, r.value.commands);
    expect(cellOf(nb, next, monthlyInputKey('South China|P1', 'actual1'))).toBe(5);
    const moved = inputCells(next, CHAIN).get('Lists|P2|target')!;
    expect(moved.addr).not.toBe(target.addr);
    expect(nb.scenarios[0].overrides).toEqual({ [`Lists!${moved.addr}`]: 300, 'Other!A1': 1 });
  });

  it('keeps a rep\'s typed actuals by the rep\'s name when the roster grows in front of it, and drops them with the rep', () => {
    const nb = generatePlan(small, {}, CHAIN);
    type(nb, small, monthlyInputKey('B', 'actual2'), 31);
    type(nb, small, monthlyInputKey('A', 'actual1'), 17);
    expect(typedInputs(nb, small, CHAIN)).toEqual({ [monthlyInputKey('B', 'actual2')]: 31, [monthlyInputKey('A', 'actual1')]: 17 });
    const before = inputCells(small, CHAIN).get(monthlyInputKey('B', 'actual2'))!;
    // A new rep first, A gone: B's row moves down the rep actuals block (and the block itself moves with the roster).
    const next: ClientShape = { ...small, reps: [{ name: 'Z', region: 'South', level: '代表 Rep' }, { name: 'Y', region: 'North', level: '代表 Rep' }, small.reps[1]] };
    const r = regrowCommands(nb, next, { generators: CHAIN });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kept).toEqual([monthlyInputKey('B', 'actual2')]);
    expect(r.value.dropped).toEqual([monthlyInputKey('A', 'actual1')]);
    expect(r.value.removed).toEqual([{ list: 'reps', name: 'A', inputs: 1 }]);
    applyEdits(nb, r.value.commands);
    const after = inputCells(next, CHAIN).get(monthlyInputKey('B', 'actual2'))!;
    expect(after.addr).not.toBe(before.addr);
    expect(cellOf(nb, next, monthlyInputKey('B', 'actual2'))).toBe(31);
    expect(cellOf(nb, next, monthlyInputKey('Z', 'actual2'))).toBeUndefined();
    expect(errorCells(nb)).toEqual([]);
  });

  it('refuses a notebook that is not a client plan, and one showing a scenario', () => {
    const nb = generatePlan(small, {}, CHAIN);
    delete nb.layout.plan;
    expect(regrowCommands(nb, small, { generators: CHAIN })).toMatchObject({ ok: false, error: { code: 'notPlan' } });
    const shown = generatePlan(small, {}, CHAIN);
    shown.activeScenario = 'x';
    expect(regrowCommands(shown, small, { generators: CHAIN })).toMatchObject({ ok: false, error: { code: 'scenarioActive' } });
  });
});

describe('the client card', () => {
  it('is offered exactly when the chain builds all five sheets', async () => {
    const { CLIENT_PLAN_ENTRY } = await import('../../templates/gallery');
    const { planChainComplete } = await import('../../templates/generators/plan');
    expect(CLIENT_PLAN_ENTRY.offered).toBe(planChainComplete());
  });
});

describe('the default chain', () => {
  it('lays the sheets out in tab order and defines the list names of C_Ansoff and E_Bonus as on the sample', async () => {
    const { PLAN_NAMES } = await import('../../templates/catalog');
    const nb = generatePlan(SAMPLE_SHAPE);
    const order = ['A_Market', 'B_Target', 'C_Ansoff', 'D_Expense', 'E_Bonus', 'F_Staffing', 'G_Monthly'];
    const tabs = nb.sheets.map((s) => s.name);
    expect(tabs).toEqual(order.filter((n) => tabs.includes(n)));
    for (const id of ['PRODUCT_NAME', 'LEVEL_NAME', 'LEVEL_BASE']) {
      expect(nb.names.find((n) => n.name === id)).toEqual(PLAN_NAMES.find((n) => n.name === id));
    }
  });
});
