/** The bullet: projected payout against budget and Σ target incentive. */
import type { BulletData } from '../../../model/charts/bullet';
import { bulletModel } from '../../../model/charts/bullet';
import { t } from '../../../i18n';
import { drawBullet } from '../draw/drawBonus';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';

export const bulletKind: ChartKind<BulletData> = {
  model: bulletModel,
  draw: drawBullet,
  summary: (d, title) => t('sum.bullet', { title, value: fmt(d.value, d.format), budget: fmt(d.budget, d.format), target: fmt(d.target, d.format) }),
};
