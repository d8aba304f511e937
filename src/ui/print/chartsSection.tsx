/**
 * The printed sheet's KPI cards and charts (its notebook view, hidden items left out), above its
 * table. The chart components load with the print view; Plot loads when the first chart draws.
 */
import { For, Show } from 'solid-js';
import { ChartView, isChart, KpiCard, layoutItemsOf } from '../charts';
import { PRINT_SECTIONS } from './sections';

PRINT_SECTIONS.push({
  id: 'charts',
  render: ({ session, sheet }) => {
    const items = () => layoutItemsOf(session, sheet.name).filter((i) => !i.hidden);
    const kpis = () => items().filter((i) => i.kind === 'kpi');
    const charts = () => items().filter(isChart);
    return (
      <Show when={items().length > 0}>
        <div class="print-kpis">
          <For each={kpis()}>{(item) => <KpiCard session={session} item={item} />}</For>
        </div>
        <div class="print-charts">
          <For each={charts()}>{(item) => <ChartView session={session} item={item} height={220} />}</For>
        </div>
      </Show>
    );
  },
});
