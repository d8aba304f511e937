/**
 * F_Staffing: the staffing plan (issue 16). Headcount, hiring, ramp and attrition, and whether the
 * team can carry the target. The calculation is the issue's (normative): for every *slot* — each
 * roster rep, and each of the `count` people of a hiring row — with level L, region R, start month
 * h (1 for roster reps) and tenure at year start t (0 for hires), for months m = h … 12:
 *   k = t + (m − h + 1); f = 1 if RAMP_L = 0, else min(1, k / RAMP_L);
 *   d_L = max(0, 1 − ATTRITION × (BACKFILL_LAG + RAMP_L / 2) / 12);
 *   capacity = PROD_L / 12 × f × d_L; personnel cost = BASE_L / 12.
 *
 * It reads the other sheets only through list names (`REP_NAME`, `REP_REGION`, `REP_LEVEL`,
 * `REGION_NAME`, `REGION_FINAL`, `LEVEL_NAME`, `LEVEL_BASE`) and the spec's `TARGET_TOTAL`.
 * Levels are the reps' levels (`LEVEL_NAME`) and, when the shape has more than one level, the
 * managers' level (its base salary an input here: no list name carries it), so a hiring row may
 * name a manager. A hiring row naming an unknown region or level reads ERR and counts for nothing,
 * so the region totals still add up to the company totals (and D_Expense's to its envelope).
 *
 * Efficiency (500 reps): every roster and hiring row looks its level and region up once (MATCH
 * over the levels and the regions) and computes its own twelve months; the roster's region sums
 * are SUMIFs on those numeric region indices (a text criterion costs the engine a pattern per
 * call), each hiring row is spread over one column per region (count, capacity, cost) whose plain
 * sums are the regions' hires, and the months are column sums, so there is no region × month
 * block. Roster and hiring rows are summed in separate cells, so a hire edit recomputes the
 * hiring block and the hiring sums only, never the roster's. (Measured by `npm run bench --
 * --only staffing`: a region × month block of text SUMIFs made a hire edit ~20× slower.)
 */
import { columnLabel } from '../../src/model/address';
import type { RawContent } from '../../src/model/cell';
import type { DriverDef, KpiDef } from '../../src/model/drivers';
import { localizedLabel } from '../../src/model/cellLabels';
import type { LayoutItem, NamedExpression, Sheet } from '../../src/model/notebook';
import { managerLevel, repLevels, type ClientShape } from './shape';
import { unitOption } from './ansoffView';
import { emptyPart, type GeneratorContext, type PlanPart, type SheetGenerator } from './types';

export const STAFFING_SHEET = 'F_Staffing';

/** The input key of a staffing input (row item × column item), so a regrown plan keeps it by name. */
export function staffingInputKey(rowItem: string, colItem: string): string {
  return `${STAFFING_SHEET}|${rowItem}|${colItem}`;
}

/** Default inputs: neutral, and every roster rep fully ramped (tenure ≥ ramp), so no spec value moves. */
export const STAFFING_DEFAULTS = { attrition: 0.1, backfillLag: 2, ramp: 6, managerRamp: 3, tenure: 24, hireMonth: 4 } as const;

/** The levels the staffing plan knows: the reps' levels, then the managers' level when it is a separate one. */
export function staffingLevels(shape: Pick<ClientShape, 'levels'>): { name: string; base: number; manager: boolean }[] {
  const reps = repLevels(shape).map((l) => ({ name: l.name, base: l.base, manager: false }));
  if (shape.levels.length > 1) reps.push({ name: managerLevel(shape).name, base: managerLevel(shape).base, manager: true });
  return reps;
}

/** How many hiring rows a shape gets: at least 20, and two per region for large clients. */
export function hireRowCount(shape: Pick<ClientShape, 'regions'>): number {
  return Math.max(20, 2 * shape.regions.length);
}

/** Where the blocks sit (0-based rows) for a shape. */
export function staffingLayout(shape: Pick<ClientShape, 'levels' | 'regions' | 'reps'>) {
  const K = staffingLevels(shape).length;
  const R = shape.regions.length;
  const H = hireRowCount(shape);
  const N = shape.reps.length;
  const paramRow = 2; // ATTRITION, BACKFILL_LAG, roster base
  const outRow = 6; // the outputs, one a row
  const levelHead = outRow + OUTPUTS.length + 1;
  const levelRow = levelHead + 1;
  const regionHead = levelRow + K + 1;
  const regionRow = regionHead + 1;
  const regionTotal = regionRow + R;
  const hireHead = regionTotal + 2;
  const hireRow = hireHead + 1;
  const monthHead = hireRow + H + 1;
  const rosterCapRow = monthHead + 1; // roster capacity by month
  const hireCapRow = rosterCapRow + 1; // hires' capacity by month
  const monthTotal = hireCapRow + 1; // MONTHLY_CAPACITY, then the month rows below
  const waterHead = monthTotal + MONTH_ROWS.length + 1;
  const waterRow = waterHead + 1;
  const rosterHead = waterRow + WATERFALL.length + 1;
  const rosterRow = rosterHead + 1;
  return { K, R, H, N, paramRow, outRow, levelHead, levelRow, regionHead, regionRow, regionTotal, hireHead, hireRow, monthHead, rosterCapRow, hireCapRow, monthTotal, waterHead, waterRow, rosterHead, rosterRow };
}

