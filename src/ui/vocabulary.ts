/**
 * Registers the notebook vocabularies the templates own with `src/model/drivers.ts`: the spec's
 * tables for the sample plan and single templates, and a client plan's own drivers and slides at
 * its generated cells. Every UI module that asks for drivers, slides, presets or comparison
 * outputs imports this, so the projector window has them too.
 */
import { $RAW } from 'solid-js/store';
import type { Notebook } from '../model/notebook';
import { registerDefaultVocabulary, registerVocabulary } from '../model/drivers';
import { PLAN_LAYOUT_KEY } from '../../templates/generators/plan';
import { planNotebookVocabulary } from '../../templates/generators/planSlides';
import { SPEC_VOCABULARY } from '../../templates/specVocabulary';

registerDefaultVocabulary(SPEC_VOCABULARY);
registerVocabulary((nb) => {
  // Asked with the session's store, read the plan's entry through it (a memo then follows a
  // regrow) and hand the generators the raw layout: its shape holds thousands of accounts, and
  // through the store each of their reads would be a tracked lookup.
  void nb.layout[PLAN_LAYOUT_KEY];
  const layout = ((nb.layout as unknown as Record<symbol, unknown>)[$RAW] ?? nb.layout) as Notebook['layout'];
  return planNotebookVocabulary({ names: nb.names, layout });
});
