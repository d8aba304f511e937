/**
 * E_Bonus (spec §8): the bonus budget, the pay mix per level, every rep's payout on the roster's
 * quotas, one regional manager per region on the region's final target, the summary checks and
 * the payout curve. The levels are the shape's; the last one is the managers'
 * (`managerLevel`), the others the reps' (`repLevels`, the span `LEVEL_NAME` / `LEVEL_BASE`
 * point to). On the sample shape this is the spec's sheet cell for cell.
 */
import type { RawContent } from '../../src/model/cell';
import type { NamedExpression, Sheet } from '../../src/model/notebook';
import { a1, abs, absSpan, inputKey, labeler, sampleAbPositions, UNIT_EN, type AbPositions } from './ansoffLinks';
import { BONUS_PARAMS, BONUS_SAMPLE_REPS, CURVE_POINTS } from './bonusSample';
import { managerLevel, repLevels, type ClientShape } from './shape';
import { bonusVocabulary, bonusView } from './bonusView';
import { payoutFormula } from './payoutRule';
import { emptyPart, type GeneratorContext, type InputRule, type PlanPart, type SheetGenerator } from './types';

export const BONUS_SHEET = 'E_Bonus';

/** The payout curve's attainment target (C8), the `target` of `payoutFormula` outside E_Bonus. */
export const PO_TARGET_NAME: NamedExpression = { name: 'PO_TARGET', expression: `=${BONUS_SHEET}!$C$8` };

export const bonusInputKey = (rowItem: string, colItem: string) => inputKey(BONUS_SHEET, rowItem, colItem);

/** Where the blocks of E_Bonus sit for a shape (0-based rows). */
export function bonusLayout(shape: Pick<ClientShape, 'levels' | 'reps' | 'regions'>) {
  const levelRows = { first: 16, last: 16 + shape.levels.length - 1 };
  const repLevelRows = { first: levelRows.first, last: levelRows.first + repLevels(shape).length - 1 };
  const repRows = { first: levelRows.last + 4, last: levelRows.last + 3 + shape.reps.length };
  const repTotalRow = repRows.last + 1;
  const managerRows = { first: repTotalRow + 4, last: repTotalRow + 3 + shape.regions.length };
  const managerTotalRow = managerRows.last + 1;
  const s = managerTotalRow;
  return {
    /** Parameter rows (`BONUS_BUDGET` C5, `PO_THRESHOLD` C6, … `PO_SLOPE_LOW` C13). */
    budgetRow: 4,
    levelRows,
    /** The reps' levels (`LEVEL_NAME` in A, `LEVEL_BASE` in D). */
    repLevelRows,
    repRows,
    repTotalRow,
    managerRows,
    managerTotalRow,
    tiTotalRow: s + 3,
    baseTotalRow: s + 4,
    projectedRow: s + 5,
    curveBreakRows: { first: s + 20, last: s + 21 },
    curveRows: { first: s + 22, last: s + 21 + CURVE_POINTS.length },
    /** Rep columns D_Expense reads: region B, base E, TI F; manager columns: region A, base D, TI E. */
    cols: { repRegion: 1, repBase: 4, repTi: 5, managerRegion: 0, managerBase: 3, managerTi: 4 },
  };
}

export type BonusLayout = ReturnType<typeof bonusLayout>;

const MONEY = '#,##0.00';
const PCT = '0.0%';
const RATIO = '0.000';
const COUNT = '#,##0';

/** The spec's payout curve f(A) on the attainment in `cell` (target attainment in C8). */
const payout = (cell: string) => payoutFormula(cell, '$C$8');

