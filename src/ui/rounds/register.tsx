/**
 * Bottom-up rounds in the editor: a toolbar button (on plans that have a bottom-up block) and
 * the round side panel, a lazy chunk with exceljs behind it.
 */
import { createMemo, lazy, Show } from 'solid-js';
import { t } from '../../i18n';
import { supportsRounds } from '../../model/buRound';
import { SIDE_PANELS, TOOLBAR_ITEMS } from '../notebook/extensions';
import type { NotebookContext } from '../notebook/extensions';
import './messages';

const RoundPanel = lazy(() => import('./RoundPanel'));

function RoundsButton(props: { ctx: NotebookContext }) {
  const supported = createMemo(() => {
    void props.ctx.session.doc.names.length;
    return supportsRounds(props.ctx.session.doc);
  });
  return (
    <Show when={supported()}>
      <button data-testid="bu-rounds-panel" aria-expanded={props.ctx.panel() === 'rounds'} title={t('bu.panelTitle')} onClick={() => props.ctx.togglePanel('rounds')}>
        {t('bu.panelShort')}
      </button>
    </Show>
  );
}

TOOLBAR_ITEMS.push({ id: 'rounds', render: (ctx) => <RoundsButton ctx={ctx} /> });
SIDE_PANELS.push({ id: 'rounds', render: (ctx) => <RoundPanel {...ctx} /> });
