/**
 * C_Ansoff (spec §6): the growth gap split into the four Ansoff quadrants. The initiative list is
 * built from the shape — per line with history a penetration initiative (① + ② of A_Market), a
 * high-value substitution (③, unless the line has no upgrade), and a market-development
 * initiative per region (④); per new line two launches (product development, first two regions)
 * and one diversification — and each line's opportunities are scaled by k_p so that Σ planned =
 * the line's growth and Σ quadrants = `GROWTH_GAP`. On the sample shape this is the spec's sheet
 * cell for cell.
 *
 * B_Target reads the initiatives' product, market and opportunity columns (C, D, H) from row 18
 * down: `ansoffLayout(shape).initiativeRows` gives their span.
 */
import type { RawContent } from '../../src/model/cell';
import type { NamedExpression, Sheet } from '../../src/model/notebook';
import { a1, abs, absCol, absRow, absSpan, inputKey, labeler, sampleAbPositions, UNIT_EN, type AbPositions } from './ansoffLinks';
import { ansoffKpis, ansoffView } from './ansoffView';
import { ANSOFF_NEUTRAL, ANSOFF_PARAMS, ANSOFF_SAMPLE, SAMPLE_UPGRADES } from './ansoffSample';
import { planProducts, type ClientShape } from './shape';
import { emptyPart, type GeneratorContext, type InputRule, type PlanPart, type SheetGenerator } from './types';

export const ANSOFF_SHEET = 'C_Ansoff';

export const ansoffInputKey = (rowItem: string, colItem: string) => inputKey(ANSOFF_SHEET, rowItem, colItem);

export type InitiativeKind = 'penetration' | 'substitution' | 'development' | 'launch' | 'diversification';

export interface Initiative {
  /** Name of the initiative in input keys: `P1|penetration`, `P2|华东 East|development`, `P4|launch1`. */
  key: string;
  kind: InitiativeKind;
  line: string;
  /** Index among the lines with history (A_Market's column), for the kinds that read A_Market. */
  existingIndex: number;
  /** Region index: the market of a development initiative, the default market of a launch. */
  region: number;
}

export const NATIONAL = '全国 National';
const EXISTING = '现有 Existing';
const NEW = '新 New';
const QUADRANTS = [
  [EXISTING, EXISTING, '市场渗透 Market penetration', '低 Low', 1],
  [EXISTING, NEW, '市场开发 Market development', '中 Medium', 2],
  [NEW, EXISTING, '产品开发 Product development', '中 Medium', 2],
  [NEW, NEW, '多元化 Diversification', '高 High', 3],
] as const;

/** Whether a line with history gets a substitution initiative: not when it has no upgrade (the sample's P3). */
function hasSubstitution(line: string): boolean {
  return SAMPLE_UPGRADES[line] !== 0;
}

/** The initiatives of a plan, in sheet order. */
export function ansoffInitiatives(shape: ClientShape): Initiative[] {
  const products = planProducts(shape);
  const existing = products.filter((p) => !p.isNew).map((p) => p.name);
  const fresh = products.filter((p) => p.isNew).map((p) => p.name);
  const R = shape.regions.length;
  const out: Initiative[] = [];
  existing.forEach((line, e) => out.push({ key: `${line}|penetration`, kind: 'penetration', line, existingIndex: e, region: -1 }));
  existing.forEach((line, e) => {
    if (hasSubstitution(line)) out.push({ key: `${line}|substitution`, kind: 'substitution', line, existingIndex: e, region: -1 });
  });
  existing.forEach((line, e) =>
    shape.regions.forEach((region, r) => out.push({ key: `${line}|${region}|development`, kind: 'development', line, existingIndex: e, region: r })),
  );
  fresh.forEach((line) => {
    for (let s = 0; s < Math.min(2, R); s++) out.push({ key: `${line}|launch${s + 1}`, kind: 'launch', line, existingIndex: -1, region: s });
    out.push({ key: `${line}|diversification`, kind: 'diversification', line, existingIndex: -1, region: 0 });
  });
  return out;
}

