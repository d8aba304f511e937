/**
 * The sheet's notebook view above the grid: title and bilingual note, KPI cards, and the charts
 * of the sheet's layout, all live with the values. Collapsible to its header and resizable by the
 * handle at its bottom, so the grid stays usable; hidden charts are listed in the header to bring
 * back; "+ Chart" adds a chart of the user's own from the selection.
 *
 * Loaded lazily (it is the default export so `register.tsx` can `lazy()` it), and Plot later still,
 * when the first chart draws.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { qualify, rangeToA1 } from '../../model/address';
import type { Bilingual } from '../../model/bilingual';
import { pickText } from '../../model/bilingual';
import { resolveRange } from '../../model/bindingCells';
import { userChartRanges } from '../../model/charts/table';
import type { LayoutItem } from '../../model/notebook';
import { newId } from '../../model/notebook';
import { locale, t } from '../../i18n';
import { notify } from '../services';
import type { NotebookContext } from '../notebook/extensions';
import { ChartView } from './ChartView';
import type { ChartAction } from './ChartView';
import { ChartDialog } from './ChartDialog';
import type { ChartDialogResult } from './ChartDialog';
import { KpiCard } from './KpiCard';
import { isChart, itemTitle } from './kinds';
import { createLayoutActions } from './layoutActions';
import { sessionReader } from './reader';
import type { ViewState } from './viewState';
import './messages';
import './charts.css';

export default function NotebookView(props: { ctx: NotebookContext; view: ViewState }): JSX.Element {
  const { wb, session } = props.ctx;
  const view = props.view;
  // The pane's size is part of the notebook (its layout): opening it brings back how it was left.
  const pane = session.doc.layout.chartPane as { collapsed: boolean; height: number } | undefined;
  if (pane) {
    view.setCollapsed(pane.collapsed);
    view.setHeight(pane.height);
  }
  const savePane = () => {
    const next = { collapsed: view.collapsed(), height: view.height() };
    const now = session.doc.layout.chartPane as typeof next | undefined;
    if (now?.collapsed !== next.collapsed || now?.height !== next.height) session.setViewLayout('chartPane', next);
  };
  const reader = sessionReader(session);
  const layout = createLayoutActions(session, wb.sheet);
  const [dialog, setDialog] = createSignal<{ item?: LayoutItem; range: string } | null>(null);
  const [hiddenOpen, setHiddenOpen] = createSignal(false);

  const items = () => layout.items();
  const byId = createMemo(() => new Map(items().map((i) => [i.id, i])));
  const ids = (pick: (i: LayoutItem) => boolean) => createMemo(() => items().filter((i) => pick(i) && !i.hidden).map((i) => i.id));
  const kpiIds = ids((i) => i.kind === 'kpi');
  const chartIds = ids(isChart);
  const note = createMemo(() => items().find((i) => i.kind === 'note' && !i.hidden));
  const hidden = createMemo(() => items().filter((i) => i.hidden));
  const title = () => pickText(note()?.options?.title as Bilingual | undefined, locale()) || wb.sheetName();
  /** Nothing to show: only the header, so a sheet without charts keeps its grid. */
  const empty = createMemo(() => !note() && kpiIds().length === 0 && chartIds().length === 0);
  const open = () => !view.collapsed() && !empty();

  function goToData(item: LayoutItem): void {
    const ref = item.ranges.values ?? Object.values(item.ranges)[0];
    const r = resolveRange(ref, item.sheet, reader)?.[0];
    if (r) wb.goTo(qualify(r.sheet, rangeToA1(r.range)));
  }

  function actionsFor(id: string): ChartAction[] {
    const item = byId().get(id);
    if (!item) return [];
    const acts: ChartAction[] = [
      { id: 'move-left', label: t('chart.moveLeft'), run: () => layout.move(id, -1), disabled: !layout.canMove(id, -1) },
      { id: 'move-right', label: t('chart.moveRight'), run: () => layout.move(id, 1), disabled: !layout.canMove(id, 1) },
      { id: 'go-to', label: t('chart.goTo'), run: () => goToData(item) },
      { id: 'edit', label: t('chart.edit'), run: () => setDialog({ item, range: '' }) },
      { id: 'hide', label: t('chart.hide'), run: () => layout.hide(id) },
    ];
    if (item.options?.user) acts.push({ id: 'remove', label: t('chart.remove'), run: () => layout.remove(id) });
    return acts;
  }

  function selectionRef(): string {
    const r = wb.selection.range();
    return rangeToA1(r);
  }

  function finish(result: ChartDialogResult | null): void {
    const d = dialog();
    setDialog(null);
    if (!result || !d) return;
    if (result.mode === 'edit' && d.item) {
      layout.update(d.item.id, { title: result.title || undefined, ranges: result.ranges, kind: result.kind }, 'edit chart');
      return;
    }
    if (result.mode !== 'add') return;
    const sheet = wb.sheetName();
    const ranges = userChartRanges(result.kind, result.range, sheet, reader);
    if (!ranges) {
      notify('error', t('chart.badRange', { ref: result.range }));
      return;
    }
    const item: LayoutItem = {
      id: newId('c'),
      kind: result.kind,
      sheet,
      title: result.title || `${t(`kind.${result.kind}`)} ${result.range}`,
      ranges,
      options: { user: true, series: 'cols', endLabel: { zh: '合计', en: 'Total' } },
    };
    layout.add(item);
  }

  function startResize(e: PointerEvent): void {
    const handle = e.currentTarget as HTMLElement;
    const y0 = e.clientY;
    const h0 = view.height();
    const max = Math.max(200, window.innerHeight - 280);
    handle.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent) => view.setHeight(Math.round(Math.max(140, Math.min(max, h0 + ev.clientY - y0))));
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      view.persist();
      savePane();
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  }

  function resizeKey(e: KeyboardEvent): void {
    const step = e.key === 'ArrowUp' ? -40 : e.key === 'ArrowDown' ? 40 : 0;
    if (!step) return;
    e.preventDefault();
    view.setHeight(Math.max(140, Math.min(window.innerHeight - 280, view.height() + step)));
    view.persist();
    savePane();
  }

  return (
    <section
      class="nbv"
      classList={{ collapsed: !open() }}
      data-testid="notebook-view"
      data-sheet={wb.sheetName()}
      aria-label={title()}
      style={open() ? { height: `${view.height()}px` } : undefined}
    >
      <header class="nbv-head">
        <Show when={!empty()}>
          <button
            class="nbv-collapse"
            data-testid="notebook-view-collapse"
            aria-expanded={!view.collapsed()}
            title={view.collapsed() ? t('nbv.expand') : t('nbv.collapse')}
            aria-label={view.collapsed() ? t('nbv.expand') : t('nbv.collapse')}
            onClick={() => { view.setCollapsed(!view.collapsed()); savePane(); }}
          >
            {view.collapsed() ? '▸' : '▾'}
          </button>
        </Show>
        <h2 class="nbv-title">{title()}</h2>
        <Show when={empty()}>
          <span class="nbv-empty">{t('nbv.empty')}</span>
        </Show>
        <span class="spacer" />
        <Show when={hidden().length > 0}>
          <div class="menu-anchor">
            <button data-testid="hidden-charts" aria-haspopup="menu" aria-expanded={hiddenOpen()} onClick={() => setHiddenOpen(!hiddenOpen())}>
              {t('nbv.hidden', { n: hidden().length })}
            </button>
            <Show when={hiddenOpen()}>
              <div class="menu-backdrop" onClick={() => setHiddenOpen(false)} />
              <div class="dropdown nbv-hidden-menu" role="menu">
                <For each={hidden()}>
                  {(i) => (
                    <button role="menuitem" data-show-item={i.id} onClick={() => { setHiddenOpen(false); layout.show(i.id); }}>
                      {t('nbv.show', { title: i.kind === 'note' ? title() : itemTitle(i, locale()) })}
                    </button>
                  )}
                </For>
              </div>
            </Show>
          </div>
        </Show>
        <button data-testid="add-chart" onClick={() => setDialog({ range: selectionRef() })}>{t('nbv.addChart')}</button>
      </header>
      <Show when={open()}>
        <div class="nbv-body">
          <Show when={note()}>{(n) => <NoteCard item={n()} onSave={(text) => layout.update(n().id, { options: { ...n().options, text } }, 'edit note')} onHide={() => layout.hide(n().id)} />}</Show>
          <Show when={kpiIds().length > 0}>
            <div class="kpi-row">
              <For each={kpiIds()}>
                {(id) => {
                  const last = byId().get(id)!;
                  return <KpiCard session={session} item={byId().get(id) ?? last} onActivate={(ref) => wb.goTo(ref)} />;
                }}
              </For>
            </div>
          </Show>
          <Show when={chartIds().length > 0}>
            <div class="chart-grid">
              <For each={chartIds()}>
                {(id) => {
                  const last = byId().get(id)!;
                  return <ChartView session={session} item={byId().get(id) ?? last} actions={actionsFor(id)} />;
                }}
              </For>
            </div>
          </Show>
        </div>
        <div class="nbv-resize" role="separator" aria-orientation="horizontal" tabIndex={0} aria-label={t('nbv.resize')} title={t('nbv.resize')} onPointerDown={startResize} onKeyDown={resizeKey} />
      </Show>
      <Show when={dialog()}>
        {(d) => <ChartDialog item={d().item} sheet={wb.sheetName()} initialRange={d().range} reader={reader} onDone={finish} />}
      </Show>
    </section>
  );
}

