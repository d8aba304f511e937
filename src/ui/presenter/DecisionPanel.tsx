/** The decision log as an editor side panel: review, note, apply/revert, replay and export after the workshop. */
import type { NotebookContext } from '../notebook/extensions';
import { noteCommand } from '../../model/decisionLog';
import { t } from '../../i18n';
import { promptDialog } from '../dialogs';
import { createReplay, DecisionLogView, describeDecision } from './DecisionLog';
import './presenter.css';
import './messages';

export default function DecisionPanel(props: NotebookContext & { close(): void }) {
  const replay = createReplay(props.session);
  return (
    <aside class="side-panel decision-panel" data-testid="decision-panel">
      <header>
        <strong>{t('log.title')}</strong>
        <button aria-label={t('common.close')} onClick={() => props.close()}>×</button>
      </header>
      <DecisionLogView
        session={props.session}
        replay={replay}
        onNote={async (d) => {
          const text = await promptDialog(t('present.notePlaceholder', { what: describeDecision(props.session.doc, d).what }), d.note ?? '');
          if (text !== null) props.session.edit([noteCommand(d.id, text)], 'note');
        }}
      />
    </aside>
  );
}
