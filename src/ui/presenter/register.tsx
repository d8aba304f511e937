/**
 * The workshop's entry points in the editor, registered once (NotebookPage imports this module):
 * the scenario picker, the Scenarios and Decisions side panels, Present, and the projector window.
 * The presenter, the panels and the projector page are lazy chunks; only this small module and the
 * scenario picker load with the editor.
 */
import { lazy, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { t } from '../../i18n';
import { SIDE_PANELS, TOOLBAR_ITEMS } from '../notebook/extensions';
import type { NotebookContext } from '../notebook/extensions';
import { ScenarioSwitcher } from '../scenarios/ScenarioSwitcher';
import { createPresenterState, openProjectorWindow, referenceValues } from './presenterState';
import '../scenarios/scenarios.css';
import './messages';

const PresenterOverlay = lazy(() => import('./PresenterOverlay'));
const ScenarioPanel = lazy(() => import('../scenarios/ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })));
const DecisionPanel = lazy(() => import('./DecisionPanel'));

function WorkshopTools(props: { ctx: NotebookContext }) {
  const session = props.ctx.session;
  const state = createPresenterState(session);
  const present = () => {
    state.setReference(referenceValues(session, state.slides()));
    state.setOpen(true);
    // Full screen needs this click; a refusal (e.g. in a frame) just leaves the window as it is.
    void document.documentElement.requestFullscreen?.().catch(() => {});
  };
  const projector = () => {
    openProjectorWindow(session.doc.id);
  };
  return (
    <div class="tool-group workshop-tools">
      <button class="primary" data-testid="present" title={t('present.openTitle')} onClick={present}>▶ {t('present.open')}</button>
      <Show when={!state.open()}>
        <button data-testid="projector-window" title={t('present.projectorTitle')} onClick={projector}>{t('present.projectorShort')}</button>
      </Show>
      <ScenarioSwitcher session={session} />
      <button data-testid="scenarios-panel" aria-expanded={props.ctx.panel() === 'scenarios'} title={t('sc.manageTitle')} onClick={() => props.ctx.togglePanel('scenarios')}>
        {t('sc.manage')}
      </button>
      <button data-testid="decisions-panel" aria-expanded={props.ctx.panel() === 'decisions'} title={t('log.title')} onClick={() => props.ctx.togglePanel('decisions')}>
        {t('present.logShort')}
      </button>
      <Show when={state.open()}>
        <Portal>
          <PresenterOverlay state={state} onExit={() => state.setOpen(false)} openProjector={projector} />
        </Portal>
      </Show>
    </div>
  );
}

TOOLBAR_ITEMS.push({ id: 'workshop', render: (ctx) => <WorkshopTools ctx={ctx} /> });
SIDE_PANELS.push(
  { id: 'scenarios', render: (ctx) => <ScenarioPanel {...ctx} /> },
  { id: 'decisions', render: (ctx) => <DecisionPanel {...ctx} /> },
);
