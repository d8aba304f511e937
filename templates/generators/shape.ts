/**
 * The client's shape: the lists a plan is built for (product lines, regions, levels, reps) and
 * the optional history the consultant pastes. Generators read a `ClientShape` and nothing else
 * about the client; `SAMPLE_SHAPE` is the spec's sample company (康瑞医疗 KangRui Medical), on
 * which the generators give back the spec's sheets cell for cell.
 */
import type { Locale } from '../../src/model/notebook';

/** Money unit of the labels. The spec's sample is in 万元; numbers are never rescaled. */
export type MoneyUnit = '元' | '千元' | '万元';

export interface ProductLine {
  /** The key used by MATCH/SUMIF across the sheets (`P1`). */
  name: string;
  /** New this year: no history; its target comes from the Ansoff initiatives (as P4 in the spec). */
  isNew: boolean;
}

export interface Level {
  name: string;
  /** On-target earnings per year, in the plan's money unit. */
  ote: number;
  /** Base salary per year (base % = base ÷ OTE). */
  base: number;
}

export interface Rep {
  name: string;
  /** One of `ClientShape.regions`. */
  region: string;
  /** One of `ClientShape.levels[].name`. */
  level: string;
}

export interface KeyAccount {
  rep: string;
  account: string;
  /** Last year's revenue with this account. */
  revenue: number;
}

export interface ClientShape {
  client: string;
  fiscalYear: number;
  unit: MoneyUnit;
  language: Locale;
  /** 1–12 lines. Lines with history come first in the plan, new lines after them (as P4). */
  products: ProductLine[];
  /** 1–30 regions. */
  regions: string[];
  /** 1–6 levels; the last one is the regional managers' level (one manager per region). */
  levels: Level[];
  /** Up to 500 reps, every region with at least one. */
  reps: Rep[];
  /** Last year's revenue, regions down × lines with history across. */
  history?: number[][];
  /** The two years before, by line with history: `[{label:'FY2023', values:[…]}, {label:'FY2024', …}]`. */
  historyPrior?: { label: string; values: number[] }[];
  /** Regional potential, regions down × lines with history across. */
  potential?: number[][];
  /** Key accounts (up to 5,000). */
  accounts?: KeyAccount[];
}

/** Limits of the setup dialog and the Structure panel. */
export const SHAPE_LIMITS = {
  products: { min: 1, max: 12 },
  regions: { min: 1, max: 30 },
  levels: { min: 1, max: 6 },
  reps: { min: 1, max: 500 },
  accounts: { min: 0, max: 5000 },
} as const;

/** The spec's sample company (§3 of the spec). */
export const SAMPLE_SHAPE: ClientShape = {
  client: '康瑞医疗 KangRui Medical',
  fiscalYear: 2026,
  unit: '万元',
  language: 'zh-CN',
  products: [
    { name: 'P1', isNew: false },
    { name: 'P2', isNew: false },
    { name: 'P3', isNew: false },
    { name: 'P4', isNew: true },
  ],
  regions: ['华东 East', '华南 South', '华北 North', '西部 West'],
  levels: [
    { name: '高级代表 Senior Rep', ote: 40, base: 24 },
    { name: '代表 Rep', ote: 30, base: 18 },
    { name: '区域经理 Regional Manager', ote: 60, base: 42 },
  ],
  reps: ['E', 'S', 'N', 'W'].flatMap((prefix, r) =>
    [1, 2, 3].map((n) => ({
      name: `${prefix}0${n}`,
      region: ['华东 East', '华南 South', '华北 North', '西部 West'][r],
      level: n === 1 ? '高级代表 Senior Rep' : '代表 Rep',
    })),
  ),
  history: [
    [4200, 2100, 1000],
    [2600, 1500, 600],
    [2300, 1200, 400],
    [900, 700, 0],
  ],
  historyPrior: [
    { label: 'FY2023', values: [8900, 4000, 1100] },
    { label: 'FY2024', values: [9500, 4700, 1500] },
  ],
  potential: [
    [18000, 12000, 9000],
    [12000, 9000, 6000],
    [11000, 8000, 5000],
    [9000, 6000, 5000],
  ],
  accounts: [
    { rep: 'E01', account: '华东A医院 Hospital A（三甲）', revenue: 1100 },
    { rep: 'E01', account: '华东B医院 Hospital B（三甲）', revenue: 800 },
    { rep: 'E01', account: '华东C医院 Hospital C（三乙）', revenue: 600 },
    { rep: 'E01', account: '华东D医院 Hospital D（二甲）', revenue: 300 },
    { rep: 'E01', account: '其他及新客户 Others & new', revenue: 200 },
  ],
};

/** The regional managers' level: the last one listed. */
export function managerLevel(shape: Pick<ClientShape, 'levels'>): Level {
  return shape.levels[shape.levels.length - 1];
}

/** The reps' levels: all but the managers' level (all of them when only one is listed). */
export function repLevels(shape: Pick<ClientShape, 'levels'>): Level[] {
  return shape.levels.length > 1 ? shape.levels.slice(0, -1) : shape.levels.slice();
}

/** Lines with history first, then the new lines, each group in the order given. */
export function planProducts(shape: Pick<ClientShape, 'products'>): ProductLine[] {
  return [...shape.products.filter((p) => !p.isNew), ...shape.products.filter((p) => p.isNew)];
}
