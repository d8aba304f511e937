/** The payout curve, by the bonus template's rule: threshold, target, cap, and where each rep lands. */
import type { PayoutData } from '../../../model/charts/payout';
import { payoutModel } from '../../../model/charts/payout';
import { t } from '../../../i18n';
import { PAYOUT_RULE } from '../../../../templates/generators/payoutRule';
import { drawPayout } from '../draw/drawBonus';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';
import { list } from './kind';

export const payoutCurveKind: ChartKind<PayoutData> = {
  model: payoutModel(PAYOUT_RULE),
  draw: drawPayout,
  summary: (d, title) => {
    const f = d.format ?? '0.0%';
    const p = d.params;
    const below = d.reps.filter((r) => Math.round(r.x * 1e6) / 1e6 < p.threshold).length;
    return t('sum.payout', {
      title,
      threshold: t('p.threshold', { a: fmt(p.threshold, f), p: fmt(p.atThreshold, f) }),
      target: t('p.target', { a: fmt(p.target, f), p: fmt(1, f) }),
      cap: t('p.cap', { p: fmt(p.cap, f), a: fmt(d.capAt, f) }),
      reps: `${t('p.belowThreshold', { n: below, total: d.reps.length })}: ${list(d.reps.map((r) => `${r.label} ${fmt(r.x, f)} → ${fmt(r.y, f)}`), 12)}`,
    });
  },
};