const OUTPUTS = [
  ['CAPACITY_TOTAL', '产能合计', 'Capacity'],
  ['STAFF_TARGET', '年度目标', 'Target'],
  ['CAPACITY_GAP', '产能缺口（产能 − 目标）', 'Capacity gap (capacity − target)'],
  ['CAPACITY_CHECK', '产能检查', 'Capacity check'],
  ['PERSONNEL_COST', '人员底薪成本', 'Personnel cost'],
  ['HEADCOUNT_START', '期初人数', 'Headcount at start'],
  ['HIRES_TOTAL', '新招人数', 'Hires'],
  ['EXPECTED_LEAVERS', '预计流失人数', 'Expected leavers'],
  ['HEADCOUNT_END', '期末人数（流失已补员）', 'Headcount at end (leavers backfilled)'],
  ['HIRE_CHECK', '招聘计划检查', 'Hiring plan check'],
  ['ROSTER_CHECK', '花名册职级检查', 'Roster levels check'],
] as const;

const MONTH_ROWS = [
  ['monthlyTarget', '月度目标（平均 1/12）', 'Monthly target (flat twelfths)'],
  ['hcStart', '月初人数', 'Headcount, start of month'],
  ['hires', '当月新招', 'Hires in month'],
  ['leavers', '预计流失', 'Expected leavers'],
  ['hcEnd', '月末人数（已补员）', 'Headcount, end of month (backfilled)'],
  ['cost', '人员底薪成本', 'Personnel cost'],
] as const;

const WATERFALL = [
  ['期初人数', 'Headcount at start', 'total'],
  ['+ 新招', '+ Hires', 'delta'],
  ['− 预计流失', '− Expected leavers', 'delta'],
  ['+ 补员', '+ Backfills', 'delta'],
  ['期末人数', 'Headcount at end', 'total'],
] as const;

const A1 = (col: string, row0: number) => `${col}${row0 + 1}`;
const abs = (col: string, row0: number) => `$${col}$${row0 + 1}`;
const absRange = (col: string, r1: number, r2: number) => `${abs(col, r1)}:${abs(col, r2)}`;
/** Month columns of the monthly block (C…N, as in G_Monthly), the roster (I…T) and the hiring rows (L…W). */
const monthCol = (first: number, m: number) => columnLabel(first + m); // m = 0..11
const MONTHS_AT = 2; // C
const ROSTER_MONTHS_AT = 8; // I
const HIRE_MONTHS_AT = 11; // L

