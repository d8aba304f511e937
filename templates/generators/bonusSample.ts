/**
 * The spec's sample inputs of E_Bonus: plan parameters (also the defaults of any plan) and the
 * simulated FY attainment and new accounts won per rep, by rep name. A rep the sample does not
 * have starts on target (100 %, new accounts = its quota) until the user types a simulation.
 */

export const BONUS_PARAMS = {
  funding: 0.015,
  threshold: 0.8,
  atThreshold: 0.5,
  target: 1,
  accel: 2,
  cap: 2,
  revenueWeight: 0.8,
} as const;

/** Rep → [revenue attainment, new accounts won]. */
export const BONUS_SAMPLE_REPS: Readonly<Record<string, readonly [number, number]>> = {
  E01: [1.12, 5],
  E02: [0.97, 4],
  E03: [0.85, 2],
  S01: [1.05, 4],
  S02: [1.3, 5],
  S03: [0.78, 2],
  N01: [0.92, 3],
  N02: [1, 4],
  N03: [1.55, 5],
  W01: [1.18, 8],
  W02: [0.88, 6],
  W03: [1.02, 7],
};

/** Attainment points of the payout-curve table (both curve forms are evaluated on them). */
export const CURVE_POINTS = [0.5, 0.7, 0.7999, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7] as const;
