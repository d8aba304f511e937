/**
 * Fixtures shared by the C_Ansoff, D_Expense and E_Bonus generator tests: seeded random client
 * shapes, A_Market / B_Target stubs of constants laid out at the positions the generators read
 * (consistent with each other: targets add up, regional finals split each line's target), the
 * three sheets built on them in the real engine, and the input cells of a generated sheet found
 * by name.
 */
import fc from 'fast-check';
import { forEachInRange, parseA1, parseRange, toA1 } from '../../src/model/address';
import type { CellValue, RawContent } from '../../src/model/cell';
import { isCellError } from '../../src/model/cell';
import { emptyNotebook, type LayoutItem, type NamedExpression, type Notebook, type Sheet } from '../../src/model/notebook';
import { buildTemplateSheet, TEMPLATE_NAMES } from '../../templates/catalog';
import { ansoffGenerator } from '../../templates/generators/ansoff';
import { a1, abs, sampleAbPositions } from '../../templates/generators/ansoffLinks';
import { bonusGenerator } from '../../templates/generators/bonus';
import { expenseGenerator } from '../../templates/generators/expense';
import { planProducts, repLevels, SAMPLE_SHAPE, type ClientShape } from '../../templates/generators/shape';
import type { PlanInputs, SheetGenerator } from '../../templates/generators/types';
import { EngineNotebook } from '../../workers/engineCore';

/** A client shape: 1–12 lines (0–3 new, at least one with history), 1–30 regions, reps ≥ regions up to 500, 1–6 levels. */
export const shapeArb: fc.Arbitrary<ClientShape> = fc
  .record({
    P: fc.integer({ min: 1, max: 12 }),
    newLines: fc.integer({ min: 0, max: 3 }),
    R: fc.integer({ min: 1, max: 30 }),
    levels: fc.integer({ min: 1, max: 6 }),
    sampleNames: fc.boolean(),
    language: fc.constantFrom('zh-CN' as const, 'en' as const),
  })
  .chain(({ P, newLines, R, levels, sampleNames, language }) => {
    const fresh = Math.min(newLines, P - 1);
    return fc.integer({ min: R, max: 500 }).chain((N) => fc.record({
      P: fc.constant(P),
      fresh: fc.constant(fresh),
      R: fc.constant(R),
      sampleNames: fc.constant(sampleNames),
      language: fc.constant(language),
      levels: fc.array(fc.record({ ote: fc.integer({ min: 10, max: 90 }), basePct: fc.integer({ min: 40, max: 90 }) }), { minLength: levels, maxLength: levels }),
      extraReps: fc.array(fc.record({ region: fc.nat(), level: fc.nat() }), { minLength: N - R, maxLength: N - R }),
      firstLevels: fc.array(fc.nat(), { minLength: R, maxLength: R }),
    }));
  })
  .map(({ P, fresh, R, sampleNames, language, levels, extraReps, firstLevels }) => {
    const lineName = (k: number) => (sampleNames ? `P${k + 1}` : `线${k + 1} L${k + 1}`);
    const products = Array.from({ length: P }, (_x, k) => ({ name: lineName(k), isNew: k >= P - fresh }));
    const regions = Array.from({ length: R }, (_x, r) => (sampleNames && r < 4 ? SAMPLE_SHAPE.regions[r] : `区域${r + 1} Region ${r + 1}`));
    const lv = levels.map((l, j) => ({ name: `职级${j + 1} Level ${j + 1}`, ote: l.ote, base: Math.round((l.ote * l.basePct) / 100) }));
    const shapeLevels = { levels: lv };
    const repLv = repLevels(shapeLevels);
    const reps = [
      ...firstLevels.map((l, r) => ({ region: r, level: l })),
      ...extraReps.map((x) => ({ region: x.region % R, level: x.level })),
    ].map((x, i) => ({ name: sampleNames && i < 12 ? SAMPLE_SHAPE.reps[i].name : `代表${i + 1}`, region: regions[x.region], level: repLv[x.level % repLv.length].name }));
    return { ...SAMPLE_SHAPE, language, products, regions, levels: lv, reps };
  });

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StubData {
  /** Lines with history × regions: last year's revenue. */
  history: number[][];
  /** Per plan line: the target T_p; per region × line: the final target F_rp (Σ_r F_rp = T_p). */
  targets: number[];
  finals: number[][];
  /** Per rep: quota and new-account quota. */
  quotas: number[];
  newQuotas: number[];
  /** A_Market per line with history. */
  market: { volume: number; shareGain: number; substitution: number; newHospitals: number[]; arpa: number; ramp: number; devCost: number; hvBase: number; hvPlan: number }[];
}

