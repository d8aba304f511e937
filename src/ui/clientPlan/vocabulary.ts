/**
 * Client plans bring their own presenter vocabulary (drivers and slides at the generated cells):
 * importing this module registers it with `src/model/drivers.ts`. The editor (Structure panel
 * registration) and the presenter state import it, so the projector window has it too.
 */
import { registerVocabulary } from '../../model/drivers';
import { planNotebookVocabulary } from '../../../templates/generators/planSlides';

registerVocabulary(planNotebookVocabulary);