export function makeBonusGenerator(positions: (shape: ClientShape) => AbPositions): SheetGenerator {
  return {
    sheets: [BONUS_SHEET],
    generate(ctx: GeneratorContext): PlanPart {
      const { shape } = ctx;
      const { target: T } = positions(shape);
      const L = bonusLayout(shape);
      const cells: Record<string, RawContent> = {};
      const formats: Record<string, string> = {};
      const set = (col: number, row: number, v: RawContent, fmt?: string) => {
        cells[a1(col, row)] = v;
        if (fmt) formats[a1(col, row)] = fmt;
      };
      const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
      const lb = labeler(shape.language);
      const { t } = lb;
      const pair = (row: number, zh: string, e: string) => {
        const [A, B] = lb.pair(zh, e);
        set(0, row, A);
        if (B !== undefined) set(1, row, B);
      };
      const param = (id: keyof typeof BONUS_PARAMS) => input(bonusInputKey(id, 'value'), BONUS_PARAMS[id]);
      const S = BONUS_SHEET;

      set(0, 0, lb.en ? `Sales Bonus Plan (${UNIT_EN[shape.unit]}/yr)` : `奖金计划 Sales Bonus Plan（单位：${shape.unit}/年）`);
      pair(2, '参数', 'Parameters');
      const params: [string, string, RawContent, string][] = [
        ['奖金计提比例（占目标收入）', 'Bonus funding rate (% of target)', param('funding'), PCT],
        ['奖金预算', 'Bonus budget', '=TARGET_TOTAL*C4', MONEY],
        ['门槛达成率', 'Threshold attainment, PO_THRESHOLD', param('threshold'), PCT],
        ['门槛处支付比例', 'Payout at threshold, PO_AT_THRESHOLD', param('atThreshold'), PCT],
        ['目标达成率', 'Target attainment', param('target'), PCT],
        ['超额加速斜率', 'Accelerator slope above target, PO_ACCEL', param('accel'), RATIO],
        ['封顶（占目标奖金）', 'Cap (× target incentive), PO_CAP', param('cap'), PCT],
        ['收入指标权重', 'Revenue component weight', param('revenueWeight'), PCT],
        ['新客户指标权重', 'New-account component weight', '=1-C11', PCT],
        ['门槛→目标斜率（派生）', 'Slope threshold→target (derived), PO_SLOPE_LOW', '=(C8-C7)/(C8-C6)', RATIO],
        ['封顶对应达成率（派生）', 'Attainment where cap binds (derived)', '=C8+(C10-1)/C9', PCT],
      ];
      params.forEach(([zh, en, v, fmt], i) => {
        pair(3 + i, zh, en);
        set(2, 3 + i, v, fmt);
      });

      // Pay mix per level: OTE and base % from the shape's levels unless typed over.
      [t('职级', 'Level'), lb.en ? 'OTE' : 'OTE 年度目标总薪酬', t('固定比例', 'Base %'), t('底薪', 'Base'), t('目标奖金', 'TI')].forEach((h, c) => set(c, 15, h));
      shape.levels.forEach((lv, i) => {
        const row = L.levelRows.first + i;
        set(0, row, lv.name);
        set(1, row, input(bonusInputKey(lv.name, 'ote'), lv.ote), MONEY);
        set(2, row, input(bonusInputKey(lv.name, 'basePct'), lv.ote > 0 ? lv.base / lv.ote : 0), PCT);
        set(3, row, `=${a1(1, row)}*${a1(2, row)}`, MONEY);
        set(4, row, `=${a1(1, row)}-${a1(3, row)}`, MONEY);
      });
      const levels = `${abs(0, L.levelRows.first)}:${abs(4, L.levelRows.last)}`;

      // Reps.
      const R0 = L.repRows.first;
      const R1 = L.repRows.last;
      pair(R0 - 2, '代表奖金计算', 'Rep payout');
      const repHead = [
        ...[['代表', 'Rep'], ['区域', 'Region'], ['职级', 'Level'], ['收入指标', 'Quota'], ['底薪', 'Base'], ['目标奖金', 'TI'], ['模拟达成', 'Attain (input)'], ['实际收入', 'Actual'], ['收入支付率', 'Rev payout%'], ['新客户指标', 'New quota'], ['新客户实际', 'New actual (input)'], ['新客户达成', 'New attain'], ['新客户支付率', 'New payout%'], ['综合支付率', 'Wtd payout%'], ['奖金', 'Bonus'], ['总现金', 'Total cash']].map(([a, b]) => t(a, b)),
        'CCOS',
      ];
      repHead.forEach((h, c) => set(c, R0 - 1, h));
      shape.reps.forEach((rep, i) => {
        const row = R0 + i;
        const br = T.repRow(i);
        const r = (c: number) => a1(c, row);
        const sample = BONUS_SAMPLE_REPS[rep.name];
        set(0, row, rep.name);
        set(1, row, `=B_Target!${a1(T.repRegionCol, br)}`);
        set(2, row, `=B_Target!${a1(T.repLevelCol, br)}`);
        set(3, row, `=B_Target!${a1(T.repQuotaCol, br)}`, MONEY);
        set(4, row, `=VLOOKUP(${r(2)},${levels},4,0)`, MONEY);
        set(5, row, `=VLOOKUP(${r(2)},${levels},5,0)`, MONEY);
        set(6, row, input(bonusInputKey(rep.name, 'attainment'), sample ? sample[0] : 1), PCT);
        set(7, row, `=${r(3)}*${r(6)}`, MONEY);
        set(8, row, payout(r(6)), PCT);
        set(9, row, `=B_Target!${a1(T.repNewQuotaCol, br)}`, COUNT);
        // Not typed: the sample's count, or on target (= the new-account quota).
        set(10, row, input(bonusInputKey(rep.name, 'newAccounts'), sample ? sample[1] : `=${r(9)}`), COUNT);
        set(11, row, `=IF(${r(9)}=0,0,${r(10)}/${r(9)})`, PCT);
        set(12, row, payout(r(11)), PCT);
        set(13, row, `=$C$11*${r(8)}+$C$12*${r(12)}`, PCT);
        set(14, row, `=${r(5)}*${r(13)}`, MONEY);
        set(15, row, `=${r(4)}+${r(14)}`, MONEY);
        set(16, row, `=${r(15)}/${r(7)}`, PCT);
      });
      const rt = L.repTotalRow;
      const sum = (c: number, first: number, last: number) => `=SUM(${a1(c, first)}:${a1(c, last)})`;
      pair(rt, '合计', 'Total');
      for (const c of [3, 4, 5, 7]) set(c, rt, sum(c, R0, R1), MONEY);
      for (const c of [9, 10]) set(c, rt, sum(c, R0, R1), COUNT);
      for (const c of [14, 15]) set(c, rt, sum(c, R0, R1), MONEY);
      set(16, rt, `=${a1(15, rt)}/${a1(7, rt)}`, PCT);

      // Regional managers: one per region, quota = the region's final target.
      const M0 = L.managerRows.first;
      const M1 = L.managerRows.last;
      pair(M0 - 2, '区域经理奖金', 'Manager payout');
      [['区域', 'Region'], ['职级', 'Level'], ['经理指标', 'Quota'], ['底薪', 'Base'], ['目标奖金', 'TI'], ['区域实际', 'Actual'], ['达成', 'Attain'], ['支付率', 'Payout%'], ['奖金', 'Bonus'], ['总现金', 'Total cash']].forEach(([a, b], c) => set(c, M0 - 1, t(a, b)));
      const finals = `B_Target!${absSpan(T.totalCol, T.finalRow(0), T.finalRow(shape.regions.length - 1))}`;
      const finalNames = `B_Target!${absSpan(T.regionNameCol, T.finalRow(0), T.finalRow(shape.regions.length - 1))}`;
      const manager = managerLevel(shape).name;
      shape.regions.forEach((region, i) => {
        const row = M0 + i;
        const r = (c: number) => a1(c, row);
        set(0, row, region);
        set(1, row, manager);
        set(2, row, `=INDEX(${finals},MATCH(${r(0)},${finalNames},0))`, MONEY);
        set(3, row, `=VLOOKUP(${r(1)},${levels},4,0)`, MONEY);
        set(4, row, `=VLOOKUP(${r(1)},${levels},5,0)`, MONEY);
        set(5, row, `=SUMIF(${absSpan(1, R0, R1)},${r(0)},${absSpan(7, R0, R1)})`, MONEY);
        set(6, row, `=${r(5)}/${r(2)}`, PCT);
        set(7, row, payout(r(6)), PCT);
        set(8, row, `=${r(4)}*${r(7)}`, MONEY);
        set(9, row, `=${r(3)}+${r(8)}`, MONEY);
      });
      const mt = L.managerTotalRow;
      pair(mt, '合计', 'Total');
      for (const c of [2, 3, 4, 5]) set(c, mt, sum(c, M0, M1), MONEY);
      set(6, mt, `=${a1(5, mt)}/${a1(2, mt)}`, PCT);
      for (const c of [8, 9]) set(c, mt, sum(c, M0, M1), MONEY);

      // Summary and checks.
      const rng = (c: number, first: number, last: number) => `${a1(c, first)}:${a1(c, last)}`;
      const G = rng(6, R0, R1);
      const C = (row: number) => a1(2, row);
      const s0 = mt + 3;
      pair(mt + 2, '汇总与检查', 'Summary & checks');
      const summary: [string, string, string, string, string?][] = [
        ['目标奖金合计', 'Σ target incentive (reps+managers)', `=SUM(${rng(5, R0, R1)})+SUM(${rng(4, M0, M1)})`, MONEY],
        ['底薪合计', 'Σ base salary', `=SUM(${rng(4, R0, R1)})+SUM(${rng(3, M0, M1)})`, MONEY],
        ['预测奖金支出', 'Projected payout', `=SUM(${rng(14, R0, R1)})+SUM(${rng(8, M0, M1)})`, MONEY],
        ['奖金预算', 'Budget', '=C5', MONEY],
        ['目标奖金/预算', 'TI ÷ budget', `=${C(s0)}/${C(s0 + 3)}`, PCT, `=IF(${C(s0 + 4)}<=1,"OK","⚠ 目标奖金超预算 TI > budget")`],
        ['预测支出/预算', 'Projected ÷ budget', `=${C(s0 + 2)}/${C(s0 + 3)}`, PCT, `=IF(${C(s0 + 5)}<=1,"OK","⚠ 预测超预算 over budget")`],
        ['预算余量', 'Budget headroom', `=${C(s0 + 3)}-${C(s0 + 2)}`, MONEY],
        ['代表实际收入合计', 'Σ rep actual revenue', `=${a1(7, rt)}`, MONEY],
        ['薪酬销售成本率 CCOS', 'Compensation cost of sales', `=(${C(s0 + 1)}+${C(s0 + 2)})/${C(s0 + 7)}`, PCT],
        ['达门槛人数占比', '% reps ≥ threshold (guide ≈90%)', `=COUNTIF(${G},">="&PO_THRESHOLD)/COUNT(${G})`, PCT, `=IF(AND(${C(s0 + 9)}>=0.85,${C(s0 + 9)}<=0.95),"OK","⚠ 门槛需复核 review threshold")`],
        ['达标人数占比', '% reps ≥ 100% (guide 60–70%)', `=COUNTIF(${G},">="&C8)/COUNT(${G})`, PCT, `=IF(AND(${C(s0 + 10)}>=0.5,${C(s0 + 10)}<=0.75),"OK","⚠ 指标需复核 review quotas")`],
        ['卓越人数占比', '% reps at cap attainment (guide ≈10%)', `=COUNTIF(${G},">="&C14)/COUNT(${G})`, PCT, `=IF(AND(${C(s0 + 11)}>=0.05,${C(s0 + 11)}<=0.15),"OK","⚠ 上限需复核 review cap")`],
        ['封顶检查', 'Cap check', `=IF(AND(MAX(${rng(13, R0, R1)})<=PO_CAP,MAX(${rng(7, M0, M1)})<=PO_CAP),"OK","ERR")`, ''],
        ['公司达成率', 'Company attainment (reps)', `=${C(s0 + 7)}/TARGET_TOTAL`, PCT],
      ];
      summary.forEach(([zh, en, f, fmt, check], i) => {
        pair(s0 + i, zh, en);
        set(2, s0 + i, f, fmt || undefined);
        if (check) set(3, s0 + i, check);
      });

      // Payout curve, and the tier-table form of the same curve as a check.
      const ch = L.curveBreakRows.first - 1;
      pair(ch - 1, '支付曲线', 'Payout curve');
      set(0, ch, t('达成率', 'Attainment'));
      set(1, ch, t('支付率', 'Payout%'));
      set(2, ch, t('分段表法', 'Tier-table check'));
      set(4, ch, t('断点', 'Break'));
      set(5, ch, t('斜率', 'Slope'));
      set(6, ch, t('斜率差', 'ΔSlope'));
      const b0 = L.curveBreakRows.first;
      const b1 = L.curveBreakRows.last;
      set(4, b0, '=PO_THRESHOLD', PCT);
      set(5, b0, '=PO_SLOPE_LOW', RATIO);
      set(6, b0, `=${a1(5, b0)}`, RATIO);
      set(4, b1, '=C8', PCT);
      set(5, b1, '=PO_ACCEL', RATIO);
      set(6, b1, `=${a1(5, b1)}-${a1(5, b0)}`, RATIO);
      const breaks = absSpan(4, b0, b1);
      const dSlope = absSpan(6, b0, b1);
      CURVE_POINTS.forEach((x, i) => {
        const row = L.curveRows.first + i;
        const A = a1(0, row);
        set(0, row, x, '0.00%');
        set(1, row, payout(A), PCT);
        set(2, row, `=IF(${A}<PO_THRESHOLD,0,MIN(PO_CAP,PO_AT_THRESHOLD+SUMPRODUCT((${A}>${breaks})*(${A}-${breaks})*${dSlope})))`, PCT);
      });

      const sheet: Sheet = {
        id: 'sheet_e_bonus',
        name: S,
        cells,
        formats,
        frozen: { rows: 1, cols: 2 },
        colWidths: { A: 187, B: 280, C: 180, D: 110, F: 117, G: 173, H: 117, I: 165, J: 151, K: 180, L: 158, M: 178, N: 165, P: 132 },
      };
      const names: NamedExpression[] = [
        { name: 'BONUS_BUDGET', expression: `=${S}!$C$5` },
        { name: 'BASE_SALARY_TOTAL', expression: `=${S}!${abs(2, L.baseTotalRow)}` },
        { name: 'PO_THRESHOLD', expression: `=${S}!$C$6` },
        { name: 'PO_AT_THRESHOLD', expression: `=${S}!$C$7` },
        { name: 'PO_ACCEL', expression: `=${S}!$C$9` },
        { name: 'PO_CAP', expression: `=${S}!$C$10` },
        { name: 'PO_SLOPE_LOW', expression: `=${S}!$C$13` },
        // The curve's attainment target, so a sheet outside E_Bonus (G_Monthly's payout forecast) reads it by name.
        PO_TARGET_NAME,
      ];
      const rules: InputRule[] = [
        { ref: `${S}!C4`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!C6:C8`, kind: 'percent', min: 0 },
        { ref: `${S}!C9`, kind: 'number', min: 0 },
        { ref: `${S}!C10`, kind: 'percent', min: 0 },
        { ref: `${S}!C11`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${a1(1, L.levelRows.first)}:${a1(1, L.levelRows.last)}`, kind: 'number', min: 0 },
        { ref: `${S}!${a1(2, L.levelRows.first)}:${a1(2, L.levelRows.last)}`, kind: 'percent', min: 0, max: 1 },
        { ref: `${S}!${rng(6, R0, R1)}`, kind: 'percent', min: 0 },
        { ref: `${S}!${rng(10, R0, R1)}`, kind: 'integer', min: 0 },
      ];
      const part = emptyPart();
      part.sheets.push(sheet);
      part.names.push(...names);
      part.inputRules.push(...rules);
      part.layout.push(...bonusView(shape, L));
      const vocabulary = bonusVocabulary(L);
      part.drivers.push(...vocabulary.drivers);
      part.kpis.push(...vocabulary.kpis);
      part.presets.push(...vocabulary.presets);
      return part;
    },
  };
}

export const bonusGenerator: SheetGenerator = makeBonusGenerator(sampleAbPositions);
