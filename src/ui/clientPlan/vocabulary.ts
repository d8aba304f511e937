/**
 * Client plans bring their own presenter vocabulary (drivers and slides at the generated cells):
 * importing this module registers it with `src/model/drivers.ts`. The editor (Structure panel
 * registration) and the presenter state import it, so the projector window has it too.
 */
import { $RAW } from 'solid-js/store';
import type { Notebook } from '../../model/notebook';
import { registerVocabulary } from '../../model/drivers';
import { PLAN_LAYOUT_KEY } from '../../../templates/generators/plan';
import { planNotebookVocabulary } from '../../../templates/generators/planSlides';

registerVocabulary((nb) => {
  // Asked with the session's store, read the plan's entry through it (a memo then follows a
  // regrow) and hand the generators the raw layout: its shape holds thousands of accounts, and
  // through the store each of their reads would be a tracked lookup.
  void nb.layout[PLAN_LAYOUT_KEY];
  const layout = ((nb.layout as unknown as Record<symbol, unknown>)[$RAW] ?? nb.layout) as Notebook['layout'];
  return planNotebookVocabulary({ names: nb.names, layout });
});