/** Where the blocks of C_Ansoff sit for a shape (0-based rows). */
export function ansoffLayout(shape: ClientShape) {
  const n = ansoffInitiatives(shape).length;
  const P = planProducts(shape).length;
  const R = shape.regions.length;
  const initiativeRows = { first: 17, last: 17 + n - 1 };
  const totalRow = initiativeRows.last + 1;
  const productRows = { first: totalRow + 4, last: totalRow + 3 + P };
  const scaleTotalRow = productRows.last + 1;
  const gridRow = scaleTotalRow + 4; // existing products; new products one below
  const quadRows = { first: scaleTotalRow + 9, last: scaleTotalRow + 12 };
  const quadTotalRow = scaleTotalRow + 13;
  const pivotHeaderRow = scaleTotalRow + 18;
  const pivotRows = { first: pivotHeaderRow + 1, last: pivotHeaderRow + P };
  const marketHeaderRow = pivotRows.last + 3;
  const marketRows = { first: marketHeaderRow + 1, last: marketHeaderRow + 1 + R }; // National, then the regions
  return {
    gapRow: 3,
    quadrantRows: { first: 10, last: 13 },
    initiativeRows,
    totalRow,
    productRows,
    scaleTotalRow,
    gridRow,
    quadRows,
    quadTotalRow,
    pivotHeaderRow,
    pivotRows,
    marketHeaderRow,
    marketRows,
    /** Columns B_Target reads: product, market, opportunity (and the cost column D_Expense reads). */
    cols: { product: 2, market: 3, quadrant: 6, opportunity: 7, planned: 9, cost: 10, riskAdj: 12 },
  };
}

export type AnsoffLayout = ReturnType<typeof ansoffLayout>;

const MONEY = '#,##0.00';
const PCT = '0.0%';
const RATIO = '0.000';