/** The sheet's note in the UI language, editable in place (saved as a layout edit). */
function NoteCard(props: { item: LayoutItem; onSave(text: Bilingual): void; onHide(): void }): JSX.Element {
  const [editing, setEditing] = createSignal(false);
  const text = () => (props.item.options?.text as Bilingual | undefined) ?? { zh: '', en: '' };
  let area!: HTMLTextAreaElement;
  const save = () => {
    const key = locale() === 'en' ? 'en' : 'zh';
    props.onSave({ ...text(), [key]: area.value });
    setEditing(false);
  };
  return (
    <div class="nbv-note" data-note={props.item.id}>
      <Show
        when={editing()}
        fallback={
          <>
            <p>{pickText(text(), locale())}</p>
            <button class="nbv-note-edit" title={t('nbv.editNote')} aria-label={t('nbv.editNote')} onClick={() => setEditing(true)}>✎</button>
          </>
        }
      >
        <textarea ref={(el) => { area = el; queueMicrotask(() => el.focus()); }} value={pickText(text(), locale())} rows={3} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
        <div class="nbv-note-actions">
          <button onClick={() => setEditing(false)}>{t('nbv.cancel')}</button>
          <button onClick={props.onHide}>{t('chart.hide')}</button>
          <button class="primary" onClick={save}>{t('nbv.save')}</button>
        </div>
      </Show>
    </div>
  );
}
