/**
 * Plugs the what-if tools into the editor: a toolbar button and a side panel. Only this small
 * module loads with the editor; the panel, the pool client and the charts load the first time
 * the panel opens. The tools of a notebook (its pool of workers and any run in progress) live as
 * long as the notebook page, so closing the panel does not stop a run.
 */
import { lazy, Suspense } from 'solid-js';
import { defineMessages, t } from '../../i18n';
import { SIDE_PANELS, TOOLBAR_ITEMS } from '../notebook/extensions';
import type { NotebookContext } from '../notebook/extensions';
import type { WhatIf } from './controller';

defineMessages({
  en: { 'whatif.button': 'What-if', 'whatif.buttonTitle': 'Sensitivity, data tables, goal seek, Monte Carlo and scenario bridges, computed in background workers' },
  'zh-CN': { 'whatif.button': '假设分析', 'whatif.buttonTitle': '敏感性、数据表、单变量求解、蒙特卡洛与情景桥，在后台线程中计算' },
});

const Panel = lazy(() => import('./WhatIfPanel'));

interface Tools {
  get(): Promise<WhatIf>;
  changed(): void;
  dispose(): void;
}

/** The notebook's what-if tools, made once per notebook page: they follow its edits and end when it closes. */
function toolsFor(ctx: NotebookContext): Tools {
  return ctx.own('whatif', () => makeTools(ctx));
}

function makeTools(ctx: NotebookContext): Tools {
  const { session } = ctx;
  let made: Promise<WhatIf> | null = null;
  let current: WhatIf | null = null;
  let disposed = false;
  const t: Tools = {
    get() {
      made ??= import('./controller').then(({ createWhatIf }) => {
        current = createWhatIf(session);
        // Script hook (bench, support): the tools of the open notebook.
        (globalThis as { __opsbookWhatIf?: WhatIf }).__opsbookWhatIf = current;
        if (disposed) current.dispose();
        return current;
      });
      return made;
    },
    changed: () => current?.documentChanged(),
    dispose() {
      disposed = true;
      current?.dispose();
    },
  };
  ctx.onDocumentChange(() => t.changed());
  ctx.onClose(() => t.dispose());
  return t;
}

TOOLBAR_ITEMS.push({
  id: 'whatif',
  render(ctx) {
    toolsFor(ctx);
    return (
      <button class="whatif-button" data-testid="whatif-open" title={t('whatif.buttonTitle')} aria-expanded={ctx.panel() === 'whatif'} onClick={() => ctx.togglePanel('whatif')}>
        ⚖ {t('whatif.button')}
      </button>
    );
  },
});

SIDE_PANELS.push({
  id: 'whatif',
  render(ctx) {
    return (
      <Suspense>
        <Panel ctx={ctx} whatIf={() => toolsFor(ctx).get()} />
      </Suspense>
    );
  },
});
