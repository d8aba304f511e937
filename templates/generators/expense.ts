/**
 * D_Expense (spec §7): cost rates per SKU group (the first line with history split into its
 * standard and high-value SKUs by A_Market's high-value share), the substitution margin, the
 * contribution-profit sensitivity, the expense envelope (`EXPENSE_TOTAL`) less the committed
 * lines (salaries — E_Bonus's, or with the staffing plan in the chain its personnel cost plus
 * E_Bonus's managers — bonus budget, C_Ansoff's projects), and the promotion pool
 * allocated per region × line; the expense by region and by line both add up to the envelope.
 * On the sample shape this is the spec's sheet cell for cell.
 */
import type { RawContent } from '../../src/model/cell';
import type { NamedExpression, Sheet } from '../../src/model/notebook';
import { ansoffLayout, NATIONAL } from './ansoff';
import { a1, abs, absSpan, inputKey, labeler, sampleAbPositions, UNIT_EN, type AbPositions } from './ansoffLinks';
import { bonusLayout } from './bonus';
import { EXPENSE_NEUTRAL, EXPENSE_PARAMS, EXPENSE_SAMPLE_SKUS, SENSITIVITY_DRIVERS } from './expenseSample';
import { planProducts, type ClientShape } from './shape';
import { expensePresets, expenseVocabulary, expenseView } from './expenseView';
import { emptyPart, type GeneratorContext, type InputRule, type PlanPart, type SheetGenerator } from './types';

export const EXPENSE_SHEET = 'D_Expense';

export const expenseInputKey = (rowItem: string, colItem: string) => inputKey(EXPENSE_SHEET, rowItem, colItem);

/** SKU groups: the first line with history as standard + high-value, then every line. */
export function expenseSkus(shape: Pick<ClientShape, 'products'>): { name: string; line: number; part?: 'standard' | 'highValue' }[] {
  const products = planProducts(shape);
  return products.flatMap((p, k) =>
    k === 0 && !p.isNew
      ? [
          { name: `${p.name}a`, line: k, part: 'standard' as const },
          { name: `${p.name}b`, line: k, part: 'highValue' as const },
        ]
      : [{ name: p.name, line: k }],
  );
}

/** Where the blocks of D_Expense sit for a shape (0-based rows). */
export function expenseLayout(shape: Pick<ClientShape, 'products' | 'regions'>) {
  const S = expenseSkus(shape).length;
  const P = planProducts(shape).length;
  const R = shape.regions.length;
  const skuRows = { first: 3, last: 3 + S - 1 };
  const t = skuRows.last + 1;
  const growthRows = { first: t + 43, last: t + 42 + R };
  const growthTotalRow = growthRows.last + 1;
  const keyRows = { first: growthTotalRow + 2, last: growthTotalRow + 1 + R };
  const keyTotalRow = keyRows.last + 1;
  const poolRows = { first: keyTotalRow + 2, last: keyTotalRow + 1 + R };
  const poolTotalRow = poolRows.last + 1;
  const regionRows = { first: poolTotalRow + 4, last: poolTotalRow + 3 + R }; // then National
  const regionTotalRow = regionRows.last + 2;
  const productRows = { first: regionTotalRow + 4, last: regionTotalRow + 3 + P };
  return {
    skuRows,
    skuTotalRow: t,
    substitutionRow: t + 3, // HV share FY-1; then plan, rate gap, ΔGP, extra share, ΔGP extra, uplifts
    sensitivityRow: t + 13, // revenue; then COGS, variable rate, fixed, profit, margin
    driverRows: { first: t + 20, last: t + 19 + SENSITIVITY_DRIVERS.length },
    /** Target, ratio, envelope (`EXPENSE_TOTAL`), salaries, bonus, projects, pool, check. */
    budgetRow: t + 30,
    envelopeRow: t + 32,
    weightRow: t + 40,
    allocTotalCol: 2 + P,
    growthRows,
    growthTotalRow,
    keyRows,
    keyTotalRow,
    poolRows,
    poolTotalRow,
    regionRows,
    nationalRow: regionRows.last + 1,
    regionTotalRow,
    productRows,
    sharedRow: productRows.last + 1,
    productTotalRow: productRows.last + 2,
  };
}

export type ExpenseLayout = ReturnType<typeof expenseLayout>;

const MONEY = '#,##0.00';
const PCT = '0.0%';