export const staffingGenerator: SheetGenerator = {
  sheets: [STAFFING_SHEET],
  generate(ctx: GeneratorContext): PlanPart {
    const { shape } = ctx;
    const S = STAFFING_SHEET;
    const L = staffingLayout(shape);
    const levels = staffingLevels(shape);
    const repLevelCount = repLevels(shape).length;
    const cells: Record<string, RawContent> = {};
    const formats: Record<string, string> = {};
    const input = (key: string, fallback: RawContent) => ctx.inputs[key] ?? fallback;
    const zh = shape.language === 'zh-CN';
    const t = (z: string, e: string) => (zh ? `${z} ${e}` : e);
    const money = '#,##0.00';
    const count = '#,##0';
    const pct = '0.0%';
    const fmt = (addr: string, f: string) => (formats[addr] = f);

    const lvFirst = L.levelRow;
    const lvLast = L.levelRow + L.K - 1;
    const hFirst = L.hireRow;
    const hLast = L.hireRow + L.H - 1;
    const rFirst = L.rosterRow;
    const rLast = L.rosterRow + L.N - 1;
    const levelNames = absRange('A', lvFirst, lvLast);
    const hireRegion = absRange('A', hFirst, hLast);
    const hireLevel = absRange('B', hFirst, hLast);
    const hireMonth = absRange('D', hFirst, hLast);
    const hireValid = absRange('H', hFirst, hLast); // the count of a valid row, else 0
    const hireBase = absRange('K', hFirst, hLast);
    const rosterLevelIdx = absRange('E', rFirst, rLast);
    const hireLevelIdx = absRange('G', hFirst, hLast);
    // Region indices (MATCH in REGION_NAME, 0 when unknown), so region sums compare numbers.
    const ROSTER_REGION_IDX = columnLabel(ROSTER_MONTHS_AT + 13); // V
    const HIRE_REGION_IDX = columnLabel(HIRE_MONTHS_AT + 14); // Z
    const HIRE_BAD = columnLabel(HIRE_MONTHS_AT + 15); // AA
    const rosterRegionIdx = absRange(ROSTER_REGION_IDX, rFirst, rLast);

    cells.A1 = t(`人员计划（单位：${shape.unit}/年）`, `Staffing plan (${shape.unit} per year)`);

    // Parameters.
    const P = L.paramRow;
    cells[A1('A', P)] = t('流失率（年）', 'Attrition rate (per year)');
    cells[A1('B', P)] = input(staffingInputKey('ATTRITION', 'value'), STAFFING_DEFAULTS.attrition);
    fmt(A1('B', P), pct);
    cells[A1('A', P + 1)] = t('补员滞后（月）', 'Backfill lag (months)');
    cells[A1('B', P + 1)] = input(staffingInputKey('BACKFILL_LAG', 'value'), STAFFING_DEFAULTS.backfillLag);
    fmt(A1('B', P + 1), '0.0');
    cells[A1('A', P + 2)] = t('花名册底薪合计', 'Roster base salaries');
    cells[A1('B', P + 2)] = `=SUMPRODUCT(${absRange('B', lvFirst, lvLast)},${absRange('G', lvFirst, lvLast)})`;
    fmt(A1('B', P + 2), money);
    const rosterBase = abs('B', P + 2);

    // Levels: base (from the bonus plan's levels), productivity, ramp, attrition drag.
    const LH = L.levelHead;
    const levelHeads = [
      ['职级', 'Level'], ['底薪', 'Base'], ['满产产出/人/年', 'Full productivity per rep'], ['爬坡月数', 'Ramp months'],
      ['流失折减', 'Attrition drag'], ['满产月产能/人', 'Monthly capacity per ramped rep'], ['花名册人数', 'Roster'], ['新招人数', 'Hires'],
    ];
    levelHeads.forEach(([z, e], c) => (cells[A1(columnLabel(c), LH)] = t(z, e)));
    levels.forEach((lv, k) => {
      const r = L.levelRow + k;
      if (lv.manager) {
        cells[A1('A', r)] = lv.name;
        cells[A1('B', r)] = input(staffingInputKey(lv.name, 'base'), lv.base);
      } else {
        cells[A1('A', r)] = `=INDEX(LEVEL_NAME,${k + 1})`;
        cells[A1('B', r)] = `=INDEX(LEVEL_BASE,${k + 1})`;
      }
      // The neutral productivity: what carries the target at full ramp, in proportion to base salary.
      const prodDefault = lv.manager ? 0 : `=IF(${rosterBase}=0,0,ROUND(TARGET_TOTAL*${A1('B', r)}/${rosterBase},0))`;
      cells[A1('C', r)] = input(staffingInputKey(lv.name, 'prod'), prodDefault);
      cells[A1('D', r)] = input(staffingInputKey(lv.name, 'ramp'), lv.manager ? STAFFING_DEFAULTS.managerRamp : STAFFING_DEFAULTS.ramp);
      cells[A1('E', r)] = `=MAX(0,1-ATTRITION*(BACKFILL_LAG+${A1('D', r)}/2)/12)`;
      cells[A1('F', r)] = `=${A1('C', r)}/12*${A1('E', r)}`;
      cells[A1('G', r)] = `=COUNTIF(${rosterLevelIdx},${k + 1})`;
      cells[A1('H', r)] = `=SUMIF(${hireLevelIdx},${k + 1},${hireValid})`;
      for (const c of ['B', 'C', 'F']) fmt(A1(c, r), money);
      fmt(A1('D', r), '0');
      fmt(A1('E', r), pct);
      fmt(A1('G', r), count);
      fmt(A1('H', r), count);
    });

    // Hiring rows: region, level, optional product-line focus, start month, count.
    const HH = L.hireHead;
    const hireHeads = [
      ['区域', 'Region'], ['职级', 'Level'], ['产品线（可选）', 'Product focus (optional)'], ['入职月', 'Start month'], ['人数', 'Count'],
      ['检查', 'Check'], ['职级序号', 'Level #'], ['有效人数', 'Valid count'], ['爬坡月数', 'Ramp'], ['满产月产能/人', 'Monthly capacity'], ['底薪', 'Base'],
    ];
    hireHeads.forEach(([z, e], c) => (cells[A1(columnLabel(c), HH)] = t(z, e)));
    for (let m = 0; m < 12; m++) cells[A1(monthCol(HIRE_MONTHS_AT, m), HH)] = m + 1;
    cells[A1(monthCol(HIRE_MONTHS_AT, 12), HH)] = t('产能', 'Capacity');
    cells[A1(monthCol(HIRE_MONTHS_AT, 13), HH)] = t('成本', 'Cost');
    cells[A1(HIRE_REGION_IDX, HH)] = t('区域序号', 'Region #');
    cells[A1(HIRE_BAD, HH)] = t('有误', 'Wrong');
    // Each hiring row spread over the regions (count, capacity, cost in its region's column, 0
    // elsewhere): the region totals are plain column sums, so a hire edit costs its own row.
    const SPREAD = [['count', 'H', '人数', 'Count'], ['capacity', monthCol(HIRE_MONTHS_AT, 12), '产能', 'Capacity'], ['cost', monthCol(HIRE_MONTHS_AT, 13), '成本', 'Cost']] as const;
    const spreadCol = (kind: number, ri: number) => columnLabel(HIRE_MONTHS_AT + 16 + kind * L.R + ri); // from AB
    SPREAD.forEach(([, , z, e], kind) =>
      shape.regions.forEach((_n, ri) => (cells[A1(spreadCol(kind, ri), HH)] = `="${zh ? `${z} ` : ''}${e}: "&${abs('A', L.regionRow + ri)}`)),
    );
    const firstRepLevel = repLevels(shape)[repLevelCount - 1].name;
    for (let j = 0; j < L.H; j++) {
      const r = L.hireRow + j;
      const key = `hire${j + 1}`;
      // One row per region comes prefilled with no one in it: the presenter's "hires per region".
      const pre = j < shape.regions.length;
      const put = (col: string, item: string, fallback: RawContent | undefined) => {
        const v = ctx.inputs[staffingInputKey(key, item)] ?? fallback;
        if (v !== undefined && v !== '') cells[A1(col, r)] = v;
      };
      put('A', 'region', pre ? shape.regions[j] : undefined);
      put('B', 'level', pre ? firstRepLevel : undefined);
      put('C', 'product', undefined);
      put('D', 'month', pre ? STAFFING_DEFAULTS.hireMonth : undefined);
      put('E', 'count', pre ? 0 : undefined);
      const [a, b, d, e, g] = ['A', 'B', 'D', 'E', 'G'].map((c) => A1(c, r));
      // The row's status is text, not a check answer (a blank row must not count as a failed check);
      // HIRE_CHECK is the check, ERR while any row is ✗.
      const z = A1(HIRE_REGION_IDX, r);
      cells[z] = `=IFERROR(MATCH(${a},REGION_NAME,0),0)`;
      cells[A1(HIRE_BAD, r)] = `=IF(LEFT(${A1('F', r)},1)="✗",1,0)`;
      SPREAD.forEach(([, col], kind) =>
        shape.regions.forEach((_n, ri) => {
          cells[A1(spreadCol(kind, ri), r)] = `=IF($${z.replace(/\d+$/, '')}${r + 1}=${ri + 1},$${col}${r + 1},0)`;
          if (kind > 0) fmt(A1(spreadCol(kind, ri), r), money);
        }),
      );
      cells[A1('F', r)] =
        `=IF(AND(${a}="",${b}="",${e}=""),"",IF(${z}=0,"✗ 未知区域 unknown region",IF(${g}=0,"✗ 未知职级 unknown level",` +
        `IF(NOT(ISNUMBER(${d})),"✗ 入职月 1–12 start month",IF(OR(${d}<1,${d}>12,${d}<>INT(${d})),"✗ 入职月 1–12 start month",` +
        `IF(OR(NOT(ISNUMBER(${e})),${e}<0),"✗ 人数 count","✓"))))))`;
      cells[g] = `=IFERROR(MATCH(${b},${levelNames},0),0)`;
      cells[A1('H', r)] = `=IF(${A1('F', r)}="✓",${e},0)`;
      cells[A1('I', r)] = `=IF(${g}=0,0,INDEX(${absRange('D', lvFirst, lvLast)},${g}))`;
      cells[A1('J', r)] = `=IF(${g}=0,0,INDEX(${absRange('F', lvFirst, lvLast)},${g}))`;
      cells[A1('K', r)] = `=IF(${g}=0,0,INDEX(${absRange('B', lvFirst, lvLast)},${g}))`;
      const [h, i, jj] = ['$H', '$I', '$J'].map((c) => `${c}${r + 1}`);
      const dd = `$D${r + 1}`;
      for (let m = 0; m < 12; m++) {
        const mm = m + 1;
        cells[A1(monthCol(HIRE_MONTHS_AT, m), r)] = `=IF(${h}=0,0,IF(${mm}<${dd},0,${h}*${jj}*IF(${i}=0,1,MIN(1,(${mm}-${dd}+1)/${i}))))`;
        fmt(A1(monthCol(HIRE_MONTHS_AT, m), r), money);
      }
      cells[A1(monthCol(HIRE_MONTHS_AT, 12), r)] = `=SUM(${A1(monthCol(HIRE_MONTHS_AT, 0), r)}:${A1(monthCol(HIRE_MONTHS_AT, 11), r)})`;
      cells[A1(monthCol(HIRE_MONTHS_AT, 13), r)] = `=IF(${h}=0,0,${h}*$K${r + 1}*(13-${dd})/12)`;
      for (const c of ['J', 'K', monthCol(HIRE_MONTHS_AT, 12), monthCol(HIRE_MONTHS_AT, 13)]) fmt(A1(c, r), money);
      fmt(A1('D', r), '0');
      fmt(A1('E', r), count);
    }
    const hireCap = absRange(monthCol(HIRE_MONTHS_AT, 12), hFirst, hLast);
    const hireCost = absRange(monthCol(HIRE_MONTHS_AT, 13), hFirst, hLast);

    // Roster: each rep's tenure at year start, level looked up once, twelve months of capacity.
    const RH = L.rosterHead;
    const rosterHeads = [
      ['代表', 'Rep'], ['区域', 'Region'], ['职级', 'Level'], ['年初司龄（月）', 'Tenure at year start (months)'],
      ['职级序号', 'Level #'], ['爬坡月数', 'Ramp'], ['满产月产能', 'Monthly capacity'], ['底薪成本', 'Cost'],
    ];
    rosterHeads.forEach(([z, e], c) => (cells[A1(columnLabel(c), RH)] = t(z, e)));
    for (let m = 0; m < 12; m++) cells[A1(monthCol(ROSTER_MONTHS_AT, m), RH)] = m + 1;
    cells[A1(monthCol(ROSTER_MONTHS_AT, 12), RH)] = t('产能', 'Capacity');
    cells[A1(ROSTER_REGION_IDX, RH)] = t('区域序号', 'Region #');
    shape.reps.forEach((rep, n) => {
      const r = L.rosterRow + n;
      cells[A1('A', r)] = `=INDEX(REP_NAME,${n + 1})`;
      cells[A1('B', r)] = `=INDEX(REP_REGION,${n + 1})`;
      cells[A1('C', r)] = `=INDEX(REP_LEVEL,${n + 1})`;
      cells[A1('D', r)] = input(staffingInputKey(rep.name, 'tenure'), STAFFING_DEFAULTS.tenure);
      const e = A1('E', r);
      cells[e] = `=IFERROR(MATCH(${A1('C', r)},${levelNames},0),0)`;
      cells[A1(ROSTER_REGION_IDX, r)] = `=IFERROR(MATCH(${A1('B', r)},REGION_NAME,0),0)`;
      cells[A1('F', r)] = `=IF(${e}=0,0,INDEX(${absRange('D', lvFirst, lvLast)},${e}))`;
      cells[A1('G', r)] = `=IF(${e}=0,0,INDEX(${absRange('F', lvFirst, lvLast)},${e}))`;
      cells[A1('H', r)] = `=IF(${e}=0,0,INDEX(${absRange('B', lvFirst, lvLast)},${e}))`;
      const [d, f, g] = ['$D', '$F', '$G'].map((c) => `${c}${r + 1}`);
      for (let m = 0; m < 12; m++) {
        cells[A1(monthCol(ROSTER_MONTHS_AT, m), r)] = `=IF(${f}=0,${g},${g}*MIN(1,(${d}+${m + 1})/${f}))`;
        fmt(A1(monthCol(ROSTER_MONTHS_AT, m), r), money);
      }
      cells[A1(monthCol(ROSTER_MONTHS_AT, 12), r)] = `=SUM(${A1(monthCol(ROSTER_MONTHS_AT, 0), r)}:${A1(monthCol(ROSTER_MONTHS_AT, 11), r)})`;
      for (const c of ['G', 'H', monthCol(ROSTER_MONTHS_AT, 12)]) fmt(A1(c, r), money);
      fmt(A1('D', r), '0');
    });
    const rosterCap = absRange(monthCol(ROSTER_MONTHS_AT, 12), rFirst, rLast);
    const rosterCost = absRange('H', rFirst, rLast);

    // Regions: headcount, capacity against the final target, the check and the reps needed.
    const GH = L.regionHead;
    const regionHeads = [
      ['区域', 'Region'], ['期初人数', 'Roster'], ['新招', 'Hires'], ['期末人数', 'End'], ['在岗产能', 'Roster capacity'], ['新招产能', 'Hires capacity'],
      ['产能', 'Capacity'], ['最终目标', 'Final target'], ['产能缺口', 'Gap'], ['检查', 'Check'], ['在岗成本', 'Roster cost'], ['新招成本', 'Hires cost'], ['人员成本', 'Personnel cost'],
    ];
    regionHeads.forEach(([z, e], c) => (cells[A1(columnLabel(c), GH)] = t(z, e)));
    const neededAt = regionHeads.length; // N…: reps needed at each reps' level's productivity
    repLevels(shape).forEach((_lv, k) => (cells[A1(columnLabel(neededAt + k), GH)] = `="${zh ? '需增人数 ' : ''}Reps needed: "&${A1('A', L.levelRow + k)}`));
    shape.regions.forEach((_name, ri) => {
      const r = L.regionRow + ri;
      const a = A1('A', r);
      cells[a] = `=INDEX(REGION_NAME,${ri + 1})`;
      const idx = ri + 1;
      cells[A1('B', r)] = `=COUNTIF(${rosterRegionIdx},${idx})`;
      const spreadSum = (kind: number) => `=SUM(${absRange(spreadCol(kind, ri), hFirst, hLast)})`;
      cells[A1('C', r)] = spreadSum(0);
      cells[A1('D', r)] = `=${A1('B', r)}+${A1('C', r)}`;
      cells[A1('E', r)] = `=SUMIF(${rosterRegionIdx},${idx},${rosterCap})`;
      cells[A1('F', r)] = spreadSum(1);
      cells[A1('G', r)] = `=${A1('E', r)}+${A1('F', r)}`;
      cells[A1('H', r)] = `=INDEX(REGION_FINAL,${ri + 1})`;
      cells[A1('I', r)] = `=${A1('G', r)}-${A1('H', r)}`;
      cells[A1('J', r)] = `=IF(${A1('I', r)}>=0,"OK","⚠ 产能不足 capacity short")`;
      cells[A1('K', r)] = `=SUMIF(${rosterRegionIdx},${idx},${rosterCost})`;
      cells[A1('L', r)] = spreadSum(2);
      cells[A1('M', r)] = `=${A1('K', r)}+${A1('L', r)}`;
      repLevels(shape).forEach((_lv, k) => {
        const prod = abs('C', L.levelRow + k);
        cells[A1(columnLabel(neededAt + k), r)] = `=IF(${A1('I', r)}>=0,0,IF(${prod}<=0,"",ROUNDUP(-${A1('I', r)}/${prod},0)))`;
        fmt(A1(columnLabel(neededAt + k), r), count);
      });
      for (const c of ['E', 'F', 'G', 'H', 'I', 'K', 'L', 'M']) fmt(A1(c, r), money);
      for (const c of ['B', 'C', 'D']) fmt(A1(c, r), count);
    });
    const T = L.regionTotal;
    const gFirst = L.regionRow;
    const gLast = L.regionRow + L.R - 1;
    cells[A1('A', T)] = t('合计', 'Total');
    for (const c of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'K', 'L', 'M']) {
      cells[A1(c, T)] = `=SUM(${A1(c, gFirst)}:${A1(c, gLast)})`;
      fmt(A1(c, T), ['B', 'C', 'D'].includes(c) ? count : money);
    }
    cells[A1('J', T)] = `=IF(${A1('I', T)}>=0,"OK","⚠ 产能不足 capacity short")`;

    // Months: the company's capacity (roster, hires, total), then its month rows.
    const MH = L.monthHead;
    cells[A1('A', MH)] = t('月度', 'Month');
    for (let m = 0; m < 12; m++) cells[A1(monthCol(MONTHS_AT, m), MH)] = m + 1;
    cells[A1(monthCol(MONTHS_AT, 12), MH)] = 'Σ';
    const blocks = [
      [L.rosterCapRow, '在岗产能', 'Roster capacity', ROSTER_MONTHS_AT, rFirst, rLast],
      [L.hireCapRow, '新招产能', 'Hires capacity', HIRE_MONTHS_AT, hFirst, hLast],
    ] as const;
    for (const [r, z, e, at, first, last] of blocks) {
      cells[A1('A', r)] = t(z, e);
      for (let m = 0; m < 12; m++) {
        cells[A1(monthCol(MONTHS_AT, m), r)] = `=SUM(${absRange(monthCol(at, m), first, last)})`;
        fmt(A1(monthCol(MONTHS_AT, m), r), money);
      }
    }
    const MT = L.monthTotal;
    cells[A1('A', MT)] = t('月度产能', 'Monthly capacity');
    cells[A1('B', MT)] = t('合计', 'Total');
    const monthRowAt = (id: (typeof MONTH_ROWS)[number][0]) => MT + 1 + MONTH_ROWS.findIndex((x) => x[0] === id);
    MONTH_ROWS.forEach(([, z, e], i) => {
      cells[A1('A', MT + 1 + i)] = t(z, e);
      cells[A1('B', MT + 1 + i)] = t('合计', 'Total');
    });
    const hcStartCell = abs('B', L.outRow + OUTPUTS.findIndex((o) => o[0] === 'HEADCOUNT_START'));
    for (let m = 0; m < 12; m++) {
      const c = monthCol(MONTHS_AT, m);
      const mm = m + 1;
      cells[A1(c, MT)] = `=${A1(c, L.rosterCapRow)}+${A1(c, L.hireCapRow)}`;
      cells[A1(c, monthRowAt('monthlyTarget'))] = '=TARGET_TOTAL/12';
      cells[A1(c, monthRowAt('hcStart'))] = `=${hcStartCell}+SUMPRODUCT(${hireValid},--(${hireMonth}<${mm}))`;
      cells[A1(c, monthRowAt('hires'))] = `=SUMPRODUCT(${hireValid},--(${hireMonth}=${mm}))`;
      cells[A1(c, monthRowAt('leavers'))] = `=${hcStartCell}*ATTRITION/12`;
      cells[A1(c, monthRowAt('hcEnd'))] = `=${A1(c, monthRowAt('hcStart'))}+${A1(c, monthRowAt('hires'))}`;
      cells[A1(c, monthRowAt('cost'))] = `=SUM(${rosterCost})/12+SUMPRODUCT(${hireValid},${hireBase},--(${hireMonth}<=${mm}))/12`;
      for (const id of ['monthlyTarget', 'cost'] as const) fmt(A1(c, monthRowAt(id)), money);
      for (const id of ['hcStart', 'hires', 'hcEnd'] as const) fmt(A1(c, monthRowAt(id)), count);
      fmt(A1(c, monthRowAt('leavers')), '#,##0.0');
      fmt(A1(c, MT), money);
    }
    const sigma = monthCol(MONTHS_AT, 12);
    for (const row of [L.rosterCapRow, L.hireCapRow, MT, monthRowAt('monthlyTarget'), monthRowAt('hires'), monthRowAt('leavers'), monthRowAt('cost')]) {
      cells[A1(sigma, row)] = `=SUM(${A1(monthCol(MONTHS_AT, 0), row)}:${A1(monthCol(MONTHS_AT, 11), row)})`;
      fmt(A1(sigma, row), formats[A1(monthCol(MONTHS_AT, 0), row)]);
    }

    // Outputs (the normative totals: Σ over slots, never through the region match).
    const out = (id: (typeof OUTPUTS)[number][0]) => abs('B', L.outRow + OUTPUTS.findIndex((o) => o[0] === id));
    const hireBad = absRange(HIRE_BAD, hFirst, hLast);
    const formulas: Record<(typeof OUTPUTS)[number][0], string> = {
      CAPACITY_TOTAL: `=SUM(${rosterCap})+SUM(${hireCap})`,
      STAFF_TARGET: '=TARGET_TOTAL',
      CAPACITY_GAP: `=CAPACITY_TOTAL-TARGET_TOTAL`,
      CAPACITY_CHECK: `=IF(CAPACITY_GAP>=0,"OK","⚠ 产能不足 capacity short")`,
      PERSONNEL_COST: `=SUM(${rosterCost})+SUM(${hireCost})`,
      HEADCOUNT_START: '=COUNTA(REP_NAME)',
      HIRES_TOTAL: `=SUM(${hireValid})`,
      EXPECTED_LEAVERS: '=HEADCOUNT_START*ATTRITION',
      HEADCOUNT_END: '=HEADCOUNT_START+HIRES_TOTAL',
      HIRE_CHECK: `=IF(SUM(${hireBad})=0,"OK","ERR 招聘行有误 a hiring row is wrong: "&SUM(${hireBad}))`,
      ROSTER_CHECK: `=IF(COUNTIF(${absRange('E', rFirst, rLast)},0)=0,"OK","ERR 花名册有未知职级 unknown level in the roster")`,
    };
    OUTPUTS.forEach(([id, z, e], i) => {
      const r = L.outRow + i;
      cells[A1('A', r)] = t(z, e);
      cells[A1('B', r)] = formulas[id];
      const f = ['HEADCOUNT_START', 'HIRES_TOTAL', 'HEADCOUNT_END'].includes(id) ? count : id === 'EXPECTED_LEAVERS' ? '#,##0.0' : id.endsWith('CHECK') ? undefined : money;
      if (f) fmt(A1('B', r), f);
    });

    // The headcount waterfall: start, + hires, − leavers, + backfills, end.
    const WH = L.waterHead;
    cells[A1('A', WH)] = t('人数变动', 'Headcount bridge');
    cells[A1('B', WH)] = t('人数', 'People');
    cells[A1('C', WH)] = t('类型', 'Type');
    const waterValues = ['=HEADCOUNT_START', '=HIRES_TOTAL', '=-EXPECTED_LEAVERS', '=EXPECTED_LEAVERS', '=HEADCOUNT_END'];
    WATERFALL.forEach(([z, e, kind], i) => {
      const r = L.waterRow + i;
      cells[A1('A', r)] = t(z, e);
      cells[A1('B', r)] = waterValues[i];
      cells[A1('C', r)] = kind;
      fmt(A1('B', r), '#,##0.0');
    });

    const names: NamedExpression[] = [
      { name: 'ATTRITION', expression: `=${S}!${abs('B', P)}` },
      { name: 'BACKFILL_LAG', expression: `=${S}!${abs('B', P + 1)}` },
      { name: 'STAFF_LEVEL', expression: `=${S}!${levelNames}` },
      { name: 'PROD', expression: `=${S}!${absRange('C', lvFirst, lvLast)}` },
      { name: 'RAMP_MONTHS', expression: `=${S}!${absRange('D', lvFirst, lvLast)}` },
      { name: 'TENURE', expression: `=${S}!${absRange('D', rFirst, rLast)}` },
      { name: 'HIRE_REGION', expression: `=${S}!${hireRegion}` },
      { name: 'HIRE_LEVEL', expression: `=${S}!${hireLevel}` },
      { name: 'HIRE_PRODUCT', expression: `=${S}!${absRange('C', hFirst, hLast)}` },
      { name: 'HIRE_MONTH', expression: `=${S}!${hireMonth}` },
      { name: 'HIRE_COUNT', expression: `=${S}!${absRange('E', hFirst, hLast)}` },
      { name: 'REGION_CAPACITY', expression: `=${S}!${absRange('G', gFirst, gLast)}` },
      { name: 'REGION_COST', expression: `=${S}!${absRange('M', gFirst, gLast)}` },
      { name: 'MONTHLY_CAPACITY', expression: `=${S}!${abs(monthCol(MONTHS_AT, 0), MT)}:${abs(monthCol(MONTHS_AT, 11), MT)}` },
      ...OUTPUTS.filter(([id]) => !['STAFF_TARGET', 'CAPACITY_CHECK', 'HIRE_CHECK', 'ROSTER_CHECK'].includes(id)).map(([id]) => ({ name: id, expression: `=${S}!${out(id)}` })),
    ];

    const sheet: Sheet = { id: 'sheet_f_staffing', name: S, cells, formats, frozen: { rows: 1, cols: 1 }, colWidths: { A: 200, B: 120, C: 120 } };
    const part = emptyPart();
    part.sheets.push(sheet);
    part.names.push(...names);
    part.inputRules.push(
      { ref: `${S}!${A1('B', P)}`, kind: 'percent', min: 0, max: 1 },
      { ref: `${S}!${A1('B', P + 1)}`, kind: 'number', min: 0, max: 24 },
      { ref: `${S}!${A1('C', lvFirst)}:${A1('C', lvLast)}`, kind: 'number', min: 0 },
      { ref: `${S}!${A1('D', lvFirst)}:${A1('D', lvLast)}`, kind: 'number', min: 0, max: 36 },
      { ref: `${S}!${A1('A', hFirst)}:${A1('C', hLast)}`, kind: 'text' },
      { ref: `${S}!${A1('D', hFirst)}:${A1('D', hLast)}`, kind: 'integer', min: 1, max: 12 },
      { ref: `${S}!${A1('E', hFirst)}:${A1('E', hLast)}`, kind: 'integer', min: 0 },
      { ref: `${S}!${A1('D', rFirst)}:${A1('D', rLast)}`, kind: 'number', min: 0 },
    );
    part.layout.push(...staffingLayoutItems(shape));
    part.drivers.push(...staffingDrivers(shape));
    part.kpis.push(...STAFFING_KPIS);
    return part;
  },
};

