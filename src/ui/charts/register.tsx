/**
 * Plugs the notebook view into the editor: the area above the grid (notes, KPI cards, charts)
 * and a toolbar toggle that shows or hides it. Only this small module is in the app shell; the
 * view itself loads lazily, and Plot later still, when the first chart draws.
 */
import { lazy, Show, Suspense } from 'solid-js';
import { defineMessages, t } from '../../i18n';
import { ABOVE_GRID, TOOLBAR_ITEMS } from '../notebook/extensions';
import { createViewState } from './viewState';

defineMessages({
  en: { 'nbv.toggle': 'Charts', 'nbv.toggleTitle': 'Show or hide the notebook view (notes, KPI cards and charts) above the grid' },
  'zh-CN': { 'nbv.toggle': '图表', 'nbv.toggleTitle': '在表格上方显示或隐藏笔记本视图（说明、指标卡和图表）' },
});

const NotebookView = lazy(() => import('./NotebookView'));
const view = createViewState();

ABOVE_GRID.push({
  id: 'notebook-view',
  render: (ctx) => (
    <Show when={view.shown()}>
      <Suspense>
        <NotebookView ctx={ctx} view={view} />
      </Suspense>
    </Show>
  ),
});

TOOLBAR_ITEMS.push({
  id: 'notebook-view',
  render: () => (
    <button
      class="nbv-toggle"
      classList={{ on: view.shown() }}
      data-testid="toggle-notebook-view"
      aria-pressed={view.shown()}
      title={t('nbv.toggleTitle')}
      onClick={() => view.setShown(!view.shown())}
    >
      ▦ {t('nbv.toggle')}
    </button>
  ),
});
