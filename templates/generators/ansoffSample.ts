/**
 * The spec's sample inputs of C_Ansoff, by name (initiative key → column → value), and the
 * neutral starting values of an initiative the sample does not have. A plan for another client
 * starts from these until the user types over them; new-line initiatives, which are wholly made
 * up, say so in their label.
 */
import type { RawContent } from '../../src/model/cell';

/** Sample inputs by initiative key (`P1|penetration`, `P4|launch1`, …) and column item. */
export const ANSOFF_SAMPLE: Readonly<Record<string, Readonly<Record<string, RawContent>>>> = {
  'P1|penetration': { label: 'P1 现有医院上量+抢份额 volume & share in covered accounts', cost: 80, probability: 0.9 },
  'P2|penetration': { label: 'P2 现有医院上量+抢份额', cost: 150, probability: 0.85 },
  'P3|penetration': { label: 'P3 现有医院上量+抢份额', cost: 60, probability: 0.8 },
  'P1|substitution': { label: 'P1 药物球囊替代常规球囊 DCB substitution', cost: 120, probability: 0.75 },
  'P2|substitution': { label: 'P2 新一代能量平台替代 next-gen energy platform', cost: 40, probability: 0.7 },
  'P4|launch1': {
    label: 'P4 远程心电 – 华东三级医院 Remote ECG in East tertiary accounts',
    market: '华东 East',
    opportunity: 180,
    cost: 120,
    probability: 0.6,
  },
  'P4|launch2': {
    label: 'P4 远程心电 – 华南三级医院 Remote ECG in South tertiary accounts',
    market: '华南 South',
    opportunity: 120,
    cost: 80,
    probability: 0.6,
  },
  'P4|diversification': {
    label: 'P4 远程心电 – 华东县域及居家 Remote ECG county & home channel',
    market: '华东 East',
    opportunity: 150,
    cost: 150,
    probability: 0.35,
  },
};

/**
 * Procedures upgraded to high value in the sample's A_Market (row 16): a line with none has no
 * substitution initiative (P3 in the sample).
 */
export const SAMPLE_UPGRADES: Readonly<Record<string, number>> = { P1: 5000, P2: 2000, P3: 0 };

/** Neutral starting values by initiative kind, for initiatives the sample does not have. */
export const ANSOFF_NEUTRAL = {
  penetration: { cost: 100, probability: 0.85 },
  substitution: { cost: 80, probability: 0.7 },
  development: { probability: 0.7 },
  launch: { opportunity: 100, cost: 80, probability: 0.6 },
  diversification: { opportunity: 50, cost: 50, probability: 0.35 },
} as const;

/** Core-share band and quadrant table of the sample (also the defaults). */
export const ANSOFF_PARAMS = { coreFloor: 0.8, coreCeiling: 0.95 } as const;
