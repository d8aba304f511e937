/**
 * The spec's sample inputs of A_Market and B_Target, by name (line, region, rep, account), and
 * the neutral starting values of what the sample does not have. A plan for another client
 * starts from these until the user types over them; the neutral values are round and plausible
 * (every share below 1, every total above 0), so the plan opens with no error value, and the
 * setup dialog's history replaces the sample's where it is given.
 */
import type { RawContent } from '../../src/model/cell';

/** The sample's labels of its lines (the keys stay `P1` … in formulas). */
export const SAMPLE_LINE_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  P1: { zh: '血管介入耗材', en: 'Vascular Intervention' },
  P2: { zh: '微创外科器械', en: 'MIS Instruments' },
  P3: { zh: '智能监护设备', en: 'Smart Monitoring' },
  P4: { zh: '远程心电', en: 'Remote ECG' },
};

/** A_Market's per-line drivers in the sample, by line. */
export const MARKET_SAMPLE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  P1: { covered: 300, universe: 400, m0: 40000, g: 0.05, s1: 0.2525, upgrades: 5000, oldPrice: 3000, hvPrice: 4500, hvBase: 1500, arpa: 40, ramp: 0.5, devCost: 5 },
  P2: { covered: 250, universe: 400, m0: 27500, g: 0.08, s1: 0.22, upgrades: 2000, oldPrice: 2500, hvPrice: 3500, hvBase: 800, arpa: 30, ramp: 0.5, devCost: 5 },
  P3: { covered: 80, universe: 300, m0: 16000, g: 0.1, s1: 0.135, upgrades: 0, oldPrice: 0, hvPrice: 0, hvBase: 0, arpa: 40, ramp: 0.5, devCost: 5 },
};

/**
 * Neutral drivers of a line the sample does not have, relative to its last-year revenue R0:
 * covered-hospital market M0 = 4 × R0 (a 25 % share), share +1 point, no upgrades.
 */
export const MARKET_NEUTRAL = { covered: 100, universe: 150, m0PerBase: 4, g: 0.05, shareGain: 0.01, upgrades: 0, oldPrice: 0, hvPrice: 0, hvBase: 0, arpa: 30, ramp: 0.5, devCost: 5 } as const;

/** New hospitals per region × line in the sample. */
export const NEW_HOSPITALS_SAMPLE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '华东 East': { P1: 2, P2: 3, P3: 6 },
  '华南 South': { P1: 2, P2: 3, P3: 6 },
  '华北 North': { P1: 2, P2: 3, P3: 6 },
  '西部 West': { P1: 4, P2: 5, P3: 12 },
};
export const NEW_HOSPITALS_NEUTRAL = 2;
export const GOAL_GROWTH_SAMPLE = 0.2;

/** B_Target's parameters (C4:C9). */
export const TARGET_PARAMS = { W_TREND: 0.4, W_QUANT: 0.7, ALPHA_BU: 0.3, OVERASSIGN: 0.05, ALERT_DEV: 0.1, REP_W_HIST: 0.5 } as const;

/** B_Target's per-line inputs in the sample, by line. */
export const TARGET_LINE_SAMPLE: Readonly<Record<string, Readonly<Record<string, RawContent>>>> = {
  P1: { qualitative: '集采降价、手术量稳增 VBP price cuts, steady procedures', competitorShare: 0.3, competitorGrowth: 0.04, judgement: 0.12, historyWeight: 0.6 },
  P2: { qualitative: '微创术式渗透加速 MIS adoption accelerating', competitorShare: 0.35, competitorGrowth: 0.1, judgement: 0.22, historyWeight: 0.5 },
  P3: { qualitative: '智慧病房建设扩容 smart-ward build-out', competitorShare: 0.25, competitorGrowth: 0.15, judgement: 0.4, historyWeight: 0.3 },
  P4: { qualitative: '远程监测政策鼓励 remote monitoring encouraged' },
};
export const TARGET_LINE_NEUTRAL = { competitorShare: 0.3, competitorGrowth: 0.05, judgement: 0.1, historyWeight: 0.5 } as const;

/** Neutral history when the setup gives none: last year's revenue per region × line, and the two years before as shares of it. */
export const HISTORY_NEUTRAL = { perRegionLine: 1000, priorShares: [0.8, 0.9] } as const;
/** Neutral regional potential, as a multiple of the region × line's last-year revenue. */
export const POTENTIAL_PER_REVENUE = 4;

/** The sample's bottom-up submissions, by region × line. */
export const BU_SAMPLE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '华东 East': { P1: 4300, P2: 2350, P3: 1150 },
  '华南 South': { P1: 2750, P2: 1800, P3: 700 },
  '华北 North': { P1: 2400, P2: 1380, P3: 480 },
  '西部 West': { P1: 1300, P2: 900, P3: 300 },
};

/** The sample's reps: FY-1 actual, territory potential, new-account quota. */
export const REP_SAMPLE: Readonly<Record<string, { actual: number; potential: number; newAccounts: number }>> = {
  E01: { actual: 3000, potential: 14000, newAccounts: 4 },
  E02: { actual: 2400, potential: 13000, newAccounts: 4 },
  E03: { actual: 1900, potential: 12000, newAccounts: 3 },
  S01: { actual: 2000, potential: 10000, newAccounts: 4 },
  S02: { actual: 1500, potential: 9000, newAccounts: 4 },
  S03: { actual: 1200, potential: 8000, newAccounts: 3 },
  N01: { actual: 1600, potential: 9000, newAccounts: 4 },
  N02: { actual: 1300, potential: 8000, newAccounts: 4 },
  N03: { actual: 1000, potential: 7000, newAccounts: 3 },
  W01: { actual: 700, potential: 7000, newAccounts: 7 },
  W02: { actual: 500, potential: 7000, newAccounts: 7 },
  W03: { actual: 400, potential: 6000, newAccounts: 7 },
};

/** The sample's key accounts' uplift, by account; a neutral 10 % for the others. */
export const ACCOUNT_UPLIFT_SAMPLE: Readonly<Record<string, number>> = {
  '华东A医院 Hospital A（三甲）': 0.15,
  '华东B医院 Hospital B（三甲）': 0.1,
  '华东C医院 Hospital C（三乙）': 0.2,
  '华东D医院 Hospital D（二甲）': 0.3,
  '其他及新客户 Others & new': 1,
};
export const ACCOUNT_UPLIFT_NEUTRAL = 0.1;
