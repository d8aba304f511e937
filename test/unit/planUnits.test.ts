/**
 * A plan counts money in the client's unit (元 / 千元 / 万元), and everything that names the unit
 * says that one: the charts' axes and KPI cards (their `unit` option) and the presenter's money
 * KPIs, bars and tables (the vocabulary's `moneyUnit`). The spec's sample plan stays in 万元.
 */
import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../../src/model/drivers';
import { setLocale, t } from '../../src/i18n';
import '../../src/ui/charts/messages';
import { moneyUnit } from '../../src/ui/kpiFormat';
import { templateById } from '../../templates';
import { UNIT_KEYS } from '../../templates/generators/ansoffView';
import { generatePlan } from '../../templates/generators/plan';
import { planNotebookVocabulary } from '../../templates/generators/planSlides';
import { SAMPLE_SHAPE } from '../../templates/generators/shape';
import type { MoneyUnit } from '../../templates/generators/shape';
import '../../src/ui/vocabulary'; // the templates' vocabularies, as the app registers them

const UNITS: MoneyUnit[] = ['元', '千元', '万元'];
const shown = { en: { 元: 'CNY', 千元: 'CNY k', 万元: 'CNY 10k' }, 'zh-CN': { 元: '元', 千元: '千元', 万元: '万元' } } as const;

describe('the money unit of a client plan', () => {
  for (const unit of UNITS) {
    it(`${unit}: every chart and card with a unit names ${unit}, and the presenter does too`, () => {
      const nb = generatePlan({ ...SAMPLE_SHAPE, unit });
      const units = nb.layout.items.map((i) => i.options?.unit).filter((u) => u !== undefined);
      // Money charts and cards on several sheets carry it: the market, target, expense, staffing and months views.
      expect(units.length).toBeGreaterThanOrEqual(6);
      expect(new Set(units)).toEqual(new Set([UNIT_KEYS[unit]]));
      const v = planNotebookVocabulary(nb);
      expect(v?.moneyUnit).toBe(UNIT_KEYS[unit]);
      for (const locale of ['en', 'zh-CN'] as const) {
        expect(moneyUnit(locale, v?.moneyUnit)).toBe(shown[locale][unit]);
        setLocale(locale);
        expect(t(`unit.${UNIT_KEYS[unit]}`)).toBe(shown[locale][unit]);
      }
    });
  }

  it('the sample annual plan keeps the spec’s 万元 in the presenter', () => {
    const nb = templateById('annual-plan')!.create();
    expect(vocabularyOf(nb).moneyUnit).toBeUndefined();
    expect(moneyUnit('zh-CN', vocabularyOf(nb).moneyUnit)).toBe('万元');
    expect(moneyUnit('en', vocabularyOf(nb).moneyUnit)).toBe('CNY 10k');
  });
});