export const OVERASSIGN = 0.05;

/** Random upstream data consistent with the shape. */
export function stubData(shape: ClientShape, seed: number, opts: { declining?: boolean } = {}): StubData {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const products = planProducts(shape);
  const R = shape.regions.length;
  const E = products.filter((p) => !p.isNew).length;
  const history = Array.from({ length: E }, () => Array.from({ length: R }, () => int(opts.declining ? 100 : 0, 5000)));
  const sumHist = (k: number) => history[k].reduce((a, b) => a + b, 0);
  // Declining: every line and region 10–40 % below last year, so no region grows anywhere.
  const fall = opts.declining ? 1 - int(10, 40) / 100 : 1;
  const targets = products.map((p, k) => (p.isNew ? int(100, 900) : opts.declining ? sumHist(k) * fall : sumHist(k) + int(50, 3000)));
  const weights = Array.from({ length: R }, () => int(1, 10));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const finals = shape.regions.map((_r, r) => targets.map((T, k) => (opts.declining && !products[k].isNew ? history[k][r] * fall : (T * weights[r]) / wsum)));
  const regionFinal = finals.map((row) => row.reduce((a, b) => a + b, 0));
  // Quotas: each region's final × (1 + OVERASSIGN), split over its reps by random weights.
  const repW = shape.reps.map(() => int(1, 5));
  const regionW = shape.regions.map((region) => shape.reps.reduce((s, rep, i) => s + (rep.region === region ? repW[i] : 0), 0));
  const quotas = shape.reps.map((rep, i) => {
    const r = shape.regions.indexOf(rep.region);
    return (regionFinal[r] * (1 + OVERASSIGN) * repW[i]) / regionW[r];
  });
  const newQuotas = shape.reps.map(() => int(0, 8));
  const market = Array.from({ length: E }, () => ({
    volume: int(0, 800),
    shareGain: int(1, 800),
    substitution: int(0, 500),
    newHospitals: Array.from({ length: R }, () => int(0, 6)),
    arpa: int(10, 50),
    ramp: 0.5,
    devCost: int(1, 9),
    hvBase: rand() * 0.4,
    hvPlan: rand() * 0.5,
  }));
  return { history, targets, finals, quotas, newQuotas, market };
}