type Text = { zh: string; en: string };
const tx = (zh: string, en: string): Text => ({ zh, en });

/** The presenter's staffing KPIs (by workbook name; the sample plan's slide adds the promotion pool). */
export const STAFFING_KPIS: readonly KpiDef[] = [
  { id: 'CAPACITY_GAP', label: tx('产能缺口', 'Capacity gap'), unit: 'money' },
  { id: 'PERSONNEL_COST', label: tx('人员成本', 'Personnel cost'), unit: 'money' },
  { id: 'CAPACITY_TOTAL', label: tx('产能合计', 'Capacity'), unit: 'money' },
  { id: 'HEADCOUNT_END', label: tx('期末人数', 'Headcount at end'), unit: 'count' },
];

/** The presenter's staffing drivers: attrition, each reps' level's ramp months, and the prefilled hire row of each region. */
export function staffingDrivers(shape: Pick<ClientShape, 'levels' | 'regions' | 'reps'>): DriverDef[] {
  const L = staffingLayout(shape);
  const S = STAFFING_SHEET;
  const out: DriverDef[] = [{ name: 'ATTRITION', label: tx('流失率', 'Attrition'), ref: 'ATTRITION', min: 0, max: 0.5, step: 0.01, unit: 'percent' }];
  // "华东 East" reads 华东 in Chinese and East in English, as the charts' labels do.
  const both = (text: string) => ({ zh: localizedLabel(text, 'zh-CN'), en: localizedLabel(text, 'en') });
  repLevels(shape).forEach((lv, k) => {
    const ref = `${S}!D${L.levelRow + k + 1}`;
    const n = both(lv.name);
    out.push({ name: ref, label: tx(`爬坡月数（${n.zh}）`, `Ramp months (${n.en})`), ref, min: 0, max: 24, step: 1, unit: 'count' });
  });
  shape.regions.forEach((region, j) => {
    const ref = `${S}!E${L.hireRow + j + 1}`;
    const n = both(region);
    out.push({ name: ref, label: tx(`新招（${n.zh}）`, `Hires (${n.en})`), ref, min: 0, max: 50, step: 1, unit: 'count' });
  });
  return out;
}

