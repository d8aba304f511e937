/**
 * The what-if side panel: five analyses as tabs over one notebook, each with its settings, a
 * run bar (progress, Cancel) and its last result as a table and a chart. Loaded lazily (with the
 * pool client and the charts) the first time the panel opens.
 */
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n';
import type { NotebookContext } from '../notebook/extensions';
import { ANALYSES } from './controller';
import type { AnalysisKind, WhatIf } from './controller';
import { TornadoView } from './TornadoView';
import { DataTableView } from './DataTableView';
import { GoalSeekView } from './GoalSeekView';
import { MonteCarloView } from './MonteCarloView';
import { BridgeView } from './BridgeView';
import './messages';
import './whatif.css';

export interface PanelProps {
  ctx: NotebookContext & { close(): void };
  whatIf: () => Promise<WhatIf>;
}

let lastTab: AnalysisKind = 'tornado';

export default function WhatIfPanel(props: PanelProps): JSX.Element {
  const [wi] = createResource(async () => {
    const w = await props.whatIf();
    void w.warm();
    return w;
  });
  const [tab, setTab] = createSignal<AnalysisKind>(lastTab);
  const choose = (k: AnalysisKind) => {
    lastTab = k;
    setTab(k);
  };
  return (
    <aside class="side-panel whatif-panel" data-testid="whatif-panel" aria-label={t('whatif.title')}>
      <header>
        <strong>{t('whatif.title')}</strong>
        <button aria-label={t('whatif.close')} onClick={() => props.ctx.close()}>×</button>
      </header>
      <nav class="whatif-tabs" role="tablist">
        <For each={ANALYSES}>
          {(k) => (
            <button role="tab" data-whatif-tab={k} aria-selected={tab() === k} classList={{ on: tab() === k }} onClick={() => choose(k)}>
              {t(`whatif.tab.${k}`)}
            </button>
          )}
        </For>
      </nav>
      <Show when={wi()} fallback={<p class="muted whatif-view">{t('whatif.loading')}</p>}>
        {(w) => (
          <Switch>
            <Match when={tab() === 'tornado'}><TornadoView ctx={props.ctx} wi={w()} /></Match>
            <Match when={tab() === 'dataTable'}><DataTableView ctx={props.ctx} wi={w()} /></Match>
            <Match when={tab() === 'goalSeek'}><GoalSeekView ctx={props.ctx} wi={w()} /></Match>
            <Match when={tab() === 'monteCarlo'}><MonteCarloView ctx={props.ctx} wi={w()} /></Match>
            <Match when={tab() === 'bridge'}><BridgeView ctx={props.ctx} wi={w()} /></Match>
          </Switch>
        )}
      </Show>
    </aside>
  );
}
