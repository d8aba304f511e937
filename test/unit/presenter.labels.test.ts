import { describe, expect, it } from 'vitest';
import { DRIVERS, SLIDES } from '../../templates/specVocabulary';

describe('one label never names two numbers in the presenter', () => {
  it('across the deck, each KPI and driver label (中文 and English) stands for one reference', () => {
    for (const lang of ['zh', 'en'] as const) {
      const refs = new Map<string, Set<string>>();
      const add = (label: string, ref: string) => refs.set(label, (refs.get(label) ?? new Set()).add(ref));
      for (const s of SLIDES) for (const k of s.kpis) add(k.label[lang], k.id);
      for (const d of DRIVERS) add(d.label[lang], d.ref);
      const clashes = [...refs].filter(([, r]) => r.size > 1).map(([label, r]) => `${label}: ${[...r].join(' / ')}`);
      expect(clashes, lang).toEqual([]);
    }
  });
});