/** A_Market and B_Target stubs of constants at the generators' positions, and the names they define. */
export function stubSheets(shape: ClientShape, d: StubData): { sheets: Sheet[]; names: NamedExpression[] } {
  const { market: M, target: T } = sampleAbPositions(shape);
  const products = planProducts(shape);
  const a: Record<string, RawContent> = {};
  d.market.forEach((m, e) => {
    const c = M.lineCol(e);
    a[a1(c, M.volumeRow)] = m.volume;
    a[a1(c, M.shareGainRow)] = m.shareGain;
    a[a1(c, M.substitutionRow)] = m.substitution;
    m.newHospitals.forEach((n, r) => (a[a1(c, M.newHospitalRow(r))] = n));
    a[a1(c, M.arpaRow)] = m.arpa;
    a[a1(c, M.rampRow)] = m.ramp;
    a[a1(c, M.devCostRow)] = m.devCost;
    a[a1(c, M.hvShareBaseRow)] = m.hvBase;
    a[a1(c, M.hvSharePlanRow)] = m.hvPlan;
  });
  const b: Record<string, RawContent> = {};
  products.forEach((p, k) => {
    const c = T.productCol(k);
    const hist = shape.regions.map((_r, r) => (p.isNew ? 0 : d.history[k][r]));
    hist.forEach((h, r) => (b[a1(c, T.historyRow(r))] = h));
    b[a1(c, T.baseRow)] = hist.reduce((x, y) => x + y, 0);
    b[a1(c, T.targetRow)] = d.targets[k];
    d.finals.forEach((row, r) => (b[a1(c, T.finalRow(r))] = row[k]));
    b[a1(c, T.finalTotalRow)] = d.targets[k];
  });
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  b[a1(T.totalCol, T.baseRow)] = sum(products.map((_p, k) => (products[k].isNew ? 0 : sum(d.history[k]))));
  b[a1(T.totalCol, T.targetRow)] = sum(d.targets);
  shape.regions.forEach((region, r) => {
    b[a1(T.regionNameCol, T.finalRow(r))] = region;
    b[a1(T.totalCol, T.finalRow(r))] = sum(d.finals[r]);
  });
  b[a1(T.totalCol, T.finalTotalRow)] = sum(d.targets);
  shape.reps.forEach((rep, i) => {
    const row = T.repRow(i);
    b[a1(0, row)] = rep.name;
    b[a1(T.repRegionCol, row)] = rep.region;
    b[a1(T.repLevelCol, row)] = rep.level;
    b[a1(T.repQuotaCol, row)] = d.quotas[i];
    b[a1(T.repNewQuotaCol, row)] = d.newQuotas[i];
  });
  return {
    sheets: [
      { id: 'stub_a', name: 'A_Market', cells: a, formats: {} },
      { id: 'stub_b', name: 'B_Target', cells: b, formats: {} },
    ],
    names: [
      { name: 'TARGET_TOTAL', expression: `=B_Target!${abs(T.totalCol, T.targetRow)}` },
      { name: 'BASE_TOTAL', expression: `=B_Target!${abs(T.totalCol, T.baseRow)}` },
    ],
  };
}

export const CDE: readonly SheetGenerator[] = [ansoffGenerator, expenseGenerator, bonusGenerator];

/** C, D and E generated for the shape, on the given upstream sheets, in the real engine. */
export function buildCde(shape: ClientShape, upstream: { sheets: Sheet[]; names: NamedExpression[] }, inputs: PlanInputs = {}) {
  const names = new Map(upstream.names.map((n) => [n.name.toUpperCase(), n]));
  const parts = CDE.map((g) => g.generate({ shape, inputs, names }));
  const sheets = parts.flatMap((p) => p.sheets);
  const nb: Notebook = { ...emptyNotebook('cde'), sheets: [...upstream.sheets, ...sheets], names: [...upstream.names, ...parts.flatMap((p) => p.names)] };
  const engine = new EngineNotebook(nb);
  const name = (n: string) => engine.hf.calculateFormula(`=${n}`, 0) as number;
  return { parts, sheets, engine, name, value: (sheet: string, addr: string) => engine.value(sheet, addr) };
}

/** Every error value and every ERR check among the generated sheets' cells. */
export function problems(engine: EngineNotebook, sheets: Sheet[]): string[] {
  const out: string[] = [];
  for (const s of sheets) {
    const values = engine.sheetValues(s.name);
    for (const [addr, v] of Object.entries(values) as [string, CellValue][]) {
      if (isCellError(v)) out.push(`${s.name}!${addr} ${v.error}`);
      else if (v === 'ERR') out.push(`${s.name}!${addr} ERR`);
    }
  }
  return out;
}

/**
 * The input cells of a generated sheet by input key: generated with every input answered by a
 * unique marker, each key's cell is where its marker landed.
 */
export function inputCells(gen: SheetGenerator, shape: ClientShape): Map<string, string> {
  const seen = new Map<string, string>();
  const inputs = new Proxy({} as Record<string, RawContent>, {
    get: (_t, key) => (typeof key === 'string' ? `\u0001${key}` : undefined),
  });
  const [sheet] = gen.generate({ shape, inputs, names: new Map() }).sheets;
  for (const [addr, raw] of Object.entries(sheet.cells)) if (typeof raw === 'string' && raw.startsWith('\u0001')) seen.set(raw.slice(1), addr);
  return seen;
}