export function makeAnsoffGenerator(positions: (shape: ClientShape) => AbPositions): SheetGenerator {
  return {
    sheets: [ANSOFF_SHEET],
    generate(ctx: GeneratorContext): PlanPart {
      const { shape } = ctx;
      const { market: M, target: T } = positions(shape);
      const L = ansoffLayout(shape);
      const inits = ansoffInitiatives(shape);
      const products = planProducts(shape).map((p) => p.name);
      const cells: Record<string, RawContent> = {};
      const formats: Record<string, string> = {};
      const set = (col: number, row: number, v: RawContent, fmt?: string) => {
        cells[a1(col, row)] = v;
        if (fmt) formats[a1(col, row)] = fmt;
      };
      const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
      const lb = labeler(shape.language);
      const { t, z } = lb;
      const pair = (row: number, zh: string, e: string) => {
        const [A, B] = lb.pair(zh, e);
        set(0, row, A);
        if (B !== undefined) set(1, row, B);
      };
      const fy0 = `FY${shape.fiscalYear - 1}`;
      const I0 = L.initiativeRows.first;
      const I1 = L.initiativeRows.last;
      const span = (col: number) => absSpan(col, I0, I1);

      set(0, 0, lb.en ? `Ansoff Growth Grid (${UNIT_EN[shape.unit]})` : `安索夫矩阵 Ansoff Growth Grid（单位：${shape.unit}）`);
      pair(2, '参数', 'Parameters');
      pair(3, `增长缺口 = 年度目标 − ${fy0}`, 'Growth gap');
      set(2, 3, '=TARGET_TOTAL-BASE_TOTAL', MONEY);
      pair(4, '老产品老市场占比下限', 'Core share floor');
      set(2, 4, input(ansoffInputKey('core_share', 'floor'), ANSOFF_PARAMS.coreFloor), PCT);
      pair(5, '老产品老市场占比上限', 'Core share ceiling');
      set(2, 5, input(ansoffInputKey('core_share', 'ceiling'), ANSOFF_PARAMS.coreCeiling), PCT);

      [t('产品', 'Product'), t('市场', 'Market'), t('象限', 'Quadrant'), t('风险等级', 'Risk'), t('风险分', 'Score'), t('键', 'Key')].forEach((h, c) => set(c, 9, h));
      QUADRANTS.forEach(([ps, ms, q, risk, score], i) => {
        const row = 10 + i;
        set(0, row, ps);
        set(1, row, ms);
        set(2, row, q);
        set(3, row, risk);
        set(4, row, score, '#,##0');
        set(5, row, `=${a1(0, row)}&"|"&${a1(1, row)}`);
      });

      pair(15, '增长举措清单', 'Initiative list');
      const head = ['ID', t('举措', 'Initiative'), t('产品', 'Product'), t('市场', 'Market'), z('产品状态', 'Product status'), z('市场状态', 'Market status'), t('象限', 'Quadrant'), t('机会收入', 'Opportunity'), 'k', t('计划贡献', 'Planned'), t('费用', 'Cost'), t('成功概率', 'P(success)'), t('风险调整', 'Risk-adj'), t('费用收入比', 'Cost/Rev'), t('风险', 'Risk')];
      head.forEach((h, c) => set(c, 16, h));

      const rules: InputRule[] = [];
      const S = ANSOFF_SHEET;
      inits.forEach((init, i) => {
        const row = I0 + i;
        const r = (c: number) => a1(c, row);
        const sample = ANSOFF_SAMPLE[init.key] ?? {};
        const key = (col: string) => ansoffInputKey(init.key, col);
        const neutral = ANSOFF_NEUTRAL[init.kind] as Partial<Record<'cost' | 'probability' | 'opportunity', number>>;
        const mc = init.existingIndex >= 0 ? M.lineCol(init.existingIndex) : -1;
        const region = init.region >= 0 ? shape.regions[init.region] : NATIONAL;
        const [productStatus, marketStatus] = {
          penetration: [EXISTING, EXISTING],
          substitution: [NEW, EXISTING],
          development: [EXISTING, NEW],
          launch: [NEW, EXISTING],
          diversification: [NEW, NEW],
        }[init.kind];
        set(0, row, `A${String(i + 1).padStart(2, '0')}`);
        set(1, row, input(key('label'), sample.label ?? defaultLabel(init, region, lb.en)));
        set(2, row, init.line);
        const typedMarket = init.kind === 'launch' || init.kind === 'diversification';
        // A launch's market is a region of this plan: one that a regrow removed (typed or the
        // sample's) falls back to the default, so its cost and opportunity stay counted.
        const inPlan = (m: RawContent | undefined) => typeof m === 'string' && (m === NATIONAL || shape.regions.some((x) => x.toLowerCase() === m.toLowerCase()));
        const market = [ctx.inputs[key('market')], sample.market].find(inPlan) ?? region;
        set(3, row, typedMarket ? market : region);
        if (typedMarket) rules.push({ ref: `${S}!${r(3)}`, kind: 'text' });
        set(4, row, input(key('productStatus'), productStatus));
        set(5, row, input(key('marketStatus'), marketStatus));
        set(6, row, `=INDEX($C$11:$C$14,MATCH(${r(4)}&"|"&${r(5)},$F$11:$F$14,0))`);
        const A = (c: number, rr: number) => `A_Market!${a1(c, rr)}`;
        const Ar = (c: number, rr: number) => `A_Market!${absRow(c, rr)}`;
        if (init.kind === 'penetration') set(7, row, `=${A(mc, M.volumeRow)}+${A(mc, M.shareGainRow)}`, MONEY);
        else if (init.kind === 'substitution') set(7, row, `=${A(mc, M.substitutionRow)}`, MONEY);
        else if (init.kind === 'development') {
          const nh = A(mc, M.newHospitalRow(init.region));
          set(7, row, `=${nh}*${Ar(mc, M.arpaRow)}*${Ar(mc, M.rampRow)}`, MONEY);
        } else {
          set(7, row, input(key('opportunity'), sample.opportunity ?? neutral.opportunity ?? 0), MONEY);
          rules.push({ ref: `${S}!${r(7)}`, kind: 'number', min: 0 });
        }
        set(8, row, `=INDEX(${absSpan(3, L.productRows.first, L.productRows.last)},MATCH(${r(2)},${absSpan(0, L.productRows.first, L.productRows.last)},0))`, RATIO);
        set(9, row, `=${r(7)}*${r(8)}`, MONEY);
        if (init.kind === 'development') set(10, row, `=${A(mc, M.newHospitalRow(init.region))}*${Ar(mc, M.devCostRow)}`, MONEY);
        else {
          set(10, row, input(key('cost'), sample.cost ?? neutral.cost ?? 0), MONEY);
          rules.push({ ref: `${S}!${r(10)}`, kind: 'number', min: 0 });
        }
        set(11, row, input(key('probability'), sample.probability ?? neutral.probability ?? 0.5), PCT);
        set(12, row, `=${r(9)}*${r(11)}`, MONEY);
        set(13, row, `=IF(${r(9)}=0,0,${r(10)}/${r(9)})`, PCT);
        set(14, row, `=INDEX($D$11:$D$14,MATCH(${r(6)},$C$11:$C$14,0))`);
      });
      rules.push(
        { ref: `${S}!C5:C6`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${a1(1, I0)}:${a1(1, I1)}`, kind: 'text' },
        { ref: `${S}!${a1(4, I0)}:${a1(5, I1)}`, kind: 'text' },
        { ref: `${S}!${a1(11, I0)}:${a1(11, I1)}`, kind: 'percent', min: 0, max: 1 },
      );

      const tr = L.totalRow;
      pair(tr, '合计', 'Total');
      for (const c of [7, 9, 10, 12]) set(c, tr, `=SUM(${a1(c, I0)}:${a1(c, I1)})`, MONEY);
      set(13, tr, `=${a1(10, tr)}/${a1(9, tr)}`, PCT);

      // Scale factor per line: k_p = (T_p − R0_p) ÷ Σ opportunities_p.
      pair(tr + 2, '缩放系数 k = 目标增长 ÷ 已识别机会', 'Scale factor per product');
      [t('产品', 'Product'), t('目标增长', 'Target growth'), t('已识别机会', 'Identified'), 'k', t('检查', 'Check')].forEach((h, c) => set(c, tr + 3, h));
      const P0 = L.productRows.first;
      const P1 = L.productRows.last;
      products.forEach((line, k) => {
        const row = P0 + k;
        const bc = T.productCol(k);
        set(0, row, line);
        set(1, row, `=B_Target!${a1(bc, T.targetRow)}-B_Target!${a1(bc, T.baseRow)}`, MONEY);
        set(2, row, `=SUMIF(${span(2)},${a1(0, row)},${span(7)})`, MONEY);
        set(3, row, `=IF(${a1(2, row)}=0,1,${a1(1, row)}/${a1(2, row)})`, RATIO);
        set(4, row, `=IF(${a1(3, row)}<=1,"OK","⚠ 目标超出已识别来源 target > sources")`);
      });
      const st = L.scaleTotalRow;
      set(0, st, z('合计', 'Total'));
      set(1, st, `=SUM(${a1(1, P0)}:${a1(1, P1)})`, MONEY);
      set(2, st, `=SUM(${a1(2, P0)}:${a1(2, P1)})`, MONEY);
      set(3, st, `=${a1(1, st)}/${a1(2, st)}`, RATIO);

      // 2×2 grid of planned contributions.
      const planned = `${span(9)},${span(6)}`;
      pair(st + 2, '安索夫矩阵（计划贡献）', 'Ansoff grid (planned contribution)');
      set(1, st + 3, t('现有市场', 'Existing market'));
      set(2, st + 3, t('新市场', 'New market'));
      const g = L.gridRow;
      set(0, g, t('现有产品', 'Existing product'));
      set(1, g, `=SUMIFS(${planned},$C$11)`, MONEY);
      set(2, g, `=SUMIFS(${planned},$C$12)`, MONEY);
      set(0, g + 1, t('新产品', 'New product'));
      set(1, g + 1, `=SUMIFS(${planned},$C$13)`, MONEY);
      set(2, g + 1, `=SUMIFS(${planned},$C$14)`, MONEY);
      set(0, g + 2, z('合计（=增长缺口）', 'Total (= growth gap)'));
      set(1, g + 2, `=SUM(${a1(1, g)}:${a1(2, g + 1)})`, MONEY);
      set(2, g + 2, `=IF(ABS(${a1(1, g + 2)}-GROWTH_GAP)<0.01,"OK","ERR")`);

      // Quadrant table.
      const qh = L.quadRows.first - 1;
      [t('象限', 'Quadrant'), t('计划贡献', 'Planned'), t('占缺口', '% of gap'), t('费用', 'Cost'), t('风险调整收入', 'Risk-adj'), t('费用收入比', 'Cost/Rev'), t('加权成功率', 'Wtd P'), t('风险', 'Risk')].forEach((h, c) => set(c, qh, h));
      for (let q = 0; q < 4; q++) {
        const row = L.quadRows.first + q;
        const r = (c: number) => a1(c, row);
        set(0, row, `=C${11 + q}`);
        set(1, row, `=SUMIFS(${span(9)},${span(6)},${r(0)})`, MONEY);
        set(2, row, `=${r(1)}/GROWTH_GAP`, PCT);
        set(3, row, `=SUMIFS(${span(10)},${span(6)},${r(0)})`, MONEY);
        set(4, row, `=SUMIFS(${span(12)},${span(6)},${r(0)})`, MONEY);
        set(5, row, `=IF(${r(1)}=0,0,${r(3)}/${r(1)})`, PCT);
        set(6, row, `=IF(${r(1)}=0,0,${r(4)}/${r(1)})`, PCT);
        set(7, row, `=D${11 + q}`);
      }
      const qt = L.quadTotalRow;
      const q0 = L.quadRows.first;
      const q1 = L.quadRows.last;
      set(0, qt, z('合计', 'Total'));
      set(1, qt, `=SUM(${a1(1, q0)}:${a1(1, q1)})`, MONEY);
      set(2, qt, `=SUM(${a1(2, q0)}:${a1(2, q1)})`, PCT);
      set(3, qt, `=SUM(${a1(3, q0)}:${a1(3, q1)})`, MONEY);
      set(4, qt, `=SUM(${a1(4, q0)}:${a1(4, q1)})`, MONEY);
      set(5, qt, `=${a1(3, qt)}/${a1(1, qt)}`, PCT);
      set(6, qt, `=${a1(4, qt)}/${a1(1, qt)}`, PCT);
      const F = (q: number) => a1(5, q0 + q);
      pair(qt + 1, '费用递增检查（渗透最低、多元化最高）', 'Cost-intensity order check');
      set(5, qt + 1, `=IF(AND(${F(0)}<=MIN(${F(1)},${F(2)}),${F(3)}>=MAX(${F(1)},${F(2)})),"OK","⚠ 费用结构异常 check costs")`);
      pair(qt + 2, '老产品老市场占比', `Core share = (${fy0} + penetration)/target`);
      set(2, qt + 2, `=(BASE_TOTAL+${a1(1, g)})/TARGET_TOTAL`, PCT);
      pair(qt + 3, '检查 80%–95%', 'Check');
      set(2, qt + 3, `=IF(AND(${a1(2, qt + 2)}>=C5,${a1(2, qt + 2)}<=C6),"OK","⚠")`);

      // Product × quadrant pivot.
      const ph = L.pivotHeaderRow;
      set(0, ph, t('产品', 'Product'));
      for (let q = 0; q < 4; q++) set(1 + q, ph, `=C${11 + q}`);
      set(5, ph, t('合计', 'Total'));
      set(6, ph, t('检查', 'Check'));
      products.forEach((line, k) => {
        const row = L.pivotRows.first + k;
        set(0, row, line);
        for (let q = 0; q < 4; q++) set(1 + q, row, `=SUMIFS(${span(9)},${span(2)},${absCol(0, row)},${span(6)},${absRow(1 + q, ph)})`, MONEY);
        set(5, row, `=SUM(${a1(1, row)}:${a1(4, row)})`, MONEY);
        set(6, row, `=IF(ABS(${a1(5, row)}-${a1(1, P0 + k)})<0.01,"OK","ERR")`);
      });
      const pt = L.pivotRows.last + 1;
      set(0, pt, z('合计', 'Total'));
      for (let c = 1; c <= 5; c++) set(c, pt, `=SUM(${a1(c, L.pivotRows.first)}:${a1(c, L.pivotRows.last)})`, MONEY);

      // Market × quadrant pivot: National, then the regions.
      const mh = L.marketHeaderRow;
      set(0, mh, t('市场', 'Market'));
      for (let q = 0; q < 4; q++) set(1 + q, mh, `=C${11 + q}`);
      set(5, mh, t('合计', 'Total'));
      set(6, mh, t('风险调整', 'Risk-adj'));
      set(7, mh, t('费用', 'Cost'));
      [NATIONAL, ...shape.regions].forEach((m, i) => {
        const row = L.marketRows.first + i;
        set(0, row, m);
        for (let q = 0; q < 4; q++) set(1 + q, row, `=SUMIFS(${span(9)},${span(3)},${absCol(0, row)},${span(6)},${absRow(1 + q, mh)})`, MONEY);
        set(5, row, `=SUM(${a1(1, row)}:${a1(4, row)})`, MONEY);
        set(6, row, `=SUMIF(${span(3)},${absCol(0, row)},${span(12)})`, MONEY);
        set(7, row, `=SUMIF(${span(3)},${absCol(0, row)},${span(10)})`, MONEY);
      });
      const mt = L.marketRows.last + 1;
      set(0, mt, z('合计', 'Total'));
      for (let c = 1; c <= 7; c++) set(c, mt, `=SUM(${a1(c, L.marketRows.first)}:${a1(c, L.marketRows.last)})`, MONEY);

      const sheet: Sheet = {
        id: 'sheet_c_ansoff',
        name: S,
        cells,
        formats,
        frozen: { rows: 1, cols: 2 },
        colWidths: { A: 250, B: 280, C: 180, D: 105, E: 157, F: 144, G: 131, H: 152, J: 124, L: 145, M: 131, N: 144 },
      };
      const names: NamedExpression[] = [
        { name: 'GROWTH_GAP', expression: `=${S}!${abs(2, L.gapRow)}` },
        { name: 'PROJECT_COST_TOTAL', expression: `=${S}!${abs(10, L.totalRow)}` },
      ];
      const part = emptyPart();
      part.sheets.push(sheet);
      part.names.push(...names);
      part.inputRules.push(...rules);
      part.layout.push(...ansoffView(shape, L));
      part.kpis.push(...ansoffKpis(L));
      return part;
    },
  };
}

function defaultLabel(init: Initiative, region: string, en: boolean): string {
  const t = (zh: string, e: string) => (en ? e : `${zh} ${e}`);
  switch (init.kind) {
    case 'penetration':
      return `${init.line} ${t('现有医院上量+抢份额', 'volume & share in covered accounts')}`;
    case 'substitution':
      return `${init.line} ${t('高值产品替代', 'high-value substitution')}`;
    case 'development':
      return `${init.line} ${t('新客户开发', 'new hospitals')} – ${region}`;
    case 'launch':
      return en ? `${init.line} launch – ${region} (sample)` : `${init.line} 新产品上市 – ${region} launch（示例 sample）`;
    case 'diversification':
      return en ? `${init.line} new channel – ${region} (sample)` : `${init.line} 新产品新渠道 – ${region} new channel（示例 sample）`;
  }
}

export const ansoffGenerator: SheetGenerator = makeAnsoffGenerator(sampleAbPositions);
