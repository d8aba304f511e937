/**
 * The Structure panel in the editor: a toolbar button on client plans (notebooks with
 * `layout.plan`) and the side panel, a lazy chunk with the generators behind it.
 */
import { createMemo, lazy, Show } from 'solid-js';
import { t } from '../../i18n';
import { SIDE_PANELS, TOOLBAR_ITEMS } from '../notebook/extensions';
import type { NotebookContext } from '../notebook/extensions';
import './messages';
import '../vocabulary';

const StructurePanel = lazy(() => import('./StructurePanel'));

function StructureButton(props: { ctx: NotebookContext }) {
  const isPlan = createMemo(() => !!props.ctx.session.doc.layout.plan);
  return (
    <Show when={isPlan()}>
      <button data-testid="structure-panel-toggle" aria-expanded={props.ctx.panel() === 'structure'} title={t('structure.panelTitle')} onClick={() => props.ctx.togglePanel('structure')}>
        {t('structure.panel')}
      </button>
    </Show>
  );
}

TOOLBAR_ITEMS.push({ id: 'structure', render: (ctx) => <StructureButton ctx={ctx} /> });
SIDE_PANELS.push({ id: 'structure', render: (ctx) => <StructurePanel {...ctx} /> });