/** The sample plan: the shipped A_Market and B_Target, C/D/E from the generators, the spec's other names. */
export function samplePlan() {
  const upstream = (['A_Market', 'B_Target'] as const).map((n) => ({ ...buildTemplateSheet(n, 'annual-plan') }));
  const own = new Set(CDE.flatMap((g) => g.generate({ shape: SAMPLE_SHAPE, inputs: {}, names: new Map() }).names.map((x) => x.name)));
  return buildCde(SAMPLE_SHAPE, { sheets: upstream, names: TEMPLATE_NAMES.filter((n) => !own.has(n.name)) });
}

/** The shape with a line added in front, the regions reversed plus one more (with a rep), the reps reversed. */
export function regrow(shape: ClientShape): ClientShape {
  const region = 'New Region 新区';
  return {
    ...shape,
    products: [{ name: 'NEW0', isNew: false }, ...shape.products],
    regions: [...shape.regions].reverse().concat(region),
    reps: [...shape.reps].reverse().concat({ name: 'NEWREP', region, level: shape.reps[0].level }),
  };
}

/**
 * The cells of a view's ranges on its own sheet that the sheet leaves empty (workbook names and
 * other sheets' cells are not checked): a chart or card bound to the generated ranges reads only
 * cells the generator wrote.
 */
export function emptyViewCells(items: LayoutItem[], sheet: Sheet): string[] {
  const out: string[] = [];
  for (const item of items)
    for (const [key, text] of Object.entries(item.ranges))
      for (const part of text.split(',')) {
        if (/^[A-Z_][A-Z0-9_]*$/.test(part) && !parseA1(part)) continue; // a workbook name
        const r = parseRange(part) ?? (parseA1(part) ? { start: parseA1(part)!, end: parseA1(part)! } : null);
        if (!r) {
          out.push(`${item.id}.${key}: ${part}`);
          continue;
        }
        forEachInRange(r, (pos) => {
          if (sheet.cells[toA1(pos)] === undefined) out.push(`${item.id}.${key}: ${toA1(pos)}`);
        });
      }
  return out;
}

/**
 * A staffing-plan stub (issue 16): per region a personnel cost in `F_Staffing`, `REGION_COST` over
 * them, `PERSONNEL_COST` their sum, `REGION_NAME` the final-target rows' names.
 */
export function staffingStub(shape: ClientShape, seed: number): { sheets: Sheet[]; names: NamedExpression[]; costs: number[] } {
  const rand = rng(seed ^ 0x5eed);
  const costs = shape.regions.map(() => Math.round(rand() * 300));
  const { target: T } = sampleAbPositions(shape);
  const R = shape.regions.length;
  const cells: Record<string, RawContent> = {};
  costs.forEach((c, r) => (cells[`A${r + 1}`] = c));
  return {
    costs,
    sheets: [{ id: 'stub_f', name: 'F_Staffing', cells, formats: {} }],
    names: [
      { name: 'PERSONNEL_COST', expression: `=SUM(F_Staffing!$A$1:$A$${R})` },
      { name: 'REGION_COST', expression: `=F_Staffing!$A$1:$A$${R}` },
      { name: 'REGION_NAME', expression: `=B_Target!${abs(T.regionNameCol, T.finalRow(0))}:${abs(T.regionNameCol, T.finalRow(R - 1))}` },
    ],
  };
}

/** Dimension keys the formulas match, spelled as the spec does in either language. */
const KEYS = new Set(['现有 Existing', '新 New', '市场渗透 Market penetration', '市场开发 Market development', '产品开发 Product development', '多元化 Diversification', '低 Low', '中 Medium', '高 High', '全国 National']);

/** Text cells of a sheet (not formulas, not dimension keys) that hold Chinese. */
export function chineseLabels(sheet: Sheet): string[] {
  return Object.entries(sheet.cells)
    .filter(([, raw]) => typeof raw === 'string' && !raw.startsWith('=') && !KEYS.has(raw) && /[\u4e00-\u9fff]/.test(raw))
    .map(([addr, raw]) => `${addr} ${raw}`);
}

/** Numbers agree to 1e-9 relative; anything else exactly. */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

