/** The bullet: the projected payout (`value`) against the `budget` and the Σ target incentive (`target`). */
import { chartModel } from './bindings';
import { toNumber } from '../bindingCells';

export interface BulletData {
  value: number;
  budget: number;
  target: number;
  format?: string;
  problems: string[];
}

const amount = { role: 'cell', required: true, checked: true } as const;

export const bulletModel = chartModel({ value: amount, budget: amount, target: amount }, (r): BulletData => ({
  value: toNumber(r.data.value?.value) ?? 0,
  budget: toNumber(r.data.budget?.value) ?? 0,
  target: toNumber(r.data.target?.value) ?? 0,
  format: r.formats.value ?? r.formats.budget ?? r.formats.target,
  problems: r.problems,
}));
