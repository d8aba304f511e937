/**
 * C_Ansoff from its generator: the spec's sheet on the sample shape (and the spec's values on the
 * shipped A/B sheets); on random shapes over A/B stubs no error value, no ERR, and the growth gap
 * split exactly into the quadrants and per line; typed inputs kept by name on regrowing.
 */
import fc from 'fast-check';
import { SLIDES } from '../../templates/specVocabulary';
import { defaultLayout } from '../../templates/layouts';
import { describe, expect, it } from 'vitest';
import cAnsoff from '../../templates/data/C_Ansoff.json';
import expected from '../../templates/data/expected.json';
import names from '../../templates/data/names.json';
import { ansoffGenerator, ansoffInitiatives, ansoffLayout } from '../../templates/generators/ansoff';
import { a1 } from '../../templates/generators/ansoffLinks';
import { planProducts, SAMPLE_SHAPE } from '../../templates/generators/shape';
import { buildCde, chineseLabels, emptyViewCells, inputCells, problems, regrow, same, samplePlan, shapeArb, stubData, stubSheets } from './generators.ansoff.stubs';

const SEED = 1414;
const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('C_Ansoff generator', () => {
  it('gives the spec sheet on the sample shape, cell for cell, and its names', () => {
    const part = ansoffGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    const [sheet] = part.sheets;
    expect(sheet.name).toBe('C_Ansoff');
    expect(sheet.cells).toEqual(cAnsoff.cells);
    expect(sheet.formats).toEqual(cAnsoff.formats);
    expect(sheet.frozen).toEqual(cAnsoff.frozen);
    expect(sheet.colWidths).toEqual(cAnsoff.colWidths);
    expect(part.names).toEqual(names.filter((n) => ['GROWTH_GAP', 'PROJECT_COST_TOTAL'].includes(n.name)));
  });

  it('keeps B_Target’s reads (C18, D18, H18 down) and the PRODUCT_NAME rows on the sample', () => {
    const L = ansoffLayout(SAMPLE_SHAPE);
    expect(L.initiativeRows).toEqual({ first: 17, last: 36 });
    expect(L.productRows).toEqual({ first: 41, last: 44 });
    expect([L.cols.product, L.cols.market, L.cols.opportunity]).toEqual([2, 3, 7]);
  });

  it('gives the template’s notebook view on the sample shape, and on random shapes a view reading only written cells', () => {
    expect(ansoffGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).layout).toEqual(defaultLayout('C_Ansoff'));
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const part = ansoffGenerator.generate({ shape, inputs: {}, names: new Map() });
        expect(part.layout.length).toBeGreaterThan(0);
        expect(emptyViewCells(part.layout, part.sheets[0])).toEqual([]);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('gives the presenter slide’s KPIs on the sample shape', () => {
    const part = ansoffGenerator.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() });
    expect(part.kpis).toEqual(SLIDES.find((s) => s.id === 'C_Ansoff')!.kpis);
  });

  it('labels an English plan in English (dimension keys stay as the spec spells them)', () => {
    const names = { ...SAMPLE_SHAPE, regions: ['North', 'South'], products: [{ name: 'A', isNew: false }, { name: 'B', isNew: true }] };
    const shape = { ...names, language: 'en' as const, levels: [{ name: 'Rep', ote: 30, base: 18 }, { name: 'Manager', ote: 60, base: 42 }], reps: [{ name: 'r1', region: 'North', level: 'Rep' }, { name: 'r2', region: 'South', level: 'Rep' }] };
    const [sheet] = ansoffGenerator.generate({ shape, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(sheet)).toEqual([]);
    const [zh] = ansoffGenerator.generate({ shape: { ...shape, language: 'zh-CN' }, inputs: {}, names: new Map() }).sheets;
    expect(chineseLabels(zh).length).toBeGreaterThan(0);
  });

  it('computes the spec’s values on the shipped A_Market and B_Target', () => {
    const { engine } = samplePlan();
    const want = (expected as Record<string, Record<string, unknown>>).C_Ansoff;
    const bad = Object.entries(want).filter(([addr, v]) => !same(engine.value('C_Ansoff', addr), v));
    expect(bad).toEqual([]);
  });

  it('on random shapes: no error value, no ERR, Σ quadrants = gap, each line’s pivot = its growth, costs add up', () => {
    let runs = 0;
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        runs++;
        const d = stubData(shape, seed);
        const { engine, sheets, name, value } = buildCde(shape, stubSheets(shape, d));
        expect(problems(engine, sheets)).toEqual([]);
        const products = planProducts(shape);
        const base = products.map((p, k) => (p.isNew ? 0 : d.history[k].reduce((a, b) => a + b, 0)));
        const gap = d.targets.reduce((a, b) => a + b, 0) - base.reduce((a, b) => a + b, 0);
        expect(close(name('GROWTH_GAP'), gap)).toBe(true);
        const L = ansoffLayout(shape);
        const v = (c: number, r: number) => value('C_Ansoff', a1(c, r)) as number;
        expect(close(v(1, L.gridRow) + v(2, L.gridRow) + v(1, L.gridRow + 1) + v(2, L.gridRow + 1), gap)).toBe(true);
        expect(close(v(1, L.quadTotalRow), gap)).toBe(true);
        expect(close(v(9, L.totalRow), gap)).toBe(true);
        products.forEach((_p, k) => {
          expect(close(v(5, L.pivotRows.first + k), d.targets[k] - base[k])).toBe(true);
          expect(value('C_Ansoff', a1(6, L.pivotRows.first + k))).toBe('OK');
        });
        // Market pivot: Σ markets = gap; its cost column = PROJECT_COST_TOTAL = Σ costs, development
        // costs being new hospitals × development cost per hospital.
        const mt = L.marketRows.last + 1;
        expect(close(v(5, mt), gap)).toBe(true);
        const inits = ansoffInitiatives(shape);
        let cost = 0;
        inits.forEach((init, i) => {
          const row = L.initiativeRows.first + i;
          if (init.kind === 'development') {
            const m = d.market[init.existingIndex];
            expect(close(v(10, row), m.newHospitals[init.region] * m.devCost)).toBe(true);
          }
          cost += v(10, row);
        });
        expect(close(name('PROJECT_COST_TOTAL'), cost)).toBe(true);
        expect(close(v(7, mt), cost)).toBe(true);
        engine.destroy?.();
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(runs).toBe(30);
  }, 240_000);

  it('regrown for a changed shape keeps every typed input of what stays, by name', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const grown = regrow(shape);
        const before = inputCells(ansoffGenerator, shape);
        const typed = Object.fromEntries([...before.keys()].map((k, i) => [k, k.endsWith('|label') ? `typed ${i}` : 1000 + i]));
        const [sheet] = ansoffGenerator.generate({ shape: grown, inputs: typed, names: new Map() }).sheets;
        const after = inputCells(ansoffGenerator, grown);
        let moved = 0;
        for (const [key, addr] of after) {
          if (key in typed) {
            expect(sheet.cells[addr]).toBe(typed[key]);
            if (before.get(key) !== addr) moved++;
          } else expect(Object.values(typed)).not.toContain(sheet.cells[addr]);
        }
        expect(moved).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});