export function makeExpenseGenerator(positions: (shape: ClientShape) => AbPositions): SheetGenerator {
  return {
    sheets: [EXPENSE_SHEET],
    generate(ctx: GeneratorContext): PlanPart {
      const { shape } = ctx;
      const { market: M, target: T } = positions(shape);
      const L = expenseLayout(shape);
      const AL = ansoffLayout(shape);
      const BL = bonusLayout(shape);
      // With the staffing plan in the chain (issue 16), the reps' salaries are its personnel cost
      // (per region `REGION_COST`); the managers' stay E_Bonus's.
      const staffed = ctx.names.has('PERSONNEL_COST');
      const managerBase = `E_Bonus!${absSpan(BL.cols.managerBase, BL.managerRows.first, BL.managerRows.last)}`;
      const products = planProducts(shape).map((p) => p.name);
      const skus = expenseSkus(shape);
      const R = shape.regions.length;
      const cells: Record<string, RawContent> = {};
      const formats: Record<string, string> = {};
      const set = (col: number, row: number, v: RawContent, fmt?: string) => {
        cells[a1(col, row)] = v;
        if (fmt) formats[a1(col, row)] = fmt;
      };
      const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
      const lb = labeler(shape.language);
      const tl = lb.t;
      const pair = (row: number, zh: string, e: string) => {
        const [A, B] = lb.pair(zh, e);
        set(0, row, A);
        if (B !== undefined) set(1, row, B);
      };
      const S = EXPENSE_SHEET;
      const fy = shape.fiscalYear;
      const Bt = (col: number, row: number) => `B_Target!${a1(col, row)}`;
      const target = (k: number) => Bt(T.productCol(k), T.targetRow);
      const C = (row: number) => a1(2, row);

      set(0, 0, lb.en ? `Expense Structure (${UNIT_EN[shape.unit]})` : `费用结构分析 Expense Structure（单位：${shape.unit}）`);

      // Part 1: revenue, cost rate and margin per SKU group.
      [tl('产品组', 'SKU group'), tl('说明', 'Description'), lb.en ? `FY${fy} revenue` : `FY${fy} 收入 Revenue`, tl('成本率', 'Cost rate'), tl('销售成本', 'COGS'), tl('毛利', 'GP'), tl('毛利率', 'GM%'), tl('成本率排名', 'Rank (1=highest)')].forEach((h, c) =>
        set(c, 2, h),
      );
      const s0 = L.skuRows.first;
      const s1 = L.skuRows.last;
      const hvPlan = `A_Market!${a1(M.lineCol(0), M.hvSharePlanRow)}`;
      skus.forEach((sku, i) => {
        const row = s0 + i;
        const r = (c: number) => a1(c, row);
        const sample = EXPENSE_SAMPLE_SKUS[sku.name];
        const neutral = EXPENSE_NEUTRAL[sku.part ?? 'line'];
        set(0, row, sku.name);
        set(1, row, input(expenseInputKey(sku.name, 'description'), sample?.description ?? neutral.description(products[sku.line], lb.en)));
        const revenue = sku.part === 'standard' ? `=${target(sku.line)}*(1-${hvPlan})` : sku.part === 'highValue' ? `=${target(sku.line)}*${hvPlan}` : `=${target(sku.line)}`;
        set(2, row, revenue, MONEY);
        set(3, row, input(expenseInputKey(sku.name, 'costRate'), sample?.costRate ?? neutral.costRate), PCT);
        set(4, row, `=${r(2)}*${r(3)}`, MONEY);
        set(5, row, `=${r(2)}-${r(4)}`, MONEY);
        set(6, row, `=IF(${r(2)}=0,0,${r(5)}/${r(2)})`, PCT);
        set(7, row, `=COUNTIF(${absSpan(3, s0, s1)},">"&${r(3)})+1`, '#,##0');
      });
      const t = L.skuTotalRow;
      const sum = (c: number, first: number, last: number) => `=SUM(${a1(c, first)}:${a1(c, last)})`;
      pair(t, '合计', 'Total');
      set(2, t, sum(2, s0, s1), MONEY);
      set(3, t, `=${a1(4, t)}/${a1(2, t)}`, PCT);
      set(4, t, sum(4, s0, s1), MONEY);
      set(5, t, sum(5, s0, s1), MONEY);
      set(6, t, `=${a1(5, t)}/${a1(2, t)}`, PCT);
      set(7, t, `=IF(ABS(${a1(2, t)}-TARGET_TOTAL)<0.01,"OK","ERR")`);

      // Substitution of the high-cost-rate SKU (the first line's standard → high-value).
      const u = L.substitutionRow;
      const lead = target(0);
      pair(u - 1, '高成本率产品替代', 'Substitution of high-cost-rate products');
      const substitution: [string, string, RawContent, string][] = [
        ['基期高值占比', `HV share FY${fy - 1}`, `=A_Market!${a1(M.lineCol(0), M.hvShareBaseRow)}`, PCT],
        ['计划高值占比', `HV share FY${fy} plan`, `=${hvPlan}`, PCT],
        ['成本率差', 'Cost-rate gap (standard − HV)', `=${a1(3, s0)}-${a1(3, s0 + 1)}`, PCT],
        ['计划替代毛利增量', 'ΔGP from planned substitution', `=${lead}*(${C(u + 1)}-${C(u)})*${C(u + 2)}`, MONEY],
        ['额外替代比例（输入）', 'Extra substitution share (input)', input(expenseInputKey('extra_substitution', 'value'), EXPENSE_PARAMS.extraSubstitution), PCT],
        ['额外替代毛利增量', 'ΔGP from extra substitution', `=${lead}*${C(u + 4)}*${C(u + 2)}`, MONEY],
        ['公司毛利率提升（计划）', 'Company GM uplift – planned', `=${C(u + 3)}/${C(t)}`, PCT],
        ['公司毛利率提升（额外）', 'Company GM uplift – extra', `=${C(u + 5)}/${C(t)}`, PCT],
      ];
      substitution.forEach(([zh, en, v, fmt], i) => {
        pair(u + i, zh, en);
        set(2, u + i, v, fmt);
      });

      // Part 2: sensitivity of the contribution profit.
      const v = L.sensitivityRow;
      const b = L.budgetRow; // target; ratio b+1, envelope b+2, salaries b+3, bonus b+4, projects b+5, pool b+6
      pair(v - 1, '敏感性分析（销售贡献利润）', 'Sensitivity (sales contribution profit)');
      const base: [string, string, string, string][] = [
        ['收入', 'Revenue', `=${C(t)}`, MONEY],
        ['销售成本', 'COGS', `=${a1(4, t)}`, MONEY],
        ['变动费用率', 'Variable expense rate (pool+bonus)/revenue', `=(${C(b + 6)}+${C(b + 4)})/${C(b)}`, PCT],
        ['固定费用', 'Fixed expense (salaries + projects)', `=${C(b + 3)}+${C(b + 5)}`, MONEY],
        ['销售贡献利润', 'Contribution profit', `=${C(v)}-${C(v + 1)}-${C(v + 2)}*${C(v)}-${C(v + 3)}`, MONEY],
        ['贡献利润率', 'Contribution margin', `=${C(v + 4)}/${C(v)}`, PCT],
      ];
      base.forEach(([zh, en, f, fmt], i) => {
        pair(v + i, zh, en);
        set(2, v + i, f, fmt);
      });
      [tl('驱动因素', 'Driver'), tl('±幅度', 'Δ'), tl('利润@(1−Δ)', 'Profit@low'), tl('利润@(1+Δ)', 'Profit@high'), tl('摆幅', 'Swing'), tl('敏感系数', 'Coefficient'), tl('排名', 'Rank'), tl('敏感因素', '|coef|>1')].forEach((h, c) =>
        set(c, v + 6, h),
      );
      const [rev, cogs, vr, fixed, profit] = [0, 1, 2, 3, 4].map((i) => abs(2, v + i));
      const d0 = L.driverRows.first;
      const d1 = L.driverRows.last;
      SENSITIVITY_DRIVERS.forEach((drv, i) => {
        const row = d0 + i;
        const r = (c: number) => a1(c, row);
        const D = r(1);
        const at = (sign: '-' | '+') => {
          const m = `(1${sign}${D})`;
          switch (drv.id) {
            case 'price':
              return `=${rev}*${m}-${cogs}-${vr}*${rev}*${m}-${fixed}`;
            case 'volume':
              return `=(${rev}-${cogs}-${vr}*${rev})*${m}-${fixed}`;
            case 'unitCost':
              return `=${rev}-${cogs}*${m}-${vr}*${rev}-${fixed}`;
            case 'variableRate':
              return `=${rev}-${cogs}-${vr}*${m}*${rev}-${fixed}`;
            case 'fixed':
              return `=${rev}-${cogs}-${vr}*${rev}-${fixed}*${m}`;
            case 'mix':
              return `=${profit}${sign}B_Target!${abs(T.productCol(0), T.targetRow)}*${D}*${abs(2, u + 2)}`;
          }
        };
        set(0, row, tl(drv.label[0], drv.label[1]));
        set(1, row, input(expenseInputKey(drv.id, 'delta'), drv.delta), PCT);
        set(2, row, at('-'), MONEY);
        set(3, row, at('+'), MONEY);
        set(4, row, `=ABS(${r(3)}-${r(2)})`, MONEY);
        if (drv.id !== 'mix') set(5, row, `=(${r(3)}-${profit})/${profit}/${r(1)}`, '0.000');
        set(6, row, `=COUNTIF(${absSpan(4, d0, d1)},">"&${r(4)})+1`, '#,##0');
        if (drv.id !== 'mix') set(7, row, `=IF(ABS(${r(5)})>1,"敏感 Sensitive","")`);
      });

      // Part 3: the envelope and the committed lines.
      pair(b - 2, '费用预算与分配', 'Expense budget & allocation');
      const budget: [string, string, RawContent, string][] = [
        ['年度目标', 'Target revenue', '=TARGET_TOTAL', MONEY],
        ['销售费用率（输入）', 'Sales expense ratio (input)', input(expenseInputKey('expense_ratio', 'value'), EXPENSE_PARAMS.expenseRatio), PCT],
        ['费用总额', 'Expense envelope', `=${C(b)}*${C(b + 1)}`, MONEY],
        staffed
          ? ['人员底薪（经理来自E + 人员计划F）', 'Base salaries (managers from E + staffing plan F)', `=SUM(${managerBase})+PERSONNEL_COST`, MONEY]
          : ['人员底薪（来自E）', 'Base salaries (from E)', '=BASE_SALARY_TOTAL', MONEY],
        ['奖金预算（来自E）', 'Bonus budget (from E)', '=BONUS_BUDGET', MONEY],
        ['项目费用（来自C）', 'Project costs (from C)', '=PROJECT_COST_TOTAL', MONEY],
        ['日常推广池', 'Discretionary promotion pool', `=${C(b + 2)}-${C(b + 3)}-${C(b + 4)}-${C(b + 5)}`, MONEY],
        ['检查', 'Check', `=IF(${C(b + 6)}>=0,"OK","⚠ 超出费用包络 over envelope")`, ''],
      ];
      budget.forEach(([zh, en, f, fmt], i) => {
        pair(b + i, zh, en);
        set(2, b + i, f, fmt || undefined);
      });

      // Pool allocation key per region × line: w1 × target share + w2 × growth share.
      const w = L.weightRow;
      const G = L.allocTotalCol;
      pair(w - 1, '分配键 = w1×目标占比 + w2×增量占比', 'Allocation key');
      pair(w, '目标占比权重 w1', 'Weight on target share');
      set(2, w, input(expenseInputKey('weight_target', 'value'), EXPENSE_PARAMS.weightTarget), PCT);
      pair(w + 1, '增量占比权重 w2', 'Weight on growth share');
      set(2, w + 1, `=1-${C(w)}`, PCT);
      set(0, w + 2, tl('区域', 'Region'));
      set(1, w + 2, lb.en ? `Growth ΔF = MAX(0, final − FY${fy - 1})` : `增量 ΔF = MAX(0, 最终目标−FY${fy - 1})`);
      products.forEach((p, k) => set(2 + k, w + 2, p));
      set(G, w + 2, tl('合计', 'Total'));
      const block = (rows: { first: number; last: number }, b2: string, cell: (r: number, k: number, row: number) => string, fmt: string) =>
        shape.regions.forEach((region, r) => {
          const row = rows.first + r;
          set(0, row, region);
          set(1, row, b2);
          products.forEach((_p, k) => set(2 + k, row, cell(r, k, row), fmt));
          set(G, row, `=SUM(${a1(2, row)}:${a1(G - 1, row)})`, fmt);
        });
      const totals = (row: number, zh: string, en: string, rows: { first: number; last: number }, fmt: string) => {
        pair(row, zh, en);
        for (let c = 2; c <= G; c++) set(c, row, sum(c, rows.first, rows.last), fmt);
      };
      block(L.growthRows, 'Growth', (r, k) => `=MAX(0,${Bt(T.productCol(k), T.finalRow(r))}-${Bt(T.productCol(k), T.historyRow(r))})`, MONEY);
      totals(L.growthTotalRow, '增量合计', 'Growth total', L.growthRows, MONEY);
      pair(L.keyRows.first - 1, '分配键', 'Key');
      const growthTotal = abs(G, L.growthTotalRow);
      const finalTotal = `B_Target!${abs(T.totalCol, T.finalTotalRow)}`;
      block(
        L.keyRows,
        'Key',
        // With no growth anywhere (a declining business) the growth share falls back to the target share, so the key still sums to 1.
        (r, k) => {
          const share = `${Bt(T.productCol(k), T.finalRow(r))}/${finalTotal}`;
          return `=${abs(2, w)}*${share}+${abs(2, w + 1)}*IF(${growthTotal}=0,${share},${a1(2 + k, L.growthRows.first + r)}/${growthTotal})`;
        },
        PCT,
      );
      totals(L.keyTotalRow, '分配键合计（=1）', 'Key total', L.keyRows, PCT);
      pair(L.poolRows.first - 1, '推广池分配', 'Pool allocation');
      block(L.poolRows, 'Pool', (r, k) => `=${abs(2, b + 6)}*${a1(2 + k, L.keyRows.first + r)}`, MONEY);
      totals(L.poolTotalRow, '推广池合计', 'Pool total', L.poolRows, MONEY);

      // Expense by region: pool + projects + salaries + bonus (by TI share); National holds national projects.
      const x0 = L.regionRows.first;
      pair(x0 - 2, '区域费用汇总', 'Expense by region');
      set(0, x0 - 1, tl('区域', 'Region'));
      [tl('推广池', 'Pool'), tl('项目', 'Projects'), tl('底薪', 'Salaries'), tl('奖金', 'Bonus'), tl('合计', 'Total'), tl('最终目标', 'Target'), tl('费用率', 'Ratio')].forEach((h, c) => set(2 + c, x0 - 1, h));
      const ci = AL.initiativeRows;
      const ansoff = (col: number) => `C_Ansoff!${absSpan(col, ci.first, ci.last)}`;
      const reps = (col: number) => `E_Bonus!${absSpan(col, BL.repRows.first, BL.repRows.last)}`;
      const mgrs = (col: number) => `E_Bonus!${absSpan(col, BL.managerRows.first, BL.managerRows.last)}`;
      const finals = `B_Target!${absSpan(T.totalCol, T.finalRow(0), T.finalRow(R - 1))}`;
      const finalNames = `B_Target!${absSpan(T.regionNameCol, T.finalRow(0), T.finalRow(R - 1))}`;
      const projects = (row: number) => `=SUMIF(${ansoff(AL.cols.market)},${a1(0, row)},${ansoff(AL.cols.cost)})`;
      const bc = BL.cols;
      const tiTotal = `E_Bonus!${abs(2, BL.tiTotalRow)}`;
      const noVariablePay = shape.levels.every((l) => l.ote - l.base === 0);
      shape.regions.forEach((region, r) => {
        const row = x0 + r;
        const A = a1(0, row);
        set(0, row, region);
        set(2, row, `=${a1(G, L.poolRows.first + r)}`, MONEY);
        set(3, row, projects(row), MONEY);
        const managers = `SUMIF(${mgrs(bc.managerRegion)},${A},${mgrs(bc.managerBase)})`;
        set(4, row, staffed ? `=${managers}+SUMIF(REGION_NAME,${A},REGION_COST)` : `=SUMIF(${reps(bc.repRegion)},${A},${reps(bc.repBase)})+${managers}`, MONEY);
        const bonusShare = `BONUS_BUDGET*(SUMIF(${reps(bc.repRegion)},${A},${reps(bc.repTi)})+SUMIF(${mgrs(bc.managerRegion)},${A},${mgrs(bc.managerTi)}))/${tiTotal}`;
        // No level with variable pay: the bonus budget is shared by the regions' targets (guarded
        // only then, the sample keeps its formula).
        set(5, row, noVariablePay ? `=IF(${tiTotal}=0,BONUS_BUDGET*${a1(7, row)}/TARGET_TOTAL,${bonusShare})` : `=${bonusShare}`, MONEY);
        set(6, row, `=SUM(${a1(2, row)}:${a1(5, row)})`, MONEY);
        set(7, row, `=INDEX(${finals},MATCH(${A},${finalNames},0))`, MONEY);
        set(8, row, `=${a1(6, row)}/${a1(7, row)}`, PCT);
      });
      const nr = L.nationalRow;
      set(0, nr, NATIONAL);
      set(2, nr, 0, MONEY);
      set(3, nr, projects(nr), MONEY);
      set(4, nr, 0, MONEY);
      set(5, nr, 0, MONEY);
      set(6, nr, `=SUM(${a1(2, nr)}:${a1(5, nr)})`, MONEY);
      const xt = L.regionTotalRow;
      pair(xt, '合计', 'Total');
      for (let c = 2; c <= 6; c++) set(c, xt, sum(c, x0, nr), MONEY);
      set(7, xt, '=TARGET_TOTAL', MONEY);
      set(8, xt, `=${a1(6, xt)}/${a1(7, xt)}`, PCT);
      set(9, xt, `=IF(ABS(${a1(6, xt)}-${C(b + 2)})<0.01,"OK","ERR")`);

      // Expense by line: pool + projects; salaries and bonus shared.
      const p0 = L.productRows.first;
      pair(p0 - 2, '产品费用汇总', 'Expense by product');
      set(0, p0 - 1, tl('产品', 'Product'));
      [tl('推广池', 'Pool'), tl('项目', 'Projects'), tl('合计', 'Total'), tl('年度目标', 'Target'), tl('费用率', 'Ratio')].forEach((h, c) => set(2 + c, p0 - 1, h));
      products.forEach((p, k) => {
        const row = p0 + k;
        set(0, row, p);
        set(2, row, `=${a1(2 + k, L.poolTotalRow)}`, MONEY);
        set(3, row, `=SUMIF(${ansoff(AL.cols.product)},${a1(0, row)},${ansoff(AL.cols.cost)})`, MONEY);
        set(4, row, `=${a1(2, row)}+${a1(3, row)}`, MONEY);
        set(5, row, `=${target(k)}`, MONEY);
        set(6, row, `=${a1(4, row)}/${a1(5, row)}`, PCT);
      });
      const sr = L.sharedRow;
      pair(sr, '共享（底薪+奖金）', 'Shared (salaries + bonus)');
      set(4, sr, `=${C(b + 3)}+${C(b + 4)}`, MONEY);
      const pt = L.productTotalRow;
      pair(pt, '合计', 'Total');
      set(4, pt, sum(4, p0, sr), MONEY);
      set(5, pt, sum(5, p0, L.productRows.last), MONEY);
      set(6, pt, `=IF(ABS(${a1(4, pt)}-${C(b + 2)})<0.01,"OK","ERR")`);

      const sheet: Sheet = {
        id: 'sheet_d_expense',
        name: S,
        cells,
        formats,
        frozen: { rows: 1, cols: 2 },
        colWidths: { A: 243, B: 280, C: 161, D: 168, E: 105, F: 152, G: 97, H: 180, I: 97 },
      };
      const names: NamedExpression[] = [{ name: 'EXPENSE_TOTAL', expression: `=${S}!${abs(2, L.envelopeRow)}` }];
      const rules: InputRule[] = [
        { ref: `${S}!${a1(1, s0)}:${a1(1, s1)}`, kind: 'text' },
        { ref: `${S}!${a1(3, s0)}:${a1(3, s1)}`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${C(u + 4)}`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${a1(1, d0)}:${a1(1, d1)}`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${C(b + 1)}`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${C(w)}`, kind: 'percent', min: 0, max: 1 },
      ];
      const part = emptyPart();
      part.sheets.push(sheet);
      part.names.push(...names);
      part.inputRules.push(...rules);
      part.layout.push(...expenseView(shape, L));
      const vocabulary = expenseVocabulary(L);
      part.drivers.push(...vocabulary.drivers);
      part.kpis.push(...vocabulary.kpis);
      const deltas = SENSITIVITY_DRIVERS.map((drv, i) => {
        const typed = cells[a1(1, d0 + i)];
        return typeof typed === 'number' ? typed : drv.delta;
      });
      part.presets.push(...expensePresets(L, hvPlan, deltas));
      return part;
    },
  };
}

export const expenseGenerator: SheetGenerator = makeExpenseGenerator(sampleAbPositions);
