/**
 * The list names on the sample annual plan (and on the single templates that hold their sheet):
 * each is a range in list order, and the invariants the presenter and what-if rely on hold.
 */
import { describe, expect, it } from 'vitest';
import type { Notebook } from '../../src/model/notebook';
import { templateById } from '../../templates';
import { LIST_NAME_IDS } from '../../templates/generators/listNames';
import { SAMPLE_SHAPE, planProducts, repLevels } from '../../templates/generators/shape';
import { EngineNotebook } from '../../workers/engineCore';

function create(id: string): Notebook {
  const entry = templateById(id);
  if (!entry) throw new Error(`no template ${id}`);
  return entry.create();
}

/** Evaluates formulas on a probe sheet added to the notebook, with the real engine. */
function probe(nb: Notebook, formulas: string[]): unknown[] {
  const cells: Record<string, string> = {};
  formulas.forEach((f, i) => (cells[`A${i + 1}`] = f));
  const withProbe: Notebook = { ...nb, sheets: [...nb.sheets, { id: 'probe', name: 'Probe', cells, formats: {} }] };
  const engine = new EngineNotebook(withProbe);
  return formulas.map((_f, i) => engine.value('Probe', `A${i + 1}`));
}

const near = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('list names on the sample annual plan', () => {
  const nb = create('annual-plan');

  it('defines every list name after the 19 spec names', () => {
    const names = nb.names.map((n) => n.name);
    expect(names.slice(19, 19 + LIST_NAME_IDS.length)).toEqual([...LIST_NAME_IDS]); // the staffing plan's names follow
  });

  it('lists names, regions, reps and levels in list order', () => {
    const list = (name: string, n: number) => probe(nb, Array.from({ length: n }, (_x, k) => `=INDEX(${name},${k + 1})`));
    expect(list('PRODUCT_NAME', 4)).toEqual(planProducts(SAMPLE_SHAPE).map((p) => p.name));
    expect(list('REGION_NAME', 4)).toEqual(SAMPLE_SHAPE.regions);
    expect(list('REP_NAME', 12)).toEqual(SAMPLE_SHAPE.reps.map((r) => r.name));
    expect(list('REP_REGION', 12)).toEqual(SAMPLE_SHAPE.reps.map((r) => r.region));
    expect(list('REP_LEVEL', 12)).toEqual(SAMPLE_SHAPE.reps.map((r) => r.level));
    expect(list('LEVEL_NAME', 2)).toEqual(repLevels(SAMPLE_SHAPE).map((l) => l.name));
    // Sizes from the ranges themselves (the engine's ROWS() on a named range of formulas is not reliable).
    const size = (name: string) => {
      const m = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(nb.names.find((n) => n.name === name)!.expression)!;
      return [Number(m[4]) - Number(m[2]) + 1, m[3].charCodeAt(0) - m[1].charCodeAt(0) + 1];
    };
    expect(['PRODUCT_TARGET', 'REGION_FINAL', 'REGION_BU', 'REP_QUOTA', 'LEVEL_BASE'].map(size)).toEqual([[1, 4], [4, 1], [4, 3], [12, 1], [2, 1]]);
    expect(probe(nb, ['=INDEX(LEVEL_BASE,1)', '=INDEX(LEVEL_BASE,2)', '=INDEX(REGION_BU,4,1)'])).toEqual([24, 18, 1300]);
  });

  it('holds the invariants: Σ products = Σ regions = target; Σ quotas = target × (1 + over-assignment), per region too', () => {
    const [target, oa, products, regions, quotas] = probe(nb, ['=TARGET_TOTAL', '=OVERASSIGN', '=SUM(PRODUCT_TARGET)', '=SUM(REGION_FINAL)', '=SUM(REP_QUOTA)']);
    expect(target).toBeCloseTo(21211.408, 3);
    expect(near(products, target)).toBe(true);
    expect(near(regions, target)).toBe(true);
    expect(near(quotas, (target as number) * (1 + (oa as number)))).toBe(true);
    const perRegion = probe(
      nb,
      SAMPLE_SHAPE.regions.flatMap((_r, i) => [`=SUMIF(REP_REGION,INDEX(REGION_NAME,${i + 1}),REP_QUOTA)`, `=INDEX(REGION_FINAL,${i + 1})*(1+OVERASSIGN)`]),
    );
    for (let i = 0; i < perRegion.length; i += 2) expect(near(perRegion[i], perRegion[i + 1]), SAMPLE_SHAPE.regions[i / 2]).toBe(true);
  });

  it('single templates define the list names that live on their own sheet', () => {
    const names = (id: string) => create(id).names.map((n) => n.name);
    expect(names('six-step-targets')).toEqual(expect.arrayContaining(['PRODUCT_TARGET', 'REGION_FINAL', 'REGION_BU', 'REP_QUOTA', 'REP_NAME', 'REGION_NAME', 'REP_REGION', 'REP_LEVEL']));
    expect(names('six-step-targets')).not.toContain('LEVEL_NAME');
    expect(names('bonus-plan')).toEqual(expect.arrayContaining(['LEVEL_NAME', 'LEVEL_BASE']));
    expect(names('ansoff-grid')).toContain('PRODUCT_NAME');
    expect(names('market-model').filter((n) => (LIST_NAME_IDS as readonly string[]).includes(n))).toEqual([]);
  });
});
