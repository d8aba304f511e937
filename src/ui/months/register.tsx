/**
 * Monthly tracking in the editor: a toolbar button on notebooks with an actuals block (`ACTUALS`,
 * G_Monthly) and the actuals side panel, a lazy chunk (papaparse, exceljs behind it).
 */
import { createMemo, lazy, Show } from 'solid-js';
import { t } from '../../i18n';
import { SIDE_PANELS, TOOLBAR_ITEMS } from '../notebook/extensions';
import type { NotebookContext } from '../notebook/extensions';
import './messages';

const ActualsPanel = lazy(() => import('./ActualsPanel'));

function ActualsButton(props: { ctx: NotebookContext }) {
  const supported = createMemo(() => props.ctx.session.doc.names.some((n) => n.name.toUpperCase() === 'ACTUALS'));
  return (
    <Show when={supported()}>
      <button data-testid="actuals-panel" aria-expanded={props.ctx.panel() === 'actuals'} title={t('months.panelTitle')} onClick={() => props.ctx.togglePanel('actuals')}>
        {t('months.panelShort')}
      </button>
    </Show>
  );
}

TOOLBAR_ITEMS.push({ id: 'actuals', render: (ctx) => <ActualsButton ctx={ctx} /> });
SIDE_PANELS.push({ id: 'actuals', render: (ctx) => <ActualsPanel {...ctx} /> });