/** The staffing sheet's default notebook view: KPI cards and the three charts. */
export function staffingLayoutItems(shape: Pick<ClientShape, 'levels' | 'regions' | 'reps' | 'unit'>): LayoutItem[] {
  const L = staffingLayout(shape);
  const S = STAFFING_SHEET;
  const withUnit = unitOption(shape);
  const g1 = L.regionRow + 1;
  const g2 = L.regionRow + L.R;
  const m1 = columnLabel(MONTHS_AT);
  const m12 = columnLabel(MONTHS_AT + 11);
  const targetRow = L.monthTotal + 2; // the monthly-target row, just below MONTHLY_CAPACITY
  const kpi = (key: string, value: string, label: Text, extra: Record<string, unknown> = {}, sub?: string): LayoutItem => ({
    id: `${S}.kpi.${key}`, kind: 'kpi', sheet: S, ranges: sub ? { value, sub } : { value }, options: { label, ...extra },
  });
  return [
    {
      id: `${S}.note`, kind: 'note', sheet: S, ranges: {},
      options: {
        title: tx('人员计划', 'Staffing plan'),
        text: tx(
          '团队扛得住目标吗？每位在岗代表和每个招聘名额按职级的满产产出、爬坡月数和流失折减逐月计算产能，对照各区域的最终目标；人员底薪成本进入费用结构的底薪项。',
          'Can the team carry the number? Every roster rep and every planned hire earns capacity month by month from the level’s full productivity, ramp and attrition drag, checked against each region’s final target; the personnel cost feeds the expense plan’s salary line.',
        ),
      },
    },
    kpi('gap', 'CAPACITY_GAP', tx('产能缺口', 'Capacity gap'), withUnit, 'CAPACITY_TOTAL'),
    kpi('cost', 'PERSONNEL_COST', tx('人员成本', 'Personnel cost'), withUnit),
    kpi('headcount', 'HEADCOUNT_END', tx('期末人数', 'Headcount at end'), {}, 'HIRES_TOTAL'),
    {
      id: `${S}.regions`, kind: 'groupedBar', sheet: S,
      ranges: { values: `G${g1}:H${g2}`, rowLabels: `A${g1}:A${g2}` },
      options: { label: tx('各区域产能 vs 最终目标', 'Capacity vs final target by region'), ...withUnit, series: 'cols', seriesLabels: [tx('产能', 'Capacity'), tx('最终目标', 'Final target')] },
    },
    {
      id: `${S}.months`, kind: 'line', sheet: S,
      ranges: { values: `${m1}${L.monthTotal + 1}:${m12}${L.monthTotal + 1},${m1}${targetRow}:${m12}${targetRow}`, colLabels: `${m1}${L.monthHead + 1}:${m12}${L.monthHead + 1}` },
      options: { label: tx('月度产能 vs 月度目标', 'Monthly capacity vs monthly target'), ...withUnit, series: 'rows', seriesLabels: [tx('产能', 'Capacity'), tx('目标', 'Target')] },
    },
    {
      id: `${S}.headcount`, kind: 'waterfall', sheet: S,
      ranges: { labels: `A${L.waterRow + 1}:A${L.waterRow + WATERFALL.length}`, values: `B${L.waterRow + 1}:B${L.waterRow + WATERFALL.length}`, types: `C${L.waterRow + 1}:C${L.waterRow + WATERFALL.length}` },
      options: { label: tx('人数变动：期初 → 新招 → 流失 → 补员 → 期末', 'Headcount: start → hires → leavers → backfills → end') },
    },
  ];
}

/**
 * What the cost outputs hold with no hires on a shape (each roster rep at its level's base): the
 * sample values a link stub of F_Staffing shows where another sheet reads `PERSONNEL_COST` or
 * `REGION_COST`. Capacity is not given: nothing outside F_Staffing reads it.
 */
export function staffingCostSample(shape: Pick<ClientShape, 'levels' | 'regions' | 'reps'>): Record<string, number> {
  const L = staffingLayout(shape);
  const base = new Map(shape.levels.map((l) => [l.name, l.base]));
  const byRegion = shape.regions.map((r) => shape.reps.filter((x) => x.region === r).reduce((s, x) => s + (base.get(x.level) ?? 0), 0));
  const out: Record<string, number> = { [A1('B', L.outRow + OUTPUTS.findIndex((o) => o[0] === 'PERSONNEL_COST'))]: byRegion.reduce((a, b) => a + b, 0) };
  byRegion.forEach((v, i) => (out[A1('M', L.regionRow + i)] = v));
  return out;
}
